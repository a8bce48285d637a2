"""TwilioMediaSink: the outbound half of a Twilio media socket."""

from __future__ import annotations

from starlette.websockets import WebSocket, WebSocketState

from switchboard_voice_runtime.telephony import twilio


class TwilioMediaSink:
    """MediaSink writing media, mark and clear frames tagged with the stream's sid."""

    def __init__(self, websocket: WebSocket, stream_sid: str) -> None:
        self._websocket = websocket
        self._stream_sid = stream_sid

    async def send_audio(self, payload: bytes) -> None:
        await self._send(twilio.media_frame(self._stream_sid, payload))

    async def send_mark(self, name: str) -> None:
        await self._send(twilio.mark_frame(self._stream_sid, name))

    async def send_clear(self) -> None:
        await self._send(twilio.clear_frame(self._stream_sid))

    async def _send(self, text: str) -> None:
        if self._websocket.application_state != WebSocketState.CONNECTED:
            raise ConnectionError("the media socket is closed")
        try:
            await self._websocket.send_text(text)
        except Exception as exc:  # starlette raises several types once the peer is gone
            raise ConnectionError("the media socket is closed") from exc
