"""The carrier's side of a Telnyx media stream: ``MediaStream`` speaking Telnyx's frames.

Differences from Twilio: snake_case fields (``sequence_number``, ``stream_id``), a ``connected``
frame that carries the stream auth token when one was set, ``start.media_format`` naming the
codec (PCMU, PCMA at 8 kHz; L16 big-endian, 16 kHz for wideband), and no stream id on the
runtime's frames. ``disorder_every=n`` sends every n-th media frame after the next one and
repeats another, as Telnyx may (the runtime must re-order and de-duplicate).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from websockets.asyncio.client import ClientConnection

from switchboard_callsim.energy import DEFAULT_VOICED_RMS
from switchboard_callsim.events import OnEvent
from switchboard_callsim.report import CallReport
from switchboard_callsim.stream import MediaStream
from switchboard_callsim.timeline import FRAME_BYTES, FRAME_MS
from switchboard_callsim.webhook import CallIdentity
from switchboard_common.audio import (
    Resampler,
    alaw_decode,
    alaw_encode,
    mulaw_decode,
    mulaw_encode,
)

AUTH_TOKEN_HEADER = "x-telnyx-streaming-auth-token"  # noqa: S105 (a header name)
_TIMELINE_RATE_HZ = 8000


class CodecBridge:
    """The simulator's timeline is 8 kHz mu-law; the stream's codec may not be. Converts caller
    frames out (one 20 ms frame per call, resampling with state) and agent payloads back."""

    def __init__(self, codec: str, sample_rate_hz: int) -> None:
        if codec not in ("PCMU", "PCMA", "L16"):
            raise ValueError(f"codec {codec!r} (PCMU, PCMA or L16)")
        if codec != "L16" and sample_rate_hz != _TIMELINE_RATE_HZ:
            raise ValueError(f"{codec} is 8000 Hz")
        self.codec = codec
        self.sample_rate_hz = sample_rate_hz
        self._frame_samples = sample_rate_hz * FRAME_MS // 1000
        self._up = Resampler(_TIMELINE_RATE_HZ, sample_rate_hz)
        self._down = Resampler(sample_rate_hz, _TIMELINE_RATE_HZ)
        self._pending = np.zeros(0, dtype=np.int16)

    @property
    def frame_bytes(self) -> int:
        """Bytes of 20 ms of the codec."""
        return FRAME_BYTES if self.codec != "L16" else self._frame_samples * 2

    def outbound(self, mulaw_frame: bytes) -> bytes:
        if self.codec == "PCMU":
            return mulaw_frame
        pcm = mulaw_decode(mulaw_frame)
        if self.codec == "PCMA":
            return alaw_encode(pcm)
        out = np.concatenate([self._pending, self._up.process(pcm)])
        if out.size < self._frame_samples:  # the resampler's start-up delay, once
            out = np.concatenate([np.zeros(self._frame_samples - out.size, np.int16), out])
        frame, self._pending = out[: self._frame_samples], out[self._frame_samples :]
        return frame.astype(">i2").tobytes()

    def inbound(self, payload: bytes) -> bytes:
        if self.codec == "PCMU":
            return payload
        if self.codec == "PCMA":
            return mulaw_encode(alaw_decode(payload))
        if len(payload) % 2:
            raise ValueError("L16 payload of an odd number of bytes")
        pcm = np.frombuffer(payload, dtype=">i2").astype(np.int16)
        return mulaw_encode(self._down.process(pcm))


class TelnyxMediaStream(MediaStream):
    def __init__(
        self,
        ws: ClientConnection,
        identity: CallIdentity,
        parameters: dict[str, str],
        report: CallReport,
        *,
        codec: str = "PCMU",
        sample_rate_hz: int = 8000,
        auth_token: str | None = None,
        client_state: str | None = None,
        disorder_every: int = 0,
        on_event: OnEvent | None = None,
        voiced_rms: float = DEFAULT_VOICED_RMS,
    ) -> None:
        super().__init__(ws, identity, parameters, report, on_event=on_event, voiced_rms=voiced_rms)
        self.bridge = CodecBridge(codec, sample_rate_hz)
        self._auth_token = auth_token
        self._client_state = client_state
        self._disorder_every = disorder_every
        self._media_sent = 0
        self._held: dict[str, Any] | None = None
        self.held_back = 0
        self.repeated = 0

    async def _open(self) -> None:
        connected: dict[str, Any] = {"event": "connected", "version": "1.0.0"}
        if self._auth_token is not None:
            connected[AUTH_TOKEN_HEADER] = self._auth_token
        await self._send_raw(connected)
        await self._send({"event": "start", "start": self._start_body()})

    def _start_body(self) -> dict[str, Any]:
        ccid = self._identity.call_sid
        return {
            "user_id": self._identity.account_sid,
            "call_control_id": ccid,
            "call_session_id": "session-" + ccid.removeprefix("v3:")[:24],
            "from": self._identity.from_number,
            "to": self._identity.to_number,
            "tags": [],
            "client_state": self._client_state,
            "custom_parameters": self._parameters,
            "media_format": {
                "encoding": self.bridge.codec,
                "sample_rate": self.bridge.sample_rate_hz,
                "channels": 1,
            },
        }

    def _envelope(self, message: dict[str, Any], sequence: int) -> dict[str, Any]:
        body = {"event": message["event"], "sequence_number": str(sequence)}
        return body | {"stream_id": self._identity.stream_sid} | message

    def _dtmf_message(self, digit: str) -> dict[str, Any]:
        return {"event": "dtmf", "dtmf": {"digit": digit}}

    def _stop_message(self) -> dict[str, Any]:
        stop = {"user_id": self._identity.account_sid, "call_control_id": self._identity.call_sid}
        return {"event": "stop", "stop": stop}

    def _caller_payload(self, frame: bytes) -> bytes:
        return self.bridge.outbound(frame)

    def _foreign(self, message: dict[str, Any]) -> bool:
        stream_id = message.get("stream_id")
        return stream_id is not None and stream_id != self._identity.stream_sid

    def _agent_audio(self, payload: bytes) -> bytes:
        return self.bridge.inbound(payload)

    @property
    def _agent_frame_bytes(self) -> int:
        return self.bridge.frame_bytes

    async def _send_raw(self, body: dict[str, Any]) -> bool:
        every = self._disorder_every
        if body["event"] != "media" or every <= 0:
            if self._held is not None:  # nothing overtakes the end of the stream
                held, self._held = self._held, None
                await super()._send_raw(held)
            return await super()._send_raw(body)
        self._media_sent += 1
        if self._held is None and self._media_sent % every == 0:
            self._held, self.held_back = body, self.held_back + 1
            return True
        sent = await super()._send_raw(body)
        if self._held is not None:
            held, self._held = self._held, None
            sent = await super()._send_raw(held) and sent
        if sent and self._media_sent % every == every // 2:
            self.repeated += 1
            sent = await super()._send_raw(body)
        return sent
