"""A tiny Telnyx-speaking runtime for the simulator's tests, built on the runtime's own wire
modules (signature check, TeXML, Call Control, media frames, re-orderer): so a test that passes
shows the simulator and the runtime's parsers agree on every frame."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import numpy as np
from fastapi import FastAPI, Request, Response, WebSocket, WebSocketDisconnect

from switchboard_callsim.telnyx_signature import TelnyxSigner
from switchboard_voice_runtime.telephony import telnyx_call_control as cc
from switchboard_voice_runtime.telephony import telnyx_media as tm
from switchboard_voice_runtime.telephony import telnyx_texml as tx
from switchboard_voice_runtime.telephony.reorder import SequenceReorderer
from switchboard_voice_runtime.telephony.telnyx_signature import verify_webhook

API_KEY = "KEY0123_test"
STREAM_URL = "wss://voice.example.test/telephony/telnyx/media"
BUSY_NUMBER = "+15005550404"
TRANSFER_NUMBER = "+15005550009"
REPLY_AFTER_SILENT_FRAMES = 10


def tone_pcm(duration_ms: int, rate_hz: int) -> np.ndarray[Any, np.dtype[np.int16]]:
    t = np.arange(duration_ms * rate_hz // 1000) / rate_hz
    return (8000 * np.sin(2 * np.pi * 330 * t)).astype(np.int16)


@dataclass
class TelnyxFakeRuntime:
    signer: TelnyxSigner
    carrier_url: str = ""
    codec: tm.Codec = "PCMU"
    sample_rate_hz: int = 8000
    stream_token: str | None = None
    greeting_ms: int = 600
    fetches: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    events: list[cc.CallControlEvent] = field(default_factory=list)
    received: list[tm.InboundFrame] = field(default_factory=list)
    in_order: list[tm.InboundFrame] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    upgrade_token: str | None = None
    reorderer: SequenceReorderer[tm.InboundFrame] = field(default_factory=SequenceReorderer)

    def verified(self, request: Request, body: bytes) -> bool:
        keys = [self.signer.public_key]
        return verify_webhook(request.headers, body, keys, now_s=time.time()).ok

    def texml(self, method: str, fields: dict[str, str]) -> Response:
        self.fetches.append((method, fields))
        call = tx.parse_texml_request(fields)
        if call.to_number == BUSY_NUMBER:
            return Response(tx.reject_texml("busy"), media_type="text/xml")
        rate = None if self.codec != "L16" else self.sample_rate_hz
        document = tx.connect_stream_texml(
            STREAM_URL, {"call_token": f"token-{call.call_sid}"}, codec=self.codec,
            sample_rate_hz=rate,
        )  # fmt: skip
        return Response(document, media_type="text/xml")

    async def command(self, ccid: str, command: cc.Command) -> httpx.Response:
        async with httpx.AsyncClient() as client:
            return await client.post(
                self.carrier_url + command.path(ccid),
                json=dict(command.body),
                headers={"Authorization": f"Bearer {API_KEY}"},
            )

    async def call_control(self, event: cc.CallControlEvent) -> None:
        self.events.append(event)
        if not event.incoming:
            return
        ccid, command_id = event.call_control_id, f"{event.id}-"
        if event.to_number == BUSY_NUMBER:
            await self.command(ccid, cc.reject_command(command_id=command_id + "reject"))
            return
        state = f"call-{ccid[-6:]}"
        if self.codec == "L16" or self.stream_token is not None:
            await self.command(ccid, cc.answer_command(command_id=command_id + "answer"))
            await self.command(ccid, cc.streaming_start_command(
                command_id=command_id + "stream", stream_url=STREAM_URL, codec=self.codec,
                sample_rate_hz=self.sample_rate_hz, auth_token=self.stream_token,
                client_state=state, custom_parameters={"call_token": f"token-{ccid}"},
            ))  # fmt: skip
        else:
            await self.command(ccid, cc.answer_command(
                command_id=command_id + "answer", stream_url=STREAM_URL, codec=self.codec,
                client_state=state,
            ))  # fmt: skip

    async def media(self, ws: WebSocket) -> None:
        self.upgrade_token = ws.headers.get(tm.AUTH_TOKEN_FIELD)
        if self.stream_token is not None and self.upgrade_token != self.stream_token:
            await ws.close(code=1008)
            return
        await ws.accept()
        call: _FakeCall | None = None
        try:
            while True:
                raw = await ws.receive_text()
                self.raw.append(raw)
                frame = tm.parse_frame(raw)
                self.received.append(frame)
                for ordered in self.reorderer.push(getattr(frame, "sequence_number", None), frame):
                    self.in_order.append(ordered)
                    if isinstance(ordered, tm.Start):
                        call = _FakeCall(ws, ordered, self)
                        await call.speak(self.greeting_ms, "greeting")
                    elif call is not None and not await call.handle(ordered):
                        return
        except WebSocketDisconnect:
            return


class _FakeCall:
    def __init__(self, ws: WebSocket, start: tm.Start, runtime: TelnyxFakeRuntime) -> None:
        self.ws, self.start, self.runtime = ws, start, runtime
        self.fmt = start.media_format
        self.voiced_run = self.silent_run = self.turn = 0
        self.pending_marks: set[str] = set()

    async def speak(self, duration_ms: int, mark: str) -> None:
        payload = tm.encode_payload(self.fmt, tone_pcm(duration_ms, self.fmt.sample_rate_hz))
        step = self.fmt.frame_bytes()
        for offset in range(0, len(payload), step):
            await self.ws.send_text(tm.media_frame(payload[offset : offset + step]))
        await self.ws.send_text(tm.mark_frame(mark))
        self.pending_marks.add(mark)

    async def handle(self, frame: tm.InboundFrame) -> bool:
        if isinstance(frame, tm.Media):
            await self._on_frame(tm.decode_payload(self.fmt, frame.payload))
        elif isinstance(frame, tm.Mark):
            self.pending_marks.discard(frame.name)
        elif isinstance(frame, tm.Dtmf):
            await self._on_digit(frame.digit)
        return not isinstance(frame, tm.Stop)

    async def _on_frame(self, pcm: np.ndarray[Any, np.dtype[np.int16]]) -> None:
        if float(np.sqrt(np.mean(pcm.astype(np.float64) ** 2))) > 500:
            self.voiced_run, self.silent_run = self.voiced_run + 1, 0
            if self.voiced_run == 3 and self.pending_marks:
                await self.ws.send_text(tm.clear_frame())
            return
        self.silent_run += 1
        if self.voiced_run >= 3 and self.silent_run == REPLY_AFTER_SILENT_FRAMES:
            self.voiced_run = 0
            self.turn += 1
            await self.speak(400, f"t{self.turn}")

    async def _on_digit(self, digit: str) -> None:
        ccid = self.start.call_control_id
        if digit == "0":
            command = cc.transfer_command(command_id=f"{ccid}-transfer", to=TRANSFER_NUMBER)
            await self.runtime.command(ccid, command)
        elif digit == "9":
            await self.runtime.command(ccid, cc.hangup_command(command_id=f"{ccid}-hangup"))
        else:
            self.turn += 1
            await self.speak(400, f"t{self.turn}")


def add_telnyx_routes(app: FastAPI, runtime: TelnyxFakeRuntime) -> None:
    @app.api_route("/telephony/telnyx/texml", methods=["GET", "POST"])
    async def texml(request: Request) -> Response:
        body = await request.body()
        if not runtime.verified(request, body):
            return Response(status_code=403)
        if request.method == "GET":
            return runtime.texml("GET", dict(request.query_params))
        return runtime.texml("POST", {k: str(v) for k, v in (await request.form()).items()})

    @app.post("/telephony/telnyx/call-control")
    async def call_control(request: Request) -> Response:
        body = await request.body()
        if not runtime.verified(request, body):
            return Response(status_code=403)
        await runtime.call_control(cc.parse_event(body))
        return Response(status_code=200)

    @app.websocket("/telephony/telnyx/media")
    async def media(ws: WebSocket) -> None:
        await runtime.media(ws)
