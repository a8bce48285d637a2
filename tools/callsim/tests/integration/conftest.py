"""A tiny fake runtime (plus fake TTS, STT and carrier REST) on a real socket, for the simulator."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import httpx
import numpy as np
import pytest
from fastapi import FastAPI, Request, Response, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse, StreamingResponse

from switchboard_callsim.carrier import FakeTwilioRest
from switchboard_callsim.energy import is_voiced
from switchboard_callsim.signature import twilio_signature
from switchboard_common.audio import mulaw_encode

AUTH_TOKEN = "test-auth-token"
ACCOUNT_SID = "AC" + "1" * 32
PUBLIC_BASE_URL = "https://voice.example.test"
STREAM_URL = "wss://voice.example.test/telephony/twilio/media"
BUSY_NUMBER = "+15005550404"
TRANSFER_NUMBER = "+15005550009"
REPLY_AFTER_SILENT_FRAMES = 10


def tone(duration_ms: int) -> bytes:
    t = np.arange(duration_ms * 8) / 8000.0
    return mulaw_encode((8000 * np.sin(2 * np.pi * 330 * t)).astype(np.int16))


@dataclass
class FakeRuntime:
    """Answers like a conformant runtime: greeting with a mark, a reply after each caller pause,
    ``clear`` when the caller talks over it; DTMF 0 transfers, DTMF 9 closes the socket."""

    carrier_url: str = ""
    greeting_ms: int = 600
    close_at_once: bool = False
    webhooks: list[dict[str, str]] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    stt_queries: list[dict[str, str]] = field(default_factory=list)

    def voice(self, form: dict[str, str], signature: str) -> Response:
        if signature != twilio_signature(
            AUTH_TOKEN, PUBLIC_BASE_URL + "/telephony/twilio/voice", form
        ):
            return Response("bad signature", status_code=403)
        self.webhooks.append(form)
        if form["To"] == BUSY_NUMBER:
            return Response('<Response><Reject reason="busy"/></Response>', media_type="text/xml")
        twiml = (
            f'<Response><Connect><Stream url="{STREAM_URL}">'
            f'<Parameter name="call_token" value="token-{form["CallSid"]}"/>'
            "</Stream></Connect></Response>"
        )
        return Response(twiml, media_type="text/xml")

    async def media(self, ws: WebSocket) -> None:
        if ws.headers.get("x-twilio-signature") != twilio_signature(AUTH_TOKEN, STREAM_URL):
            await ws.close(code=1008)
            return
        await ws.accept()
        if self.close_at_once:
            await ws.close()
            return
        self.received.append(await ws.receive_json())
        start = await ws.receive_json()
        self.received.append(start)
        call = _FakeCall(ws, start["streamSid"], start["start"]["callSid"], self)
        await call.speak(tone(self.greeting_ms), "greeting")
        try:
            while await call.handle(await ws.receive_json()):
                pass
        except WebSocketDisconnect:
            return


class _FakeCall:
    def __init__(self, ws: WebSocket, stream_sid: str, call_sid: str, runtime: FakeRuntime) -> None:
        self.ws, self.stream_sid, self.call_sid, self.runtime = ws, stream_sid, call_sid, runtime
        self.pending_marks: set[str] = set()
        self.voiced_run = 0
        self.silent_run = 0
        self.turn = 0

    async def speak(self, audio: bytes, mark: str) -> None:
        for offset in range(0, len(audio), 160):
            payload = base64.b64encode(audio[offset : offset + 160]).decode()
            await self.ws.send_json(
                {"event": "media", "streamSid": self.stream_sid, "media": {"payload": payload}}
            )
        await self.ws.send_json(
            {"event": "mark", "streamSid": self.stream_sid, "mark": {"name": mark}}
        )
        self.pending_marks.add(mark)

    async def reply(self) -> None:
        self.turn += 1
        await self.speak(tone(400), f"t{self.turn}")

    async def handle(self, message: dict[str, Any]) -> bool:
        self.runtime.received.append(message)
        event = str(message["event"])
        if event == "media":
            await self._on_frame(base64.b64decode(message["media"]["payload"]))
        elif event == "mark":
            self.pending_marks.discard(message["mark"]["name"])
        elif event == "dtmf":
            await self._on_digit(message["dtmf"]["digit"])
        return event != "stop"

    async def _on_frame(self, frame: bytes) -> None:
        if is_voiced(frame):
            self.voiced_run, self.silent_run = self.voiced_run + 1, 0
            if self.voiced_run == 3 and self.pending_marks:
                await self.ws.send_json({"event": "clear", "streamSid": self.stream_sid})
            return
        self.silent_run += 1
        if self.voiced_run >= 3 and self.silent_run == REPLY_AFTER_SILENT_FRAMES:
            self.voiced_run = 0
            await self.reply()

    async def _on_digit(self, digit: str) -> None:
        if digit == "9":
            await self.ws.close()
        elif digit == "0":
            calls = f"{self.runtime.carrier_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Calls"
            url = f"{calls}/{self.call_sid}.json"
            twiml = f"<Response><Dial><Number>{TRANSFER_NUMBER}</Number></Dial></Response>"
            async with httpx.AsyncClient() as client:
                await client.post(url, data={"Twiml": twiml}, auth=(ACCOUNT_SID, AUTH_TOKEN))
        else:
            await self.reply()


def build_app(runtime: FakeRuntime, carrier: FakeTwilioRest) -> FastAPI:
    app = FastAPI()

    @app.post("/telephony/twilio/voice")
    async def voice(request: Request) -> Response:
        form = dict(parse_qsl((await request.body()).decode()))
        return runtime.voice(form, request.headers.get("x-twilio-signature", ""))

    @app.websocket("/telephony/twilio/media")
    async def media(ws: WebSocket) -> None:
        await runtime.media(ws)

    @app.post("/v1/audio/speech")
    async def speech(request: Request) -> StreamingResponse:
        body = await request.json()
        assert body["response_format"] == "mulaw"
        audio = bytes([0xFF]) * 800 + tone(400) + bytes([0xFF]) * 800

        async def chunks() -> AsyncIterator[bytes]:
            for offset in range(0, len(audio), 1000):
                yield audio[offset : offset + 1000]

        return StreamingResponse(chunks(), media_type="application/octet-stream")

    @app.post("/v1/audio/transcriptions")
    async def transcriptions(request: Request) -> JSONResponse:
        runtime.stt_queries.append(dict(request.query_params))
        audio = await request.body()
        return JSONResponse({"text": "Thanks for calling!" if audio else ""})

    app.mount("/carrier", carrier.app())
    return app


Serve = Callable[[FastAPI], AbstractAsyncContextManager[str]]


@dataclass
class FakeStack:
    url: str
    runtime: FakeRuntime
    carrier: FakeTwilioRest


@pytest.fixture
async def fake_stack(serve: Serve) -> AsyncIterator[FakeStack]:
    """The fake runtime, speech services and carrier on one ephemeral port."""
    carrier = FakeTwilioRest(ACCOUNT_SID, AUTH_TOKEN)
    runtime = FakeRuntime()
    async with serve(build_app(runtime, carrier)) as url:
        runtime.carrier_url = f"{url}/carrier"
        yield FakeStack(url, runtime, carrier)
