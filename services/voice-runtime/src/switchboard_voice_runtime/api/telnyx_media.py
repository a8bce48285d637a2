"""The Telnyx media websocket: Telnyx does not sign the upgrade, so the socket is bound to its
call by the call token (``start.custom_parameters``) and, for Call Control streams, by the
stream auth token we set (``x-telnyx-streaming-auth-token``: upgrade header or ``connected``
frame). Frames are re-ordered by sequence number and de-duplicated; a mark Telnyx echoes before
its audio could have played is held until then (``PlayoutMarks``), so it never counts as heard
early."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, WebSocket

from switchboard_common.audio import AudioEncoding, AudioFormat, decode
from switchboard_common.contract.tenant_config import Carrier, TenantRuntimeConfig
from switchboard_voice_runtime.api import media_socket as media_socket_helpers
from switchboard_voice_runtime.api.telnyx_call_control import CALL_CONTROL_ACCOUNT_PREFIX
from switchboard_voice_runtime.call.ports import CallControl
from switchboard_voice_runtime.call_runner import CallRunner
from switchboard_voice_runtime.call_token import CallTokenError
from switchboard_voice_runtime.runtime import Runtime
from switchboard_voice_runtime.telephony import telnyx_account
from switchboard_voice_runtime.telephony import telnyx_media as tm
from switchboard_voice_runtime.telephony.media_events import MediaEvent, MediaMark, MediaRejected
from switchboard_voice_runtime.telephony.playout_marks import MarkEcho, PlayoutMarks
from switchboard_voice_runtime.telephony.reorder import SequenceReorderer
from switchboard_voice_runtime.telephony.stream_token import stream_token_matches
from switchboard_voice_runtime.telephony.wire import FrameError

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/telephony/telnyx", tags=["telephony"])


class TelnyxMediaConnection:
    """A Telnyx media socket as a ``MediaConnection``."""

    carrier: Carrier = "telnyx"
    clears_on_pause = True

    def __init__(self, runtime: Runtime, websocket: WebSocket) -> None:
        self._runtime = runtime
        self._websocket = websocket
        self._stream_token = websocket.headers.get(tm.AUTH_TOKEN_FIELD)
        self._format: tm.MediaFormat | None = None
        self._call_token = ""
        self._events: asyncio.Queue[MediaEvent | None] = asyncio.Queue()
        self._reader: asyncio.Task[None] | None = None
        self._reorderer: SequenceReorderer[tm.InboundFrame] = SequenceReorderer()
        self._marks = PlayoutMarks()
        self._loop = asyncio.get_running_loop()
        self._t0 = self._loop.time()
        self.audio_format: AudioFormat = tm.send_format(runtime.settings.telnyx.codec)

    def _now_ms(self) -> float:
        return (self._loop.time() - self._t0) * 1000.0

    async def receive(self) -> MediaEvent | None:
        if self._reader is None:
            self._reader = asyncio.create_task(self._read(), name="telnyx-media-reader")
        return await self._events.get()

    def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()

    async def _read(self) -> None:
        try:
            while True:
                message = await self._websocket.receive()
                if message["type"] == "websocket.disconnect":
                    break
                self._take(message.get("text") or message.get("bytes") or "")
        except Exception:  # the socket is gone: the call ends like a disconnect
            logger.debug("media.read_failed")
        finally:
            for frame in self._reorderer.flush():
                self._deliver(frame)
            self._events.put_nowait(None)

    def _take(self, data: str | bytes) -> None:
        try:
            frame = tm.parse_frame(data)
        except FrameError as exc:
            self._events.put_nowait(MediaRejected(exc.reason))
            return
        if isinstance(frame, tm.Connected) and frame.auth_token and not self._stream_token:
            self._stream_token = frame.auth_token
        for ordered in self._reorderer.push(getattr(frame, "sequence_number", None), frame):
            self._deliver(ordered)

    def _deliver(self, frame: tm.InboundFrame) -> None:
        if isinstance(frame, tm.Start):
            self._format = frame.media_format
            self.audio_format = tm.send_format(frame.media_format.codec)
            self._call_token = frame.custom_parameters.get("call_token", "")
        if isinstance(frame, tm.Mark):
            now_ms = self._now_ms()
            verdict = self._marks.echoed(frame.name, now_ms)
            due_ms = self._marks.last_plays_until_ms
            if verdict is MarkEcho.EARLY and due_ms > now_ms:  # hold it until it could be heard
                self._loop.call_later(
                    (due_ms - now_ms) / 1000.0, self._events.put_nowait, MediaMark(frame.name)
                )
                return
        self._events.put_nowait(tm.media_event(frame, self._format))

    def authorizes(self, tenant: TenantRuntimeConfig) -> bool:
        """The number's account exists and, for a Call Control stream, the socket presented the
        stream token we set for this call."""
        if telnyx_account.account_for(self._runtime, tenant) is None:
            return False
        try:
            claims = self._runtime.tokens.verify(self._call_token)
        except CallTokenError:
            return False
        if not claims.account_ref.startswith(CALL_CONTROL_ACCOUNT_PREFIX):
            return True
        secret = self._runtime.settings.call_token_secret.get_secret_value().encode()
        return stream_token_matches(secret, claims.call_id, self._stream_token)

    def call_control(self, tenant: TenantRuntimeConfig, carrier_call_id: str) -> CallControl:
        account = telnyx_account.account_for(self._runtime, tenant)
        if account is None:  # authorizes() found it a moment ago
            raise RuntimeError("the tenant's Telnyx account is gone")
        return telnyx_account.call_control(self._runtime, account, carrier_call_id)

    async def send_audio(self, payload: bytes) -> None:
        settings = self._runtime.settings.telnyx
        fmt = self._format or tm.media_format(settings.codec, settings.sample_rate_hz)
        wire = payload
        if self.audio_format.encoding is AudioEncoding.PCM16:
            wire = tm.encode_payload(fmt, decode(payload, self.audio_format.encoding))
        self._marks.sent_audio(self.audio_format.ms_for_bytes(len(payload)), self._now_ms())
        await self._send(tm.media_frame(wire))

    async def send_mark(self, name: str) -> None:
        self._marks.sent_mark(name, self._now_ms())
        await self._send(tm.mark_frame(name))

    async def send_clear(self) -> None:
        self._marks.sent_clear(self._now_ms())
        await self._send(tm.clear_frame())

    async def _send(self, text: str) -> None:
        await media_socket_helpers.send_text(self._websocket, text)


@router.websocket("/media")
async def media_socket(websocket: WebSocket) -> None:
    runtime: Runtime = websocket.app.state.runtime
    await websocket.accept()
    connection = TelnyxMediaConnection(runtime, websocket)
    try:
        await media_socket_helpers.run_call(websocket, CallRunner(runtime, connection))
    finally:
        connection.close()
