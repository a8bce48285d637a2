"""An observer (a realtime session's client) hears, as they happen, when the caller starts and
stops and each sentence the agent is about to say, with the mark its audio ends at."""

from __future__ import annotations

import asyncio
from pathlib import Path

from switchboard_voice_runtime.call.session import CallOutcome
from switchboard_voice_runtime.testing.caller import ScriptedCaller
from switchboard_voice_runtime.testing.harness import CallHarness, build_call, sample_agent
from switchboard_voice_runtime.testing.virtual_time import run_virtual

HOURS = (Path(__file__).parent / "fixtures" / "caller_hours.ulaw").read_bytes()


class Observed:
    def __init__(self) -> None:
        self.happened: list[tuple[str, ...]] = []

    def caller_started(self) -> None:
        self.happened.append(("caller_started",))

    def caller_stopped(self) -> None:
        self.happened.append(("caller_stopped",))

    def agent_segment(self, mark: str, text: str) -> None:
        self.happened.append(("agent", mark, text))

    def caller_transcribed(self, text: str) -> None:
        self.happened.append(("transcribed", text))


def test_the_observer_hears_the_turns_and_sentences_as_they_happen() -> None:
    agent = sample_agent()
    caller = ScriptedCaller(until_s=16)
    caller.say(2.5, HOURS, "what are your opening hours")
    observed = Observed()
    holder: list[CallHarness] = []

    async def main() -> CallOutcome:
        holder.append(build_call(agent, caller, observer=observed))
        asyncio.get_running_loop().call_later(16, holder[0].session.hang_up)
        return await holder[0].run()

    run_virtual(main())
    kinds = [event[0] for event in observed.happened]
    assert kinds[0] == "agent" and observed.happened[0][2] == agent.greeting
    started, stopped = kinds.index("caller_started"), kinds.index("caller_stopped")
    assert started < stopped < len(kinds) - 1 and kinds[-1] == "agent"
    answer = " ".join(e[2] for e in observed.happened[stopped:] if e[0] == "agent")
    assert answer == holder[0].events.turns()[0].agent_text
    sent_marks = [sent.name for sent in holder[0].media.sent if sent.kind == "mark"]
    assert [e[1] for e in observed.happened if e[0] == "agent"] == sent_marks
