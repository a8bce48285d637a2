"""A caller who hangs up mid-turn: the turn the hang-up cut short is still in the call's
transcript, its turn count and its events (scripted on virtual time)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest

from switchboard_voice_runtime.providers import ChatDelta
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.fakes import FakeChatModel
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

HOURS = (Path(__file__).parent / "fixtures" / "caller_hours.ulaw").read_bytes()
QUESTION = "what are your opening hours"


def _hang_up_at(factory: Callable[[], CallHarness], at_s: float) -> CallHarness:
    async def main() -> CallHarness:
        call = factory()
        asyncio.get_running_loop().call_later(at_s, call.session.hang_up)
        await call.run()
        return call

    return run_virtual(main())


def test_a_hang_up_during_the_answer_keeps_the_turn_with_what_the_caller_heard() -> None:
    chat = FakeChatModel(
        [
            (0.2, ChatDelta(text="We open at nine. ")),
            (0.1, ChatDelta(text="On weekdays we close at five, and on weekends we are closed.")),
        ]
    )
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"})
    caller = ScriptedCaller(until_s=30).say(0.5, HOURS, QUESTION)
    call = _hang_up_at(lambda: build_call(agent, caller, chat=chat), 6.0)
    (turn,) = call.events.turns()
    assert (turn.caller_text, turn.agent_text, turn.interrupted) == (
        QUESTION,
        "We open at nine.",
        True,
    )
    ended = call.events.ended()
    assert ended.reason == "caller_hangup" and ended.turns == 1
    assert [(e.role, e.text) for e in ended.transcript] == [
        ("agent", "Hello!"),
        ("caller", QUESTION),
        ("agent", "We open at nine."),
    ]


@pytest.mark.parametrize(
    "hang_up_at_s",
    [2.2, 2.65, 3.3],
    ids=["before-the-end-of-turn", "while-transcribing", "before-the-answer"],
)
def test_words_said_just_before_hanging_up_are_in_the_transcript(hang_up_at_s: float) -> None:
    chat = FakeChatModel([(1.0, ChatDelta(text="We open at nine."))])
    agent = sample_agent(llm={"model": "openai/gpt-4o-mini"})
    caller = ScriptedCaller(until_s=30).say(0.5, HOURS, QUESTION)
    call = _hang_up_at(lambda: build_call(agent, caller, chat=chat), hang_up_at_s)
    ended = call.events.ended()
    assert ended.turns == 1
    assert [(e.role, e.text) for e in ended.transcript if e.role == "caller"] == [
        ("caller", QUESTION)
    ]
    (turn,) = call.events.turns()
    assert turn.caller_text == QUESTION and turn.agent_text == ""
