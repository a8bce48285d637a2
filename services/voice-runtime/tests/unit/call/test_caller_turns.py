"""End-of-turn decisions on virtual time with the real Smart-Turn model: a complete sentence
ends the turn at the short pause, an incomplete one waits for the caller to resume or for the
agent's maximum wait."""

from __future__ import annotations

from pathlib import Path

from switchboard_common.contract import CallTurn
from switchboard_voice_runtime.providers import SmartTurnModel
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

FIXTURES = Path(__file__).parent / "fixtures"
BOOK_CLEANING = (FIXTURES / "caller_book_cleaning.ulaw").read_bytes()  # "...for Tuesday."
BOOK = (FIXTURES / "caller_book.ulaw").read_bytes()  # "I'd like to book"
CLEANING = (FIXTURES / "caller_cleaning.ulaw").read_bytes()  # "a cleaning for Tuesday."
NAME_AND = (FIXTURES / "caller_name_and.ulaw").read_bytes()  # "My name is John and I"
MODEL = SmartTurnModel()


def _call(caller: ScriptedCaller, *, model: bool = True) -> CallHarness:
    async def main() -> CallHarness:
        call = build_call(sample_agent(), caller, turn_model=MODEL if model else None)
        await call.run()
        return call

    return run_virtual(main())


def _wait_ms(turn: CallTurn) -> float:
    """From the caller's last voiced frame to the end-of-turn decision."""
    stopped, decided = turn.stages.caller_stopped_ms, turn.stages.end_of_turn_ms
    assert stopped is not None and decided is not None
    return decided - stopped


def test_a_complete_sentence_ends_the_turn_at_the_short_pause() -> None:
    text = "I'd like to book a cleaning for Tuesday."
    call = _call(ScriptedCaller(until_s=6).say(0.5, BOOK_CLEANING, text))
    (turn,) = call.events.turns()
    assert turn.caller_text == text
    # asked at the 120 ms pause and answered "complete": no 500 ms silence rule, no 1.6 s wait
    assert 100 <= _wait_ms(turn) <= 200


def test_an_incomplete_sentence_waits_and_the_caller_resuming_keeps_one_turn() -> None:
    resume_s = 0.5 + len(BOOK) / 8000 + 0.7  # a 700 ms pause (plus Piper's trailing silence)
    caller = (
        ScriptedCaller(until_s=8)
        .say(0.5, BOOK, "I'd like to book")
        .say(resume_s, CLEANING, "I'd like to book a cleaning for Tuesday.")
    )
    call = _call(caller)
    (turn,) = call.events.turns()
    assert turn.caller_text == "I'd like to book a cleaning for Tuesday."
    stopped = turn.stages.caller_stopped_ms
    assert stopped is not None and stopped > resume_s * 1000
    assert 100 <= _wait_ms(turn) <= 200  # the finished sentence is complete at once
    # the speculative transcript of the first pause was discarded, not answered
    assert call.stt.requests >= 2


def test_the_same_pause_without_the_model_is_answered_mid_sentence() -> None:
    resume_s = 0.5 + len(BOOK) / 8000 + 0.7
    caller = (
        ScriptedCaller(until_s=8)
        .say(0.5, BOOK, "I'd like to book")
        .say(resume_s, CLEANING, "a cleaning for Tuesday.")
    )
    call = _call(caller, model=False)
    first, second = call.events.turns()
    # the silence rule answered the first half; the caller went on over that answer before
    # hearing a word of it, so the second turn carries both halves as one request
    assert first.caller_text == "I'd like to book"
    assert first.interrupted and first.agent_text == ""
    assert second.caller_text == "I'd like to book a cleaning for Tuesday."


def test_an_incomplete_sentence_ends_after_the_agents_maximum_wait() -> None:
    call = _call(ScriptedCaller(until_s=6).say(0.5, NAME_AND, "My name is John and I"))
    (turn,) = call.events.turns()
    assert turn.caller_text == "My name is John and I"
    max_wait_ms = sample_agent().turn_taking.incomplete_max_wait_ms
    assert max_wait_ms - 1 <= _wait_ms(turn) <= max_wait_ms + 40


def test_a_caller_going_on_after_a_complete_sounding_pause_is_one_turn() -> None:
    # "What are your opening hours?" (voiced until 1.92 s) is complete to the model: the turn
    # ends 120 ms into the pause. The caller goes on 250 ms into it, while the turn is still
    # being transcribed (300 ms), so it is not answered on its own: one turn.
    hours = (FIXTURES / "caller_hours.ulaw").read_bytes()
    mhm = (FIXTURES / "caller_mhm.ulaw").read_bytes()
    said = "what are your opening hours on saturdays"
    on_s = 1.92 + 0.25
    caller = ScriptedCaller(until_s=8).say(0.5, hours, "what are your opening hours")
    call = _call(caller.say(on_s, mhm, said))
    assert [(turn.caller_text, turn.interrupted) for turn in call.events.turns()] == [(said, False)]
