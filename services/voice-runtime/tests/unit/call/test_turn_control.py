"""A client that steers the turns itself (a realtime session's app), on virtual time: manual
commits answered only on request, a cancel mid-answer, instructions and a rewritten history in
what the brain sees, and a dropped turn that is never answered."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from switchboard_voice_runtime.call.turn_control import TurnControl
from switchboard_voice_runtime.providers import ChatDelta
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.fakes import FakeChatModel
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

HOURS = (Path(__file__).parent / "fixtures" / "caller_hours.ulaw").read_bytes()
LLM = {"model": "openai/gpt-4o-mini"}


class Observed:
    def __init__(self) -> None:
        self.happened: list[tuple[str, str]] = []

    def caller_started(self) -> None:
        self.happened.append(("caller_started", ""))

    def caller_stopped(self) -> None:
        self.happened.append(("caller_stopped", ""))

    def agent_segment(self, mark: str, text: str) -> None:
        self.happened.append(("agent", text))

    def caller_transcribed(self, text: str) -> None:
        self.happened.append(("transcribed", text))


Steps = list[tuple[float, Callable[[TurnControl], object]]]


def _run(call: Callable[[], CallHarness], steps: Steps, *, until_s: float) -> CallHarness:
    holder: list[CallHarness] = []

    async def main() -> None:
        holder.append(call())
        loop = asyncio.get_running_loop()
        control = holder[0].session.turn_control
        for at_s, step in steps:
            loop.call_later(at_s, step, control)
        loop.call_later(until_s, holder[0].session.hang_up)
        await holder[0].run()

    run_virtual(main())
    return holder[0]


def test_a_manual_commit_is_transcribed_and_answered_only_when_asked() -> None:
    caller = ScriptedCaller(until_s=20).say(2.5, HOURS, "what are your opening hours")
    observed = Observed()
    agent = sample_agent()
    turns_before_respond: list[int] = []
    holder: list[CallHarness] = []

    def build() -> CallHarness:
        holder.append(build_call(agent, caller, observer=observed))
        holder[0].session.turn_control.set_manual(True)
        return holder[0]

    call = _run(
        build,
        [
            (7.0, TurnControl.commit),
            (9.0, lambda _control: turns_before_respond.append(len(holder[0].events.turns()))),
            (9.0, TurnControl.respond),
        ],
        until_s=16,
    )
    kinds = [kind for kind, _ in observed.happened]
    assert "caller_started" not in kinds and "caller_stopped" not in kinds
    assert ("transcribed", "what are your opening hours") in observed.happened
    assert turns_before_respond == [0]  # nothing answered the commit by itself
    (turn,) = call.events.turns()
    assert turn.caller_text == "what are your opening hours"
    assert "nine" in turn.agent_text and not turn.interrupted
    entries = [(entry.role, entry.text) for entry in call.events.ended().transcript]
    assert entries.count(("caller", "what are your opening hours")) == 1


def test_a_commit_with_nothing_appended_commits_nothing() -> None:
    committed: list[bool] = []
    agent = sample_agent()

    def build() -> CallHarness:
        call = build_call(agent, ScriptedCaller(until_s=6))
        call.session.turn_control.set_manual(True)
        call.session.turn_control.clear()
        return call

    def commit_twice(control: TurnControl) -> None:
        committed.append(control.commit())
        committed.append(control.commit())

    def clear_then_commit(control: TurnControl) -> None:
        control.clear()
        committed.append(control.commit())

    call = _run(build, [(3.0, commit_twice), (5.0, clear_then_commit)], until_s=6)
    assert committed == [True, False, False]  # the silence sent is audio; taken once
    assert call.events.turns() == []


def test_cancel_stops_the_answer_and_the_history_keeps_what_was_sent() -> None:
    chat = FakeChatModel(
        [
            (0.2, ChatDelta(text="We open at nine in the morning. ")),
            (0.1, ChatDelta(text="We close at five in the evening on weekdays. ")),
            (0.1, ChatDelta(text="On weekends we are closed all day long.")),
        ],
        then=[[(0.2, ChatDelta(text="Sure."))]],
    )
    agent = sample_agent(llm=LLM)
    caller = ScriptedCaller(until_s=20).say(0.5, HOURS, "what are your opening hours")
    cancels: list[bool] = []
    steps: Steps = [
        (1.5, lambda control: cancels.append(control.cancel())),  # the greeting has played
        (6.5, lambda control: cancels.append(control.cancel())),
        (14.0, TurnControl.respond),
    ]
    call = _run(lambda: build_call(agent, caller, chat=chat), steps, until_s=18)
    assert cancels == [False, True]
    first, second = call.events.turns()
    assert first.interrupted and first.agent_text.startswith("We open at nine")
    assert "weekends" not in first.agent_text
    assert any(sent.kind == "clear" for sent in call.media.sent)
    assert second.caller_text == "" and second.agent_text == "Sure."
    history = chat.calls[1][1:]
    assert history[-1].role == "assistant" and history[-1].content == first.agent_text


def test_instructions_and_a_rewritten_history_reach_the_brain() -> None:
    chat = FakeChatModel([(0.2, ChatDelta(text="Of course."))])
    agent = sample_agent(llm=LLM, system_prompt="Be kind.")
    steps: Steps = [
        (3.0, lambda control: control.instruct("Answer in French.")),
        (
            3.0,
            lambda control: control.rewrite_history(
                [("user", "Hi, I am Ana."), ("assistant", "Hello Ana."), ("user", "Book me in.")]
            ),
        ),
        (3.5, TurnControl.respond),
        (6.0, lambda control: control.respond("Be short.")),
    ]
    call = _run(lambda: build_call(agent, ScriptedCaller(until_s=10), chat=chat), steps, until_s=10)
    system, extra, *history = chat.calls[0]
    assert "Be kind." in system.content and (extra.role, extra.content) == (
        "system",
        "Answer in French.",
    )
    assert [(m.role, m.content) for m in history] == [
        ("user", "Hi, I am Ana."),
        ("assistant", "Hello Ana."),
        ("user", "Book me in."),
    ]
    assert chat.calls[1][1].content == "Be short."  # this answer's own, in place of the session's
    assert chat.calls[1][-1] == chat.calls[0][-1].__class__("assistant", "Of course.")
    assert [turn.agent_text for turn in call.events.turns()] == ["Of course.", "Of course."]


def test_with_server_detection_a_commit_takes_the_turn_unanswered_and_clear_drops_one() -> None:
    caller = ScriptedCaller(until_s=20)
    caller.say(2.0, HOURS, "what are your opening hours")
    caller.say(9.0, HOURS, "where are you")
    observed = Observed()
    committed: list[bool] = []
    turns_before_respond: list[int] = []
    holder: list[CallHarness] = []

    def build() -> CallHarness:
        holder.append(build_call(sample_agent(), caller, observer=observed))
        return holder[0]

    _run(
        build,
        [
            (3.5, lambda control: committed.append(control.commit())),  # before silence would
            (10.5, TurnControl.clear),  # the last words: the turn is dropped
            (12.0, lambda _control: turns_before_respond.append(len(holder[0].events.turns()))),
            (12.0, TurnControl.respond),
        ],
        until_s=18,
    )
    assert committed == [True] and turns_before_respond == [0]
    assert ("transcribed", "what are your opening hours") in observed.happened
    (turn,) = holder[0].events.turns()
    assert turn.caller_text == "what are your opening hours" and "nine" in turn.agent_text


def test_without_auto_answers_a_detected_turn_waits_for_respond() -> None:
    caller = ScriptedCaller(until_s=16).say(2.0, HOURS, "what are your opening hours")
    observed = Observed()
    turns_before_respond: list[int] = []
    holder: list[CallHarness] = []

    def build() -> CallHarness:
        holder.append(build_call(sample_agent(), caller, observer=observed))
        holder[0].session.turn_control.set_auto_answer(False)
        return holder[0]

    _run(
        build,
        [
            (8.0, lambda _control: turns_before_respond.append(len(holder[0].events.turns()))),
            (8.0, TurnControl.respond),
        ],
        until_s=14,
    )
    kinds = [kind for kind, _ in observed.happened]
    assert kinds.index("caller_stopped") < kinds.index("transcribed")
    assert turns_before_respond == [0]
    (turn,) = holder[0].events.turns()
    assert turn.caller_text == "what are your opening hours" and "nine" in turn.agent_text
