"""CallSession: one live call, owning every task it runs in one TaskGroup."""

from __future__ import annotations

import asyncio
import logging

from switchboard_common.contract import CallEnded, CallStarted
from switchboard_common.contract.events import EndReason
from switchboard_common.log import bound
from switchboard_common.recordings import RecordingStoreError, recording_key
from switchboard_voice_runtime.call.conversation import Conversation
from switchboard_voice_runtime.call.dialogue import Dialogue
from switchboard_voice_runtime.call.ending import CallEnding
from switchboard_voice_runtime.call.hearing import Hearing
from switchboard_voice_runtime.call.playout import Playout
from switchboard_voice_runtime.call.ports import (
    CallContext,
    CallControl,
    CallControlError,
    Clock,
    EventSink,
    MediaSink,
    SystemClock,
)
from switchboard_voice_runtime.call.recording import CallRecorder
from switchboard_voice_runtime.call.records import CallOutcome
from switchboard_voice_runtime.call.turn_control import TurnControl
from switchboard_voice_runtime.call.turn_log import TurnLog
from switchboard_voice_runtime.providers import SpeechServices

__all__ = ["CallOutcome", "CallSession"]

_log = logging.getLogger(__name__)
_WATCH_PERIOD_S = 0.25
_CARRIER_ACTION_TIMEOUT_S = 5.0


class _CallOverError(Exception):
    """Raised inside the TaskGroup to end the call and cancel its tasks."""


class CallSession:
    """A live call from media start to hang-up.

    The edge feeds it with push_audio/mark_played/press_digit/hang_up (all synchronous, never
    blocking) and awaits run(), which greets at once and returns once every task has finished.
    """

    def __init__(
        self,
        context: CallContext,
        *,
        media: MediaSink,
        control: CallControl,
        events: EventSink,
        services: SpeechServices,
        clock: Clock | None = None,
        filler_after_s: float = 1.5,
    ) -> None:
        self._context = context
        self._media = media
        self._control = control
        self._events = events
        self._clock = clock or SystemClock()
        rate_hz = context.caller_format.sample_rate_hz
        self._vads = services.vads
        self._hearing = Hearing(
            context.agent.turn_taking,
            sample_rate_hz=rate_hz,
            model=services.turn_model is not None,
            gate=self._vads.lend(rate_hz) if self._vads is not None else None,
            observer=context.observer,
        )
        self._ending = CallEnding()
        self._ended = False
        self._conversation = Conversation()
        self._turn_log = TurnLog(
            context, events=events, conversation=self._conversation, clock=self._clock
        )
        self._recorder = (
            CallRecorder(
                self._turn_log.started_at_s,
                caller_format=context.caller_format,
                agent_format=media.audio_format,
            )
            if context.agent.recording
            else None
        )
        self._playout = Playout(
            media,
            self._clock,
            on_frame=self._recorder.agent if self._recorder else None,
            on_cut=self._recorder.cut_agent if self._recorder else None,
            on_late=context.playout_lateness,
        )
        self._dialogue = Dialogue(
            context,
            services=services,
            control=control,
            playout=self._playout,
            log=self._turn_log,
            ending=self._ending,
            hearing=self._hearing,
            clock=self._clock,
            filler_after_s=filler_after_s,
        )

    @property
    def turn_control(self) -> TurnControl:
        """Turns steered by the client: manual commits, answers on demand, cancel, prompt
        instructions, history (a realtime session's edge; carriers do not use it)."""
        return self._dialogue.control

    @property
    def ended(self) -> bool:
        return self._ended or self._ending.requested

    def push_audio(self, payload: bytes) -> None:
        """Inbound caller audio, PCM16 at ``context.caller_format``'s rate (normally 20 ms);
        cheap and never blocks."""
        if self.ended:
            return
        if self._recorder is not None:
            self._recorder.caller(payload)
        self._hearing.push(payload, self._clock.now())

    def mark_played(self, name: str) -> None:
        self._playout.mark_played(name)

    def press_digit(self, digit: str) -> None:
        if not self.ended and digit in "0123456789*#" and len(digit) == 1:
            self._hearing.press_digit(digit)

    def hang_up(self, reason: EndReason = "caller_hangup") -> None:
        """Ends the call from outside (carrier stop, socket closed, drain); no carrier action."""
        self._ending.hang_up(reason)

    def end(self, reason: EndReason) -> None:
        """Ends the call from inside; the carrier is told to hang up unless it was a transfer."""
        self._ending.end(reason)

    async def run(self) -> CallOutcome:
        context = self._context
        with bound(call_id=context.call_id, tenant_id=context.tenant_id):
            started_at_s = self._turn_log.started_at_s = self._clock.now()
            started_wall = self._clock.wall()
            if self._recorder is not None:
                self._recorder.started_at_s = started_at_s
            await self._events.publish(self._started_event())
            try:
                await self._run_tasks()
            finally:
                self._give_back_vad()
            self._ended = True
            await self._close_dialogue()
            duration_s = max(0.0, self._clock.now() - started_at_s)
            reason: EndReason = self._ending.reason or "error"
            if not self._ending.from_outside and reason != "transferred":
                await self._carrier_hang_up()
            recording = await self._write_recording()
            await self._events.publish(
                CallEnded(
                    **self._turn_log.event_ids(),
                    reason=reason,
                    started_at=started_wall,
                    duration_s=duration_s,
                    turns=self._dialogue.turns,
                    transcript=self._conversation.transcript,
                    recording_ref=recording,
                    transferred_to=self._dialogue.transferred_to,
                    usage=self._dialogue.usage.report(),
                )
            )
        return CallOutcome(
            reason, duration_s, self._dialogue.turns, recording, self._dialogue.transferred_to
        )

    async def _run_tasks(self) -> None:
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(self._stop_when_told())
                group.create_task(self._play())
                group.create_task(self._watch())
                self._dialogue.start(group)
        except* _CallOverError:
            pass
        except* Exception as failure:
            _log.error("call failed", exc_info=failure)
            self.end("error")

    def _give_back_vad(self) -> None:
        gate, self._hearing.gate = self._hearing.gate, None
        if gate is not None and self._vads is not None:
            self._vads.give_back(gate)

    async def _close_dialogue(self) -> None:
        try:
            await self._dialogue.close(self._hearing.unfinished())
        except Exception:  # the call's end is still recorded
            _log.exception("closing turn not recorded")

    async def _stop_when_told(self) -> None:
        await self._ending.wait()
        raise _CallOverError

    async def _play(self) -> None:
        try:
            await self._playout.run()
        except ConnectionError:
            self.hang_up("caller_hangup")

    async def _watch(self) -> None:
        """Idle reprompt and hang-up, and the tenant's maximum call duration."""
        max_s = self._context.limits.max_call_duration_s
        while True:
            await self._clock.sleep(_WATCH_PERIOD_S)
            now_s = self._clock.now()
            if now_s - self._turn_log.started_at_s >= max_s:
                self.end("max_duration")
                return
            self._dialogue.check_idle(now_s, caller_speaking=self._hearing.in_speech)

    async def _carrier_hang_up(self) -> None:
        try:
            async with asyncio.timeout(_CARRIER_ACTION_TIMEOUT_S):
                await self._control.hang_up()
        except (CallControlError, TimeoutError) as error:
            _log.warning("carrier hang-up failed", extra={"fields": {"error": str(error)}})

    async def _write_recording(self) -> str | None:
        """Puts the WAV in the recording store; returns its key (None: not kept or failed)."""
        store = self._context.recordings
        if self._recorder is None or store is None:
            return None
        try:
            key = recording_key(self._context.tenant_id, self._context.call_id)
            await store.put(key, await asyncio.to_thread(self._recorder.wav))
        except (RecordingStoreError, ValueError) as error:
            _log.error("recording not written", extra={"fields": {"error": str(error)}})
            return None
        return key

    def _started_event(self) -> CallStarted:
        context = self._context
        return CallStarted(
            **self._turn_log.event_ids(),
            agent_id=context.agent.agent_id,
            agent_version=context.agent.version,
            number_id=context.number_id,
            carrier=context.carrier,
            carrier_call_id=context.carrier_call_id,
            from_number=context.from_number,
            to_number=context.to_number,
        )
