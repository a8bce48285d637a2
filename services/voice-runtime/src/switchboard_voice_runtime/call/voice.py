"""Who holds the agent's voice: at most one task speaks; claiming it interrupts the one before."""

from __future__ import annotations

import asyncio

from switchboard_voice_runtime.call.ending import CallEnding
from switchboard_voice_runtime.call.playout import Playout
from switchboard_voice_runtime.call.records import AgentTurn
from switchboard_voice_runtime.call.speaker import Speaker, Utterance
from switchboard_voice_runtime.call.tasks import current_task
from switchboard_voice_runtime.call.turn_log import TurnLog


class Voice:
    """The agent turn that is speaking (``speaking``) and the task that speaks it."""

    def __init__(
        self, speaker: Speaker, playout: Playout, log: TurnLog, ending: CallEnding
    ) -> None:
        self.speaker = speaker
        self.playout = playout
        self._turn_log = log
        self._ending = ending
        self.speaking: AgentTurn | None = None
        self._task: asyncio.Task[None] | None = None
        self._utterances = 0

    @property
    def busy(self) -> bool:
        """The agent is talking, or preparing what it will say."""
        task = self._task
        return self.playout.speaking or (task is not None and not task.done())

    async def claim(self) -> None:
        """Makes the current task the one that speaks, interrupting whoever spoke before."""
        if self.busy and self._task is not current_task():
            await self.barge_in()
        self._task = current_task()

    @property
    def paused(self) -> bool:
        """A tentative interruption holds the agent's audio until the caller's words decide."""
        return self.playout.paused

    def pause(self) -> None:
        self.playout.pause()

    async def flush(self) -> None:
        """While paused: the caller stops hearing the agent now, not after the carrier's lead;
        what was cleared is sent again if the agent goes on."""
        try:
            await self.playout.flush()
        except ConnectionError:
            self._ending.hang_up("caller_hangup")

    def resume(self) -> None:
        """The caller only said "mhm" (or nothing): the agent goes on where it stopped."""
        self.playout.resume()

    async def barge_in(self) -> None:
        turn, task = self.speaking, self._task
        self.speaking = self._task = None
        try:
            await self.playout.interrupt()
        except ConnectionError:
            self._ending.hang_up("caller_hangup")
        if task is not None and task is not current_task() and not task.done():
            task.cancel()
            await asyncio.wait([task])
        if turn is not None:
            await self._turn_log.finish(turn, interrupted=True)

    def new_utterance(self) -> Utterance:
        self._utterances += 1
        return Utterance(self._utterances - 1)

    async def say(self, text: str, *, counts_as_activity: bool = True) -> None:
        """Speaks a fixed phrase as its own utterance and waits until it has played."""
        await self.claim()
        turn = AgentTurn(self.new_utterance(), counts_as_activity=counts_as_activity)
        self.speaking = turn
        await self.speaker.speak_fixed(turn.utterance, text)
        await turn.utterance.played()
        await self._turn_log.finish(turn, interrupted=False)
