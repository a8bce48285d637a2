"""A pretend Twilio for the media socket's tests: signed webhooks and upgrades, frames, and a
fake session that records what the edge feeds it."""

from __future__ import annotations

import asyncio
import base64
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlencode

import httpx
from websockets.asyncio.client import ClientConnection, connect

from switchboard_common.audio import AudioFormat
from switchboard_common.contract import AgentConfig, CallEnded, CallStarted
from switchboard_common.contract.events import EndReason
from switchboard_voice_runtime.call.ports import CallContext, CallControl, EventSink, MediaSink
from switchboard_voice_runtime.calls import LiveCall
from switchboard_voice_runtime.telephony import twilio

PLATFORM_TOKEN = "platform-auth-token"  # noqa: S105
MEDIA_URL = "wss://voice.test/telephony/twilio/media"
NUMBER = "+15550001000"
CALL_SID = "CA" + "1" * 32


@dataclass
class FakeSession:
    """Stands in for CallSession: greets with one frame and a mark, records what it is fed."""

    context: CallContext
    media: MediaSink
    events: EventSink
    audio: list[bytes] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    digits: list[str] = field(default_factory=list)
    reason: EndReason | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)

    async def run(self) -> object:
        now = datetime.now(UTC)
        base = {"tenant_id": self.context.tenant_id, "call_id": self.context.call_id}
        await self.events.publish(
            CallStarted(
                event_id="s-" + self.context.call_id,
                occurred_at=now,
                agent_id="a1",
                agent_version=1,
                number_id=self.context.number_id,
                carrier="twilio",
                carrier_call_id=self.context.carrier_call_id,
                from_number=self.context.from_number,
                to_number=self.context.to_number,
                **base,
            )
        )
        await self.media.send_audio(b"\xff" * 160)
        await self.media.send_mark("t0-s0")
        await self.done.wait()
        await self.events.publish(
            CallEnded(
                event_id="e-" + self.context.call_id,
                occurred_at=now,
                reason=self.reason or "error",
                started_at=now,
                duration_s=0.1,
                turns=0,
                **base,
            )
        )
        return self.reason

    def push_audio(self, payload: bytes) -> None:
        self.audio.append(payload)

    def mark_played(self, name: str) -> None:
        self.marks.append(name)

    def press_digit(self, digit: str) -> None:
        self.digits.append(digit)

    def hang_up(self, reason: EndReason = "caller_hangup") -> None:
        if self.reason is None:
            self.reason = reason
        self.done.set()

    @property
    def ended(self) -> bool:
        return self.done.is_set()


class NoPrewarm:
    async def prewarm(self, agent: AgentConfig, audio_format: AudioFormat) -> None:
        return None


class MediaHarness:
    """One runtime served on a real port: posts signed voice webhooks, opens signed sockets, and
    keeps the fake sessions its session factory built."""

    def __init__(self, base_url: str, client: httpx.AsyncClient) -> None:
        self.base_url = base_url
        self.client = client
        self.sessions: list[FakeSession] = []
        self.created = asyncio.Event()

    def factory(
        self, context: CallContext, media: MediaSink, control: CallControl, events: EventSink
    ) -> LiveCall:
        session = FakeSession(context, media, events)
        self.sessions.append(session)
        self.created.set()
        return session

    async def voice(self, call_sid: str = CALL_SID) -> httpx.Response:
        """Posts the signed voice webhook of a call to NUMBER."""
        params = {
            "CallSid": call_sid,
            "AccountSid": "AC" + "0" * 32,
            "From": "+15559990000",
            "To": NUMBER,
        }
        return await self._post_signed("/telephony/twilio/voice", params)

    async def status(self, call_sid: str, status: str) -> httpx.Response:
        """Posts the signed status callback of a call."""
        params = {"CallSid": call_sid, "To": NUMBER, "CallStatus": status}
        return await self._post_signed("/telephony/twilio/status", params)

    async def _post_signed(self, path: str, params: dict[str, str]) -> httpx.Response:
        url = "https://voice.test" + path
        signature = twilio.compute_signature(PLATFORM_TOKEN, url, list(params.items()))
        return await self.client.post(
            path,
            content=urlencode(params),
            headers={
                "content-type": "application/x-www-form-urlencoded",
                twilio.SIGNATURE_HEADER: signature,
            },
        )

    async def call_token(self, call_sid: str = CALL_SID) -> str:
        """The call token of the voice webhook's ``<Connect><Stream>`` answer."""
        response = await self.voice(call_sid)
        match = re.search(r'name="call_token" value="([^"]+)"', response.text)
        assert match is not None, response.text
        return match.group(1)

    def socket(self, token: str = PLATFORM_TOKEN) -> connect:
        ws_url = self.base_url.replace("http://", "ws://") + "/telephony/twilio/media"
        signature = twilio.compute_signature(token, MEDIA_URL, [])
        return connect(ws_url, additional_headers={twilio.SIGNATURE_HEADER: signature})

    async def session(self, number: int = 1) -> FakeSession:
        """The ``number``-th session this runtime built, once it exists (5 s at most)."""
        async with asyncio.timeout(5):
            while len(self.sessions) < number:
                self.created.clear()
                await self.created.wait()
        return self.sessions[number - 1]


def start_frame(token: str, call_sid: str = CALL_SID) -> str:
    return json.dumps(
        {
            "event": "start",
            "sequenceNumber": "1",
            "streamSid": "MZ1",
            "start": {
                "accountSid": "AC" + "0" * 32,
                "streamSid": "MZ1",
                "callSid": call_sid,
                "tracks": ["inbound"],
                "customParameters": {"call_token": token},
                "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
            },
        }
    )


def media_frame(payload: bytes) -> str:
    return json.dumps(
        {
            "event": "media",
            "streamSid": "MZ1",
            "media": {
                "track": "inbound",
                "chunk": "1",
                "timestamp": "20",
                "payload": base64.b64encode(payload).decode(),
            },
        }
    )


def stop_frame() -> str:
    return json.dumps({"event": "stop", "streamSid": "MZ1"})


async def wait_closed(ws: ClientConnection, timeout_s: float = 5.0) -> None:
    """Waits until the runtime has closed the media socket, with a deadline."""
    async with asyncio.timeout(timeout_s):
        await ws.wait_closed()
