"""Scripted calls on virtual time where STT, TTS or the LLM fail: apologies, then go on or end."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from switchboard_voice_runtime.call.phrases import (
    APOLOGY_REPEAT,
    APOLOGY_TROUBLE,
    FAILURE_GOODBYE,
    FILLERS,
    builtin_audio,
)
from switchboard_voice_runtime.call.session import CallOutcome
from switchboard_voice_runtime.providers import ChatDelta
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.fakes import FakeChatModel
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

FIXTURES = Path(__file__).parent / "fixtures"
HOURS = (FIXTURES / "caller_hours.ulaw").read_bytes()


def _call(
    factory: Callable[[], CallHarness],
    *,
    prepare: Callable[[CallHarness], object] = lambda call: None,
    prewarm: bool = False,
    hang_up_at_s: float = 20.0,
) -> tuple[CallOutcome, CallHarness]:
    async def main() -> tuple[CallOutcome, CallHarness]:
        call = factory()
        if prewarm:
            await call.services.prewarm(call.session._context.agent)
        prepare(call)
        asyncio.get_running_loop().call_later(hang_up_at_s, call.session.hang_up)
        return await call.run(), call

    return run_virtual(main())


def _agent_texts(call: CallHarness) -> list[str]:
    return [e.text for e in call.events.ended().transcript if e.role == "agent"]


def _two_questions() -> ScriptedCaller:
    return (
        ScriptedCaller(until_s=20)
        .say(0.5, HOURS, "what are your opening hours")
        .say(6.0, HOURS, "how much is a haircut, the prices")
    )


def test_stt_failure_apologizes_asks_to_repeat_and_the_call_continues() -> None:
    def stt_down_once(call: CallHarness) -> None:
        call.stt.failing = True
        asyncio.get_running_loop().call_later(4.0, setattr, call.stt, "failing", False)

    outcome, call = _call(
        lambda: build_call(sample_agent(), _two_questions()), prepare=stt_down_once, prewarm=True
    )
    texts = _agent_texts(call)
    assert texts[:2] == ["Hello!", APOLOGY_REPEAT]
    assert call.events.turns()[-1].agent_text == "A haircut costs twenty dollars."
    assert outcome.reason == "caller_hangup"


def test_tts_failure_plays_the_pre_synthesized_apology() -> None:
    def tts_down(call: CallHarness) -> None:
        call.tts.failing = True

    outcome, call = _call(
        lambda: build_call(sample_agent(), _two_questions()), prepare=tts_down, prewarm=True
    )
    texts = _agent_texts(call)
    assert texts.count(APOLOGY_TROUBLE) == 2
    # the apology audio is the pre-synthesized one: sent although TTS is down
    apology_marks = [s for s in call.media.sent if s.kind == "mark"]
    assert len(apology_marks) >= 3
    assert outcome.reason == "caller_hangup"


def test_tts_down_from_the_start_falls_back_to_the_built_in_recording() -> None:
    def tts_down(call: CallHarness) -> None:
        call.tts.failing = True

    _, call = _call(
        lambda: build_call(sample_agent(), _two_questions()), prepare=tts_down, hang_up_at_s=5
    )
    recording = builtin_audio(APOLOGY_TROUBLE)
    assert recording is not None
    sent = b"".join(frame.payload for frame in call.media.frames())
    assert recording[:1600] in sent
    assert APOLOGY_TROUBLE in _agent_texts(call)


def test_llm_failure_apologizes_and_repeated_failures_end_the_call(
    caplog: pytest.LogCaptureFixture,
) -> None:
    chat = FakeChatModel([(0.1, ChatDelta(text="never said"))])
    chat.failing = True
    caller = (
        ScriptedCaller(until_s=30)
        .say(0.5, HOURS, "what are your opening hours")
        .say(6.0, HOURS, "hello?")
        .say(12.0, HOURS, "anyone there?")
    )
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"})
    outcome, call = _call(lambda: build_call(agent, caller, chat=chat), hang_up_at_s=40)
    texts = _agent_texts(call)
    assert texts.count(APOLOGY_TROUBLE) == 2 and texts[-1] == FAILURE_GOODBYE
    assert outcome.reason == "error" and call.control.hang_ups == 1
    assert [turn.brain for turn in call.events.turns()] == ["llm", "llm", "llm"]
    failures = [r for r in caplog.records if r.getMessage() == "provider failed"]
    assert [r.fields["error"] for r in failures] == ["llm down"] * 3  # type: ignore[attr-defined]


def _silences_after(call: CallHarness, from_s: float, until_s: float) -> list[float]:
    """The gaps (s) in the agent audio heard from ``from_s`` to ``until_s``."""
    frames = [sent.at_s for sent in call.media.frames() if from_s <= sent.at_s <= until_s]
    edges = [from_s, *frames, until_s]
    return [later - earlier - 0.02 for earlier, later in itertools.pairwise(edges)]


def test_a_hung_llm_is_bridged_by_a_filler_within_2_s_and_never_leaves_2_s_of_silence() -> None:
    chat = FakeChatModel([(60.0, ChatDelta(text="Far too late."))])
    caller = ScriptedCaller(until_s=30).say(0.5, HOURS, "what are your opening hours")
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"})
    _, call = _call(lambda: build_call(agent, caller, chat=chat), hang_up_at_s=10.0)
    transcript = call.events.ended().transcript
    stopped_s = next(e.at_ms for e in transcript if e.role == "caller") / 1000
    first_frame_s = min(s.at_s for s in call.media.frames() if s.at_s > stopped_s)
    assert first_frame_s - stopped_s < 2.0, "the first filler came too late"
    assert max(_silences_after(call, stopped_s, 10.0)) < 2.0
    said = " ".join(e.text for e in transcript if e.role == "agent")
    assert FILLERS[0] in said and FILLERS[1] in said


def test_an_answer_in_time_has_no_filler() -> None:
    chat = FakeChatModel([(0.8, ChatDelta(text="We open at nine."))])
    caller = ScriptedCaller(until_s=30).say(0.5, HOURS, "what are your opening hours")
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"})
    _, call = _call(lambda: build_call(agent, caller, chat=chat), hang_up_at_s=8.0)
    (turn,) = call.events.turns()
    assert turn.agent_text == "We open at nine."


def test_a_slow_transcription_is_bridged_by_a_filler_before_the_answer() -> None:
    caller = ScriptedCaller(until_s=30).say(0.5, HOURS, "what are your opening hours")

    def slow_stt(call: CallHarness) -> None:
        call.stt.delay_s = 2.5

    _, call = _call(lambda: build_call(sample_agent(), caller), prepare=slow_stt, hang_up_at_s=12)
    (turn,) = call.events.turns()
    assert turn.agent_text.startswith("We open at nine")
    stopped_s = (turn.stages.caller_stopped_ms or 0) / 1000
    answered_s = (turn.stages.first_frame_out_ms or 0) / 1000
    assert answered_s - stopped_s > 2.5, "the answer waited for the transcript"
    assert max(_silences_after(call, stopped_s, answered_s)) < 2.0
    agent_texts = [e.text for e in call.events.ended().transcript if e.role == "agent"]
    assert agent_texts[:2] == ["Hello!", FILLERS[0]]
