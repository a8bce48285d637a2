"""The scripted caller: runs a scenario's steps against a live media stream, on their triggers."""

from __future__ import annotations

from collections.abc import Callable

from switchboard_callsim.events import CallerActed, OnEvent
from switchboard_callsim.report import TurnRecord
from switchboard_callsim.scenario import ReplyExpectation, Scenario, Step
from switchboard_callsim.stream import MediaStream

DTMF_GAP_MS = 250
"""Between two digits of one step: roughly a tone plus its pause."""


class ScenarioDriver:
    """Plays the caller's side. ``on_turn_done(turn)`` is called once a turn's reply is
    considered complete (the next caller step is about to start, or the call is over)."""

    def __init__(
        self,
        scenario: Scenario,
        stream: MediaStream,
        utterances: dict[int, bytes],
        *,
        on_event: OnEvent | None = None,
        on_turn_done: Callable[[TurnRecord], None] | None = None,
    ) -> None:
        self._scenario = scenario
        self._stream = stream
        self._utterances = utterances
        self._on_event = on_event
        self._on_turn_done = on_turn_done
        self.hung_up = False

    async def run(self) -> None:
        """Returns when every step ran and the call ended, or as soon as the call ends."""
        for index, step in enumerate(self._scenario.steps):
            if not await self._trigger(step):
                return
            await self._act(index, step)
            if self._stream.ended.is_set():
                return
        await self._finish()

    def _expectation_of(self, turn: TurnRecord) -> ReplyExpectation | None:
        if turn.step is None:
            return self._scenario.expect.greeting
        return self._scenario.steps[turn.step].expect

    async def _trigger(self, step: Step) -> bool:
        stream = self._stream
        if step.at_ms is not None:
            at_ms = step.at_ms
            return await stream.wait_until(lambda: stream.now_ms() >= at_ms)
        if step.after_agent_silence_ms is None and step.kind == "wait":
            return not stream.ended.is_set()
        silence_ms = step.after_agent_silence_ms
        if silence_ms is None:
            silence_ms = self._scenario.defaults.after_agent_silence_ms
        return await self._after_reply(silence_ms)

    async def _after_reply(self, silence_ms: float) -> bool:
        """Waits for the agent's reply to the last turn (up to the reply timeout), then for
        ``silence_ms`` of agent silence; hands the finished turn on."""
        stream = self._stream
        turn = stream.timeline.turns[-1]
        expectation = self._expectation_of(turn)
        if expectation is None or expectation.reply:
            await stream.wait_until(
                lambda: turn.agent_first_audio_ms is not None,
                timeout_ms=self._scenario.defaults.reply_timeout_ms,
            )
        done = await stream.wait_until(
            lambda: stream.now_ms() >= stream.timeline.agent_voiced_end_ms + silence_ms
        )
        if self._on_turn_done is not None:
            self._on_turn_done(turn)
        return done

    async def _act(self, index: int, step: Step) -> None:
        stream = self._stream
        now_ms = stream.now_ms()
        text = step.say or (step.wav.name if step.wav else None) or step.dtmf or ""
        if step.kind == "wait":
            await stream.pause(step.wait_ms or 0)
            return
        self._emit(CallerActed(len(stream.timeline.turns), step.kind, text, now_ms))
        if step.kind == "hangup":
            self.hung_up = True
            await stream.hang_up("caller")
            return
        turn = TurnRecord(
            index=len(stream.timeline.turns),
            kind=step.kind,
            step=index,
            caller_text=text,
            caller_started_ms=now_ms,
        )
        if step.speaks:
            await stream.say(self._utterances[index], turn)
            return
        await self._press(step.dtmf or "")
        turn.caller_stopped_ms = stream.now_ms()
        stream.timeline.open_turn(turn)

    async def _press(self, digits: str) -> None:
        stream = self._stream
        for position, digit in enumerate(digits):
            if position and not await stream.pause(DTMF_GAP_MS):
                return
            await stream.press(digit)

    async def _finish(self) -> None:
        """After the last step: let the runtime end the call if that is expected, else hang up
        once the agent has answered."""
        stream = self._stream
        if self._scenario.expect.ended_by == "runtime":
            await stream.wait_until(lambda: False, timeout_ms=self._scenario.end_wait_ms)
            if self._on_turn_done is not None:
                self._on_turn_done(stream.timeline.turns[-1])
        else:
            await self._after_reply(self._scenario.defaults.after_agent_silence_ms)
        if not stream.ended.is_set():
            self.hung_up = True
            self._emit(CallerActed(len(stream.timeline.turns), "hangup", "", stream.now_ms()))
            await stream.hang_up("caller")

    def _emit(self, event: CallerActed) -> None:
        if self._on_event is not None:
            self._on_event(event)
