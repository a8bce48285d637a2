"""Scripted calls on virtual time: greeting, answered turns, barge-in, backchannels, streaming."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from pathlib import Path

from switchboard_voice_runtime.providers import ChatDelta, ToolCall
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.fakes import FakeChatModel, FakeToolRunner
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

FIXTURES = Path(__file__).parent / "fixtures"
HOURS = (FIXTURES / "caller_hours.ulaw").read_bytes()
WAIT = (FIXTURES / "caller_wait.ulaw").read_bytes()
MHM = (FIXTURES / "caller_mhm.ulaw").read_bytes()


def _run(call_factory: Callable[[], CallHarness]) -> CallHarness:
    async def main() -> CallHarness:
        call = call_factory()
        await call.run()
        return call

    return run_virtual(main())


def test_greeting_streams_at_once_and_a_caller_turn_is_answered_from_knowledge() -> None:
    caller = ScriptedCaller(until_s=8).say(0.5, HOURS, "what are your opening hours")
    call = _run(lambda: build_call(sample_agent(), caller))

    first_frame, first_mark = call.media.sent[0], call.media.sent[call.media.kinds().index("mark")]
    assert first_frame.kind == "audio" and first_frame.at_s < 0.1
    assert first_mark.name == "t0-s0"
    (turn,) = call.events.turns()
    assert turn.caller_text == "what are your opening hours"
    assert turn.agent_text.startswith("We open at nine in the morning.")
    assert turn.brain == "builtin" and not turn.interrupted
    stages = turn.stages
    assert stages.caller_stopped_ms is not None and stages.end_of_turn_ms is not None
    assert stages.transcript_final_ms is not None and stages.first_frame_out_ms is not None
    # the transcript was started speculatively, before the end of the turn was confirmed
    assert stages.transcript_final_ms <= stages.end_of_turn_ms
    assert stages.caller_stopped_ms < stages.end_of_turn_ms <= stages.first_frame_out_ms
    assert stages.voice_to_voice_ms is not None and stages.voice_to_voice_ms < 700
    ended = call.events.ended()
    assert [entry.role for entry in ended.transcript][:3] == ["agent", "caller", "agent"]


def test_greeting_comes_from_the_prewarmed_cache_without_tts() -> None:
    async def main() -> CallHarness:
        call = build_call(sample_agent(), ScriptedCaller(until_s=1))
        await call.services.prewarm(call.session._context.agent)
        call.tts.requests.clear()
        call.tts.failing = True
        loop = asyncio.get_running_loop()
        starts.append(loop.time())
        loop.call_later(0.3, call.session.hang_up)
        await call.run()
        return call

    starts: list[float] = []
    call = run_virtual(main())
    assert call.media.frames() and call.media.frames()[0].at_s == starts[0]
    assert "Hello!" not in call.tts.requests


def test_barge_in_clears_the_carrier_and_trims_history_to_the_heard_segments() -> None:
    caller = (
        ScriptedCaller(until_s=14)
        .say(0.5, HOURS, "what are your opening hours")
        .say(5.0, WAIT, "wait, I have another question about the prices")
    )
    call = _run(lambda: build_call(sample_agent(), caller))

    clear = next(item for item in call.media.sent if item.kind == "clear")
    assert 5.0 < clear.at_s < 6.0  # "Wait," alone is shorter than barge_in_min_speech_ms
    first, second = call.events.turns()[:2]
    assert first.interrupted
    assert first.agent_text == "We open at nine in the morning."
    assert second.caller_text == "wait, I have another question about the prices"
    assert second.agent_text == "A haircut costs twenty dollars."
    history = [(e.role, e.text, e.interrupted) for e in call.events.ended().transcript]
    assert ("agent", "We open at nine in the morning.", True) in history
    assert not any("We close at five" in text for _, text, _ in history)
    # no agent audio was sent between the clear and the next answer's turn
    after_clear = [s for s in call.media.sent if clear.at_s <= s.at_s < clear.at_s + 0.5]
    assert all(item.kind != "audio" for item in after_clear[1:])


def test_a_network_stall_during_a_pause_does_not_cut_the_callers_turn() -> None:
    # HOURS is voiced until 1.92 s; the rest of the sentence starts 220 ms later, well inside the
    # agent's 500 ms end-of-turn silence. The frames of 2.0-2.45 s arrive late, in one burst: by
    # arrival time the pause would look 530 ms long; by audio time it is 220 ms.
    said = "what are your opening hours on saturdays"
    caller = (
        ScriptedCaller(until_s=8)
        .say(0.5, HOURS, "what are your opening hours")
        .say(2.1, MHM, said)
        .stall(2.0, 0.45)
    )
    call = _run(lambda: build_call(sample_agent(), caller))

    assert [(t.caller_text, t.interrupted) for t in call.events.turns()] == [(said, False)]
    (turn,) = call.events.turns()
    stages = turn.stages
    assert stages.caller_stopped_ms is not None and stages.end_of_turn_ms is not None
    # one utterance, never transcribed in halves: speech from 0.54 s to 2.7 s plus pre-roll
    assert call.stt.audio_s and all(seconds >= 2.16 for seconds in call.stt.audio_s)
    # MHM is voiced until 2.7 s; the turn ends the configured 500 ms of audio later
    assert abs(stages.caller_stopped_ms - 2700) <= 40
    assert abs(stages.end_of_turn_ms - stages.caller_stopped_ms - 500) <= 40


def test_a_backchannel_does_not_interrupt_the_agent() -> None:
    agent = sample_agent(turn_taking={"barge_in_min_speech_ms": 800})
    caller = (
        ScriptedCaller(until_s=12)
        .say(0.5, HOURS, "what are your opening hours")
        .say(4.0, MHM, "Mm-hmm.")
    )
    call = _run(lambda: build_call(agent, caller))

    assert "clear" not in call.media.kinds()
    (turn,) = call.events.turns()
    assert not turn.interrupted
    assert turn.agent_text.endswith("On weekends we are closed all day long.")


def test_short_speech_that_is_not_a_backchannel_interrupts() -> None:
    agent = sample_agent(turn_taking={"barge_in_min_speech_ms": 800})
    caller = (
        ScriptedCaller(until_s=12)
        .say(0.5, HOURS, "what are your opening hours")
        .say(4.0, MHM, "prices")
    )
    call = _run(lambda: build_call(agent, caller))

    assert "clear" in call.media.kinds()
    first, second = call.events.turns()[:2]
    assert first.interrupted and second.agent_text == "A haircut costs twenty dollars."


def test_llm_first_sentence_is_spoken_before_the_llm_finishes() -> None:
    chat = FakeChatModel(
        [
            (0.2, ChatDelta(text="We open at ")),
            (0.05, ChatDelta(text="nine. ")),
            (3.0, ChatDelta(text="And we close at five.")),
        ]
    )
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"}, system_prompt="Be kind.")
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "what are your opening hours")
    call = _run(lambda: build_call(agent, caller, chat=chat))

    (turn,) = call.events.turns()
    assert turn.brain == "llm"
    # the 3 s pause of the model after the first sentence is bridged by a filler
    assert turn.agent_text == "We open at nine. One moment. And we close at five."
    assert chat.finished_at_s is not None and turn.stages.first_frame_out_ms is not None
    assert turn.stages.first_frame_out_ms / 1000 < chat.finished_at_s
    assert turn.stages.llm_first_token_ms is not None
    system, *history = chat.calls[0]
    assert system.role == "system" and "Be kind." in system.content and "## Hours" in system.content
    assert history[-1].content == "what are your opening hours"


def test_an_http_tool_is_called_mid_answer_and_its_result_finishes_the_answer() -> None:
    chat = FakeChatModel(
        [
            (0.2, ChatDelta(text="Let me check. ")),
            (0.1, ChatDelta(tool_call=ToolCall("find_slot", {"day": "monday"}, "call_1"))),
        ],
        then=[[(0.2, ChatDelta(text="Monday at ten is free."))]],
    )
    tool = {"name": "find_slot", "description": "Free slots on a day", "url": "https://x.test/s"}
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"}, tools={"http_tools": (tool,)})
    tools = FakeToolRunner({"find_slot": '{"free": ["10:00"]}'}, delay_s=0.4)
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "can I come on monday")
    call = _run(lambda: build_call(agent, caller, chat=chat, http_tools=tools))

    (turn,) = call.events.turns()
    assert turn.agent_text == "Let me check. Monday at ten is free."
    (report,) = turn.tool_calls
    assert (report.name, report.ok, report.status_code) == ("find_slot", True, 200)
    assert report.duration_ms >= 400  # the tool's own time, measured where it ran
    ((name, arguments, context),) = tools.calls
    assert (name, arguments) == ("find_slot", {"day": "monday"})
    assert context.call_id == call.session._context.call_id and context.agent_id == "agent-1"
    assert [spec.name for spec in chat.tools[0]] == ["end_call", "find_slot"]
    *_, asked, answered = chat.calls[1]
    assert asked.role == "assistant" and asked.tool_calls[0].id == "call_1"
    assert (answered.role, answered.tool_call_id) == ("tool", "call_1")
    assert answered.content == '{"free": ["10:00"]}'
    # "Let me check." was spoken while the tool ran, not after
    first_audio_s = next(s.at_s for s in call.media.sent if s.kind == "audio" and s.at_s > 1.0)
    assert chat.finished_at_s is not None and first_audio_s < chat.finished_at_s - 0.4


def test_quick_reply_skips_the_llm() -> None:
    chat = FakeChatModel([(0.1, ChatDelta(text="LLM answer."))])
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"})
    caller = ScriptedCaller(until_s=6).say(0.5, HOURS, "where are you located")
    call = _run(lambda: build_call(agent, caller, chat=chat))

    (turn,) = call.events.turns()
    assert turn.brain == "quick_reply" and turn.agent_text == "We are on Main Street."
    assert chat.calls == []


def test_dtmf_digit_reaches_the_brain_and_the_transcript() -> None:
    async def main() -> CallHarness:
        call = build_call(sample_agent(), ScriptedCaller(until_s=6))

        async def press() -> None:
            await asyncio.sleep(1.0)
            call.session.press_digit("2")

        task = asyncio.create_task(press())
        await call.run()
        await task
        return call

    call = run_virtual(main())
    (turn,) = call.events.turns()
    assert turn.caller_text == "[DTMF 2]" and turn.agent_text == "A haircut costs twenty dollars."
    assert any(e.text == "[DTMF 2]" for e in call.events.ended().transcript)


def test_every_caller_turn_asks_stt_with_the_agents_model_and_vocabulary() -> None:
    agent = sample_agent(name="Acme Salon", stt={"model": "base", "vocabulary": ("Siobhan",)})
    caller = ScriptedCaller(until_s=8).say(0.5, HOURS, "what are your opening hours")
    call = _run(lambda: build_call(agent, caller))

    assert call.stt.asked, "the caller's turn was transcribed"
    assert set(call.stt.asked) == {("base", "Siobhan, Acme Salon, Hours, Prices.")}


def _audio_gaps_s(call: CallHarness, after_s: float, until_s: float) -> list[tuple[float, float]]:
    """Gaps longer than 100 ms between consecutive agent audio frames sent in the window."""
    times = [item.at_s for item in call.media.frames() if after_s < item.at_s < until_s]
    return [(a, b) for a, b in itertools.pairwise(times) if b - a > 0.1]


def _frames_heard_without_interruption() -> int:
    """Agent frames the caller hears when asking about the hours and saying nothing more."""
    caller = ScriptedCaller(until_s=14).say(0.5, HOURS, "what are your opening hours")
    return len(_run(lambda: build_call(sample_agent(), caller)).media.heard())


def test_a_backchannel_pauses_the_agent_and_it_resumes_where_it_stopped() -> None:
    caller = (
        ScriptedCaller(until_s=14)
        .say(0.5, HOURS, "what are your opening hours")
        .say(4.0, MHM, "Mm-hmm.")  # voiced 660 ms: far past the 180 ms interruption minimum
    )
    call = _run(lambda: build_call(sample_agent(), caller))

    (gap,) = _audio_gaps_s(call, 3.0, 9.0)  # the answer ends at ~8.5 s
    assert 4.0 < gap[0] < 4.4 and 4.7 < gap[1] < 5.6  # paused while "Mm-hmm." was judged
    # the carrier was cleared at the pause, not after its buffered lead
    (clear,) = [item for item in call.media.sent if item.kind == "clear"]
    assert gap[0] <= clear.at_s < gap[0] + 0.03
    # and the caller still heard the whole answer, nothing cut or doubled by the clear
    assert len(call.media.heard()) == _frames_heard_without_interruption()
    (turn,) = call.events.turns()
    assert not turn.interrupted
    assert turn.agent_text == (
        "We open at nine in the morning. We close at five in the evening on weekdays. "
        "On weekends we are closed all day long."
    )


def test_speech_without_words_resumes_the_agent() -> None:
    caller = (
        ScriptedCaller(until_s=14)
        .say(0.5, HOURS, "what are your opening hours")
        .say(4.0, MHM, "")  # a cough, a noise the VAD took for speech: no words
    )
    call = _run(lambda: build_call(sample_agent(), caller))

    assert len(_audio_gaps_s(call, 3.0, 9.0)) == 1
    assert len(call.media.heard()) == _frames_heard_without_interruption()
    (turn,) = call.events.turns()
    assert not turn.interrupted and turn.agent_text.endswith("closed all day long.")


def test_real_words_commit_the_interruption_while_the_caller_still_talks() -> None:
    caller = (
        ScriptedCaller(until_s=14)
        .say(0.5, HOURS, "what are your opening hours")
        .say(5.0, WAIT, "wait, I have another question about the prices")
    )
    call = _run(lambda: build_call(sample_agent(), caller))

    clear = next(item for item in call.media.sent if item.kind == "clear")
    # paused and cleared at the interruption minimum (180 ms of "Wait,"), before the first
    # words were transcribed (the fake STT takes 300 ms)
    assert 5.15 < clear.at_s < 5.3
    # the words committed it: the answer never went on, long before "Wait, I have
    # another..." ends at ~7.4 s
    assert not [item for item in call.media.frames() if clear.at_s <= item.at_s < 7.4]
    first = call.events.turns()[0]
    assert first.interrupted and first.agent_text == "We open at nine in the morning."


def test_words_that_come_late_still_commit_the_interruption_while_the_caller_talks() -> None:
    caller = (
        ScriptedCaller(until_s=14)
        .say(0.5, HOURS, "what are your opening hours")
        .say(5.0, WAIT, "wait, I have another question about the prices")
    )

    def factory() -> CallHarness:
        call = build_call(sample_agent(), caller)
        # the first ~700 ms of the interruption transcribe to nothing (too short for words)
        call.stt.text_for = lambda now_s: "" if 5.0 <= now_s < 5.9 else caller.text_at(now_s)
        return call

    call = _run(factory)

    first_clear, *later = [item for item in call.media.sent if item.kind == "clear"]
    assert 5.15 < first_clear.at_s < 5.3  # the pause clears the carrier
    # asked again while the caller talks on: cut soon after words come, long before the
    # caller's turn ends (~7.4 s); the agent never went on meanwhile
    assert later and 5.9 < later[0].at_s < 6.9
    assert not [item for item in call.media.frames() if first_clear.at_s <= item.at_s < 7.4]
    first = call.events.turns()[0]
    assert first.interrupted and first.agent_text == "We open at nine in the morning."


def test_a_caller_going_on_before_hearing_the_answer_is_answered_once_for_all_they_said() -> None:
    # "where" ends a turn (500 ms of silence); "are you" follows once its answer has started but
    # before a word of it was heard: one request, "where are you", not two
    caller = ScriptedCaller(until_s=10).say(0.5, HOURS, "where").say(2.7, WAIT, "are you")
    call = _run(lambda: build_call(sample_agent(), caller))

    cut, answered = call.events.turns()[:2]
    assert (cut.caller_text, cut.agent_text, cut.interrupted) == ("where", "", True)
    assert answered.caller_text == "where are you"
    assert answered.agent_text == "We are on Main Street."
    said = [(e.role, e.text) for e in call.events.ended().transcript if e.role != "system"]
    assert said[1:3] == [("caller", "where are you"), ("agent", "We are on Main Street.")]


def test_words_after_a_heard_answer_are_a_request_of_their_own() -> None:
    caller = ScriptedCaller(until_s=14).say(0.5, HOURS, "where").say(5.5, WAIT, "are you")
    call = _run(lambda: build_call(sample_agent(), caller))

    assert [t.caller_text for t in call.events.turns()][:2] == ["where", "are you"]
