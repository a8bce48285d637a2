"""The Twilio media websocket: verify the upgrade, then hand the socket, as a neutral media
connection, to the call runner (``call_runner.py``)."""

from __future__ import annotations

from fastapi import APIRouter, WebSocket

from switchboard_common.audio import AudioFormat
from switchboard_common.contract.tenant_config import Carrier, TenantRuntimeConfig
from switchboard_voice_runtime import admission
from switchboard_voice_runtime.api import media_socket as media_socket_helpers
from switchboard_voice_runtime.call.ports import CallControl
from switchboard_voice_runtime.call_runner import APOLOGY_MARK, CallRunner
from switchboard_voice_runtime.runtime import Runtime
from switchboard_voice_runtime.telephony import twilio, twilio_account
from switchboard_voice_runtime.telephony.media_events import MediaEvent, MediaRejected

__all__ = ["APOLOGY_MARK", "TwilioMediaConnection", "router"]

_POLICY_VIOLATION = 1008

router = APIRouter(prefix="/telephony/twilio", tags=["telephony"])


class TwilioMediaConnection:
    """A Media Streams socket as a ``MediaConnection``: frames parsed into neutral events (mu-law
    decoded), mu-law frames out tagged with the stream's sid."""

    carrier: Carrier = "twilio"
    audio_format: AudioFormat = twilio.WIRE_FORMAT
    clears_on_pause = True
    """The TTS service streams mu-law itself, so agent audio goes out as it comes."""

    def __init__(self, runtime: Runtime, websocket: WebSocket, upgrade_signature: str) -> None:
        self._runtime = runtime
        self._websocket = websocket
        self._signature = upgrade_signature
        self._stream_sid = ""

    async def receive(self) -> MediaEvent | None:
        message = await self._websocket.receive()
        if message["type"] == "websocket.disconnect":
            return None
        data = message.get("text") or message.get("bytes") or ""
        try:
            frame = twilio.parse_frame(data)
        except twilio.FrameError as exc:
            return MediaRejected(exc.reason)
        if isinstance(frame, twilio.Start):
            self._stream_sid = frame.stream_sid
        return twilio.media_event(frame)

    def authorizes(self, tenant: TenantRuntimeConfig) -> bool:
        account = twilio_account.account_for(self._runtime, tenant)
        url = self._runtime.settings.media_url(self.carrier)
        return account is not None and twilio.verify_signature(
            account.auth_token, url, [], self._signature
        )

    def call_control(self, tenant: TenantRuntimeConfig, carrier_call_id: str) -> CallControl:
        account = twilio_account.account_for(self._runtime, tenant)
        if account is None:  # authorizes() found it a moment ago
            raise RuntimeError("the tenant's Twilio account is gone")
        return twilio_account.call_control(self._runtime, account, carrier_call_id)

    async def send_audio(self, payload: bytes) -> None:
        await self._send(twilio.media_frame(self._stream_sid, payload))

    async def send_mark(self, name: str) -> None:
        await self._send(twilio.mark_frame(self._stream_sid, name))

    async def send_clear(self) -> None:
        await self._send(twilio.clear_frame(self._stream_sid))

    async def _send(self, text: str) -> None:
        await media_socket_helpers.send_text(self._websocket, text)


@router.websocket("/media")
async def media_socket(websocket: WebSocket) -> None:
    runtime: Runtime = websocket.app.state.runtime
    signature = websocket.headers.get(twilio.SIGNATURE_HEADER)
    url = runtime.settings.media_url(TwilioMediaConnection.carrier)
    if not any(
        twilio.verify_signature(token, url, [], signature)
        for token in twilio_account.known_auth_tokens(runtime)
    ):
        admission.count(runtime, TwilioMediaConnection.carrier, "bad_upgrade_signature")
        await websocket.close(code=_POLICY_VIOLATION)  # before accept: an HTTP 403
        return
    await websocket.accept()
    connection = TwilioMediaConnection(runtime, websocket, signature or "")
    await media_socket_helpers.run_call(websocket, CallRunner(runtime, connection))
