"""The carrier's side of a Twilio media stream: real-time caller frames out, agent audio in.

One ``MediaStream`` per call. ``run()`` sends ``connected`` and ``start``, then one 20 ms frame
per tick (the caller's queued utterance, else silence), echoes marks as their audio finishes
playing, and handles the runtime's ``media``/``mark``/``clear``. The scenario driver talks to it
through ``say``, ``press``, ``hang_up`` and ``wait_until`` (re-checked on every tick).
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
from collections.abc import Callable
from typing import Any

from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from switchboard_callsim.energy import DEFAULT_VOICED_RMS
from switchboard_callsim.events import AgentStartedSpeaking, AudioCleared, OnEvent
from switchboard_callsim.report import CallReport, ClearRecord, MarkRecord, TurnRecord
from switchboard_callsim.timeline import FRAME_BYTES, FRAME_MS, CallTimeline
from switchboard_callsim.webhook import CallIdentity


class MediaStream:
    """State of the live stream; times are ms since it was created (just before ``start``).
    Construct it inside the running event loop."""

    def __init__(
        self,
        ws: ClientConnection,
        identity: CallIdentity,
        parameters: dict[str, str],
        report: CallReport,
        *,
        on_event: OnEvent | None = None,
        voiced_rms: float = DEFAULT_VOICED_RMS,
    ) -> None:
        self._ws = ws
        self._identity = identity
        self._parameters = parameters
        self.report = report
        self._on_event = on_event
        self.timeline = CallTimeline(voiced_rms)
        self._send_lock = asyncio.Lock()
        self._sequence = 0
        self._t0 = asyncio.get_running_loop().time()
        self._tick = asyncio.Condition()
        self.ended = asyncio.Event()
        self.ended_by = "unknown"

    def now_ms(self) -> float:
        return (asyncio.get_running_loop().time() - self._t0) * 1000.0

    # --- driver API ---------------------------------------------------------------------------
    async def say(self, audio: bytes, turn: TurnRecord) -> bool:
        """Sends an utterance at real time; ``turn`` opens after its last frame (see
        ``CallTimeline``). False when the call ended first."""
        self.timeline.queue_utterance(audio, turn)
        return await self.wait_until(lambda: not self.timeline.speaking)

    async def press(self, digit: str) -> None:
        if await self._send(self._dtmf_message(digit)):
            self.report.dtmf_sent.append(digit)

    async def wait_until(
        self, predicate: Callable[[], bool], timeout_ms: float | None = None
    ) -> bool:
        """Waits, tick by tick, until ``predicate()`` holds (True), the call ends, or the
        timeout passes (False)."""
        deadline = None if timeout_ms is None else self.now_ms() + timeout_ms
        async with self._tick:
            while not predicate():
                if self.ended.is_set() or (deadline is not None and self.now_ms() >= deadline):
                    return False
                await self._tick.wait()
        return True

    async def pause(self, duration_ms: float) -> bool:
        """Waits ``duration_ms`` on the stream's clock (False when the call ended first)."""
        until_ms = self.now_ms() + duration_ms
        return await self.wait_until(lambda: self.now_ms() >= until_ms)

    async def hang_up(self, ended_by: str) -> None:
        """Sends ``stop`` and closes the socket (the caller or the carrier ends the call)."""
        if self.ended.is_set():
            return
        self.ended_by = ended_by
        self.ended.set()
        if await self._send(self._stop_message()):
            await self._ws.close()

    # --- the stream ---------------------------------------------------------------------------
    async def run(self) -> None:
        """Runs until the call ends (``hang_up`` or the runtime closing the socket)."""
        await self._open()
        async with asyncio.TaskGroup() as group:
            sender = group.create_task(self._send_frames())
            await self._receive()
            if not self.ended.is_set():
                self.ended_by = "runtime"
                self.ended.set()
            self.report.close_code = self._ws.close_code
            sender.cancel()
        async with self._tick:
            self._tick.notify_all()

    # --- the carrier's wire format (Twilio here; a subclass speaks another carrier) ----------
    async def _open(self) -> None:
        """The frames that open the stream: ``connected`` (unnumbered), then ``start``."""
        with contextlib.suppress(ConnectionClosed):
            await self._ws.send(
                json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"})
            )
        await self._send({"event": "start", "start": self._start_body()})

    def _envelope(self, message: dict[str, Any], sequence: int) -> dict[str, Any]:
        """``message`` as sent: with its sequence number and the stream's id."""
        body = {"event": message["event"], "sequenceNumber": str(sequence)}
        return body | {"streamSid": self._identity.stream_sid} | message

    def _dtmf_message(self, digit: str) -> dict[str, Any]:
        return {"event": "dtmf", "dtmf": {"track": "inbound_track", "digit": digit}}

    def _stop_message(self) -> dict[str, Any]:
        stop = {"accountSid": self._identity.account_sid, "callSid": self._identity.call_sid}
        return {"event": "stop", "stop": stop}

    def _media_message(self, frame: bytes, chunk: int) -> dict[str, Any]:
        """One 20 ms caller frame (``frame`` is 8 kHz mu-law) as a ``media`` message."""
        media = {
            "track": "inbound",
            "chunk": str(chunk),
            "timestamp": str((chunk - 1) * FRAME_MS),
            "payload": base64.b64encode(self._caller_payload(frame)).decode("ascii"),
        }
        return {"event": "media", "media": media}

    def _caller_payload(self, frame: bytes) -> bytes:
        """A caller frame (8 kHz mu-law) in the stream's encoding (Twilio's is the same)."""
        return frame

    def _foreign(self, message: dict[str, Any]) -> bool:
        """True when a runtime frame names another stream than ours."""
        return message.get("streamSid") != self._identity.stream_sid

    def _agent_audio(self, payload: bytes) -> bytes:
        """The runtime's payload as 8 kHz mu-law (Twilio's payloads already are)."""
        return payload

    @property
    def _agent_frame_bytes(self) -> int:
        """Bytes of 20 ms in the runtime's payload encoding."""
        return FRAME_BYTES

    async def _send_raw(self, body: dict[str, Any]) -> bool:
        try:
            await self._ws.send(json.dumps(body))
        except ConnectionClosed:
            return False
        return True

    def _start_body(self) -> dict[str, Any]:
        return {
            "accountSid": self._identity.account_sid,
            "streamSid": self._identity.stream_sid,
            "callSid": self._identity.call_sid,
            "tracks": ["inbound"],
            "customParameters": self._parameters,
            "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
        }

    async def _send(self, message: dict[str, Any]) -> bool:
        """Sends one carrier message with the next sequence number; False once the socket is
        closed (the receive loop then ends the call)."""
        async with self._send_lock:
            self._sequence += 1
            return await self._send_raw(self._envelope(message, self._sequence))

    async def _send_frames(self) -> None:
        loop = asyncio.get_running_loop()
        chunk = 0
        while not self.ended.is_set():
            await asyncio.sleep(max(0.0, self._t0 + chunk * FRAME_MS / 1000 - loop.time()))
            frame = self.timeline.next_caller_frame(self.now_ms())
            chunk += 1
            if not await self._send(self._media_message(frame, chunk)):
                return
            due = self.timeline.playout.due_marks(self.now_ms())
            await self._echo_marks([mark.name for mark in due], cleared=False)
            async with self._tick:
                self._tick.notify_all()

    async def _echo_marks(self, names: list[str], *, cleared: bool) -> None:
        for name in names:
            for record in self.report.marks:
                if record.name == name and record.echoed_ms is None:
                    record.echoed_ms, record.cleared = self.now_ms(), cleared
                    break
            if not await self._send({"event": "mark", "mark": {"name": name}}):
                return

    async def _receive(self) -> None:
        try:
            async for raw in self._ws:
                if isinstance(raw, bytes):
                    self.report.protocol_errors.append("binary frame (text frames only)")
                    continue
                await self._handle(raw)
        except ConnectionClosed:
            return

    async def _handle(self, raw: str) -> None:
        try:
            message = json.loads(raw)
        except json.JSONDecodeError:
            self.report.protocol_errors.append(f"not JSON: {raw[:80]!r}")
            return
        event = message.get("event") if isinstance(message, dict) else None
        if event in ("media", "mark", "clear") and self._foreign(message):
            self.report.protocol_errors.append(f"{event} with wrong stream id")
        if event == "media":
            self._on_media(message)
        elif event == "mark":
            name = str((message.get("mark") or {}).get("name", ""))
            self.report.marks.append(MarkRecord(name, self.now_ms()))
            self.timeline.playout.mark(name, self.now_ms())
        elif event == "clear":
            await self._on_clear()
        else:
            self.report.protocol_errors.append(f"unknown event {event!r}")

    def _on_media(self, message: dict[str, Any]) -> None:
        try:
            audio = base64.b64decode((message.get("media") or {}).get("payload", ""), validate=True)
        except (binascii.Error, TypeError, ValueError):
            self.report.protocol_errors.append("media payload is not base64")
            return
        if len(audio) % self._agent_frame_bytes:
            self.report.protocol_errors.append(
                f"media payload of {len(audio)} bytes (not 20 ms aligned)"
            )
        try:
            audio = self._agent_audio(audio)
        except ValueError as exc:
            self.report.protocol_errors.append(f"media payload: {exc}")
            return
        turn = self.timeline.agent_audio(audio, self.now_ms())
        if turn is not None:
            self._emit_started(turn)

    def _emit_started(self, turn: TurnRecord) -> None:
        if self._on_event is not None:
            self._on_event(
                AgentStartedSpeaking(turn.index, turn.agent_first_audio_ms or 0.0, turn.latency_ms)
            )

    async def _on_clear(self) -> None:
        now = self.now_ms()
        dropped_ms, marks = self.timeline.clear(now)
        self.report.clears.append(ClearRecord(now, dropped_ms, len(marks)))
        if self._on_event is not None:
            self._on_event(AudioCleared(now, dropped_ms))
        await self._echo_marks([mark.name for mark in marks], cleared=True)
