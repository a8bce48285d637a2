"""A lean Twilio-side caller for the capacity benchmark: hundreds of calls from one event loop.

Per call it does what Twilio does and nothing more: the signed voice webhook, the signed media
upgrade, ``connected`` and ``start``, a 20 ms mu-law frame every 20 ms (a pre-encoded question,
else line silence), mark echoes once the audio before them has played, and ``stop``. One ticker
drives every call's sender (in four phase groups, 5 ms apart), so the caller costs one wake-up
per 5 ms instead of one per call per frame. Agent frames are only timestamped, never decoded.
"""

from __future__ import annotations

import asyncio
import base64
import json
import random
from collections import deque
from dataclasses import dataclass, field

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from switchboard_callsim.energy import trim_silence
from switchboard_callsim.signature import SIGNATURE_HEADER, twilio_signature
from switchboard_callsim.webhook import (
    CallIdentity,
    WebhookError,
    media_connect_url,
    new_sid,
    post_voice_webhook,
)
from voicebench.stack import ACCOUNT_SID, AUTH_TOKEN, REPO

CALLER_AUDIO = REPO / "services/voice-runtime/tests/unit/call/fixtures/caller_hours.ulaw"
FRAME_BYTES = 160
FRAME_S = 0.02
PHASES = 4
REPLY_TIMEOUT_S = 6.0
_SILENCE = base64.b64encode(bytes([0xFF]) * FRAME_BYTES).decode()


def encode_frames(audio: bytes) -> list[str]:
    """Base64 payloads of 20 ms frames (the last one padded with silence)."""
    padded = audio.ljust(-(-len(audio) // FRAME_BYTES) * FRAME_BYTES, b"\xff")
    return [
        base64.b64encode(padded[i : i + FRAME_BYTES]).decode()
        for i in range(0, len(padded), FRAME_BYTES)
    ]


@dataclass
class LoadCall:
    """One call's state, touched only by the ticker and its own receive loop (times: loop s)."""

    identity: CallIdentity
    question: list[str]
    pause_s: float
    end_at_s: float
    ws: ClientConnection | None = None
    error: str | None = None
    started_at_s: float = 0.0
    ended_at_s: float = 0.0
    segments: list[list[float]] = field(default_factory=list)
    v2v_ms: list[float] = field(default_factory=list)
    missed_replies: int = 0
    _current: list[float] = field(default_factory=list)
    _speaking: deque[str] = field(default_factory=deque)
    _pending_marks: deque[tuple[str, float]] = field(default_factory=deque)
    _play_end_s: float = 0.0
    _stopped_at_s: float | None = None
    _heard: bool = False
    _chunk: int = 0
    _sequence: int = 0

    def message(self, event: str, body: str) -> str:
        self._sequence += 1
        sid = self.identity.stream_sid
        return (
            f'{{"event":"{event}","sequenceNumber":"{self._sequence}","streamSid":"{sid}",{body}}}'
        )

    def next_messages(self, now_s: float) -> list[str]:
        """What this call sends on its tick: due mark echoes, then one media frame."""
        out = []
        while self._pending_marks and self._pending_marks[0][1] <= now_s:
            name = self._pending_marks.popleft()[0]
            out.append(self.message("mark", f'"mark":{{"name":"{name}"}}'))
        self._script(now_s)
        payload = _SILENCE
        if self._speaking:
            payload = self._speaking.popleft()
            if not self._speaking:
                self._stopped_at_s = now_s  # the last voiced frame goes out now
        self._chunk += 1
        media = (
            f'"media":{{"track":"inbound","chunk":"{self._chunk}",'
            f'"timestamp":"{(self._chunk - 1) * 20}","payload":"{payload}"}}'
        )
        out.append(self.message("media", media))
        return out

    def _script(self, now_s: float) -> None:
        """Asks the question again once the agent's last reply has played and a pause passed."""
        if self._speaking:
            return
        if self._stopped_at_s is not None:
            if now_s - self._stopped_at_s < REPLY_TIMEOUT_S:
                return
            self.missed_replies += 1
            self._stopped_at_s = None
        idle = not self._pending_marks and now_s >= self._play_end_s + self.pause_s
        if idle and (self._heard or now_s - self.started_at_s > REPLY_TIMEOUT_S):
            self._speaking.extend(self.question)

    def on_message(self, raw: str, now_s: float) -> None:
        if raw.startswith('{"event":"media"'):
            self._current.append(now_s * 1000)
            self._play_end_s = max(now_s, self._play_end_s) + FRAME_S
            if self._stopped_at_s is not None:
                self.v2v_ms.append((now_s - self._stopped_at_s) * 1000)
                self._stopped_at_s = None
            return
        message = json.loads(raw)
        if message.get("event") == "mark":
            self._heard = True
            self._pending_marks.append((message["mark"]["name"], self._play_end_s))
        elif message.get("event") == "clear":
            self._pending_marks = deque((name, now_s) for name, _ in self._pending_marks)
            self._play_end_s = now_s
        self.close_segment()

    def close_segment(self) -> None:
        if self._current:
            self.segments.append(self._current)
            self._current = []


class LoadCaller:
    """Places ``calls`` calls on a runtime, spread over ``ramp_s``, all ending together."""

    def __init__(self, runtime_url: str, to_number: str, *, question: bytes | None = None) -> None:
        self.runtime_url = runtime_url
        self.to_number = to_number
        self.question = encode_frames(trim_silence(question or CALLER_AUDIO.read_bytes()))
        self.calls: list[LoadCall] = []
        self.tick_lag_ms: list[float] = []
        self._groups: dict[int, list[LoadCall]] = {}

    async def run(self, calls: int, duration_s: float, ramp_s: float) -> list[LoadCall]:
        loop = asyncio.get_running_loop()
        end_at_s = loop.time() + ramp_s + duration_s
        rng = random.Random(calls)  # noqa: S311 - pause lengths, not secrets
        async with (
            httpx.AsyncClient(limits=httpx.Limits(max_connections=32)) as http,
            asyncio.TaskGroup() as group,
        ):
            ticker = group.create_task(self._tick(end_at_s))
            for index in range(calls):
                call = LoadCall(self._identity(), self.question, rng.uniform(0.4, 1.2), end_at_s)
                self.calls.append(call)
                group.create_task(self._run_call(http, call, index % PHASES))
                await asyncio.sleep(ramp_s / calls)
            await ticker
        return self.calls

    def _identity(self) -> CallIdentity:
        return CallIdentity(
            call_sid=new_sid("CA"),
            account_sid=ACCOUNT_SID,
            stream_sid=new_sid("MZ"),
            from_number="+15005550006",
            to_number=self.to_number,
        )

    async def _run_call(self, http: httpx.AsyncClient, call: LoadCall, phase: int) -> None:
        identity = call.identity
        try:
            twiml = await post_voice_webhook(
                http, identity, runtime_url=self.runtime_url,
                public_base_url=self.runtime_url, auth_token=AUTH_TOKEN,
            )  # fmt: skip
            if twiml.stream_url is None:
                raise WebhookError(f"TwiML {twiml.kind} ({twiml.reason})")
            headers = {SIGNATURE_HEADER: twilio_signature(AUTH_TOKEN, twiml.stream_url)}
            url = media_connect_url(twiml.stream_url, self.runtime_url)
            async with connect(url, additional_headers=headers, compression=None) as ws:
                await self._start(ws, call, twiml.parameters, phase)
                await self._receive(ws, call)
        except (WebhookError, InvalidHandshake, OSError, ConnectionClosed) as exc:
            call.error = f"{type(exc).__name__}: {exc}"[:200]
        call.ended_at_s = asyncio.get_running_loop().time()

    async def _start(
        self, ws: ClientConnection, call: LoadCall, parameters: dict[str, str], phase: int
    ) -> None:
        await ws.send(json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"}))
        start = {
            "accountSid": call.identity.account_sid,
            "streamSid": call.identity.stream_sid,
            "callSid": call.identity.call_sid,
            "tracks": ["inbound"],
            "customParameters": parameters,
            "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
        }
        await ws.send(call.message("start", f'"start":{json.dumps(start)}'))
        call.started_at_s = asyncio.get_running_loop().time()
        call.ws = ws
        self._groups.setdefault(phase, []).append(call)

    async def _receive(self, ws: ClientConnection, call: LoadCall) -> None:
        loop = asyncio.get_running_loop()
        try:
            async for raw in ws:
                if isinstance(raw, str):
                    call.on_message(raw, loop.time())
        except ConnectionClosed:
            pass
        call.close_segment()

    async def _tick(self, end_at_s: float) -> None:
        """Every 5 ms, one phase group's calls each send their frame (and due mark echoes)."""
        loop = asyncio.get_running_loop()
        t0, tick = loop.time(), 0
        while loop.time() < end_at_s:
            due_s = t0 + tick * FRAME_S / PHASES
            await asyncio.sleep(max(0.0, due_s - loop.time()))
            now_s = loop.time()
            self.tick_lag_ms.append((now_s - due_s) * 1000)
            for call in list(self._groups.get(tick % PHASES, ())):
                await self._send(call, call.next_messages(now_s))
            tick += 1
        for calls in self._groups.values():
            for call in calls:
                await self._hang_up(call)

    async def _send(self, call: LoadCall, messages: list[str]) -> None:
        if call.ws is None:
            return
        try:
            for text in messages:
                await call.ws.send(text)
        except ConnectionClosed:
            call.ws = None

    async def _hang_up(self, call: LoadCall) -> None:
        ws, call.ws = call.ws, None
        if ws is None:
            return
        stop = json.dumps({"accountSid": ACCOUNT_SID, "callSid": call.identity.call_sid})
        try:
            await ws.send(call.message("stop", f'"stop":{stop}'))
            await ws.close()
        except ConnectionClosed:
            return
