"""The Twilio media socket: signed upgrade, call token, frames fed to the session, no leaks."""

from __future__ import annotations

import asyncio
import base64
import json
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlencode

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from switchboard_common.contract import (
    AgentConfig,
    CallEnded,
    CallStarted,
    Keyring,
    TenantRuntimeConfig,
    keys,
    parse_call_event,
)
from switchboard_common.contract.events import EndReason
from switchboard_common.contract.secret_use import SecretKind
from switchboard_common.contract.tenant_config import LlmConfig
from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.call.ports import CallContext, CallControl, EventSink, MediaSink
from switchboard_voice_runtime.calls import LiveCall, SessionFactory
from switchboard_voice_runtime.metrics import RuntimeMetrics
from switchboard_voice_runtime.runtime import Prewarmer
from switchboard_voice_runtime.settings import Settings
from switchboard_voice_runtime.telephony import twilio

pytestmark = pytest.mark.integration

Publish = Callable[..., Awaitable[TenantRuntimeConfig]]
Serve = Callable[[FastAPI], AbstractAsyncContextManager[str]]

PLATFORM_TOKEN = "platform-auth-token"
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


class Harness:
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

    async def call_token(self, call_sid: str = CALL_SID) -> str:
        params = {
            "CallSid": call_sid,
            "AccountSid": "AC" + "0" * 32,
            "From": "+15559990000",
            "To": NUMBER,
        }
        signature = twilio.compute_signature(
            PLATFORM_TOKEN, "https://voice.test/telephony/twilio/voice", list(params.items())
        )
        response = await self.client.post(
            "/telephony/twilio/voice",
            content=urlencode(params),
            headers={
                "content-type": "application/x-www-form-urlencoded",
                twilio.SIGNATURE_HEADER: signature,
            },
        )
        match = re.search(r'name="call_token" value="([^"]+)"', response.text)
        assert match is not None, response.text
        return match.group(1)

    def socket(self, token: str = PLATFORM_TOKEN) -> connect:
        ws_url = self.base_url.replace("http://", "ws://") + "/telephony/twilio/media"
        signature = twilio.compute_signature(token, MEDIA_URL, [])
        return connect(ws_url, additional_headers={twilio.SIGNATURE_HEADER: signature})

    async def session(self) -> FakeSession:
        async with asyncio.timeout(5):
            await self.created.wait()
        return self.sessions[-1]


class NoPrewarm:
    async def prewarm(self, agent: AgentConfig) -> None:
        return None


@pytest.fixture
async def harness(
    redis: Redis, serve: Serve, make_settings: Callable[..., Settings]
) -> AsyncIterator[Harness]:
    holder: list[Harness] = []

    def core(
        settings: Settings, http: httpx.AsyncClient, metrics: RuntimeMetrics
    ) -> tuple[Prewarmer, SessionFactory]:
        return NoPrewarm(), lambda *args: holder[0].factory(*args)

    app = create_app(make_settings(), call_core=core)
    async with serve(app) as base_url, httpx.AsyncClient(base_url=base_url) as client:
        holder.append(Harness(base_url, client))
        yield holder[0]


def _start(token: str, call_sid: str = CALL_SID) -> str:
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


def _media(payload: bytes) -> str:
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


async def _wait_closed(ws: ClientConnection) -> None:
    async with asyncio.timeout(5):
        await ws.wait_closed()


async def _leases(redis: Redis) -> int:
    return int(await redis.zcard(keys.tenant_capacity_key("t1")))


async def _until_no_leases(redis: Redis) -> None:
    """Leases live in Redis, which has no change notification to await: poll with a deadline."""
    async with asyncio.timeout(5):
        while await _leases(redis):  # noqa: ASYNC110
            await asyncio.sleep(0.01)


async def _stream_events(redis: Redis, count: int) -> list[object]:
    async with asyncio.timeout(5):
        while await redis.xlen(keys.EVENTS_STREAM) < count:  # noqa: ASYNC110
            await asyncio.sleep(0.01)
    entries = await redis.xrange(keys.EVENTS_STREAM) or []
    return [parse_call_event((fields or {})[keys.EVENT_FIELD.encode()]) for _, fields in entries]


async def test_full_call_feeds_the_session_and_frees_everything(
    harness: Harness, publish: Publish, redis: Redis
) -> None:
    await publish()
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"}))
        await ws.send(_start(token))
        session = await harness.session()
        greeting = json.loads(await ws.recv())
        assert greeting["event"] == "media" and greeting["streamSid"] == "MZ1"
        assert base64.b64decode(greeting["media"]["payload"]) == b"\xff" * 160
        assert json.loads(await ws.recv()) == {
            "event": "mark",
            "streamSid": "MZ1",
            "mark": {"name": "t0-s0"},
        }
        await ws.send(_media(b"\x01" * 160))
        await ws.send(json.dumps({"event": "mark", "streamSid": "MZ1", "mark": {"name": "t0-s0"}}))
        await ws.send(json.dumps({"event": "dtmf", "streamSid": "MZ1", "dtmf": {"digit": "7"}}))
        await ws.send(
            json.dumps({"event": "stop", "streamSid": "MZ1", "stop": {"callSid": CALL_SID}})
        )
        await _wait_closed(ws)
    assert session.audio == [b"\x01" * 160]
    assert session.marks == ["t0-s0"]
    assert session.digits == ["7"]
    assert session.reason == "caller_hangup"
    assert session.context.tenant_id == "t1" and session.context.carrier_call_id == CALL_SID
    assert await _leases(redis) == 0


async def test_broken_frames_are_ignored_and_a_dropped_socket_ends_the_call(
    harness: Harness, publish: Publish, redis: Redis
) -> None:
    await publish()
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(_media(b"\x02" * 160))  # before start
        await ws.send(_start(token))
        session = await harness.session()
        for junk in [
            "not json",
            "{}",
            '{"event": "media", "media": {"payload": "%%%"}}',
            '{"event": "weird"}',
            _start(token),
            '{"event": "mark"}',
            _media(b"\x00" * 9000),
        ]:
            await ws.send(junk)
        await ws.send(_media(b"\x03" * 160))
        await ws.recv()
        await ws.recv()
    async with asyncio.timeout(5):
        await session.done.wait()
    assert session.audio == [b"\x03" * 160]
    assert session.reason == "caller_hangup"
    await _until_no_leases(redis)
    metrics = (await harness.client.get("/metrics")).text
    assert 'voice_runtime_media_frames_rejected_total{reason="malformed"}' in metrics
    assert "voice_runtime_active_calls 0.0" in metrics


async def test_bad_upgrade_signature_is_refused_before_accept(harness: Harness) -> None:
    with pytest.raises(InvalidStatus) as refused:
        async with harness.socket(token="wrong-token"):
            pass
    assert refused.value.response.status_code == 403


@pytest.mark.parametrize("token", ["", "forged.token.value"])
async def test_bad_call_token_closes_without_a_session(
    harness: Harness, publish: Publish, token: str
) -> None:
    await publish()
    async with harness.socket() as ws:
        await ws.send(_start(token))
        await _wait_closed(ws)
    assert harness.sessions == []


async def test_token_for_another_call_or_replayed_is_refused(
    harness: Harness, publish: Publish
) -> None:
    await publish()
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(_start(token, call_sid="CA" + "9" * 32))
        await _wait_closed(ws)
    assert harness.sessions == []
    async with harness.socket() as ws:
        await ws.send(_start(token))
        await ws.recv()
        async with harness.socket() as replay:
            await replay.send(_start(token))
            await _wait_closed(replay)
        assert len(harness.sessions) == 1
        await ws.send(json.dumps({"event": "stop", "streamSid": "MZ1"}))
        await _wait_closed(ws)


async def test_events_reach_the_stream_with_the_carrier_status(
    harness: Harness, publish: Publish, redis: Redis
) -> None:
    await publish()
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(_start(token))
        session = await harness.session()
        await ws.recv()
        params = {"CallSid": CALL_SID, "To": NUMBER, "CallStatus": "completed"}
        signature = twilio.compute_signature(
            PLATFORM_TOKEN, "https://voice.test/telephony/twilio/status", list(params.items())
        )
        status = await harness.client.post(
            "/telephony/twilio/status", data=params, headers={twilio.SIGNATURE_HEADER: signature}
        )
        assert status.status_code == 204
        await ws.send(json.dumps({"event": "stop", "streamSid": "MZ1"}))
        await _wait_closed(ws)
    events = await _stream_events(redis, 2)
    assert [type(event) for event in events] == [CallStarted, CallEnded]
    ended = events[1]
    assert isinstance(ended, CallEnded) and ended.carrier_status == "completed"
    assert ended.call_id == session.context.call_id


async def test_closing_before_start_creates_nothing(harness: Harness) -> None:
    async with harness.socket() as ws:
        await ws.send(json.dumps({"event": "connected"}))
    assert harness.sessions == []


async def test_server_survives_the_peer_vanishing_mid_stream(
    harness: Harness, publish: Publish, redis: Redis
) -> None:
    await publish()
    token = await harness.call_token()
    ws = await harness.socket()
    await ws.send(_start(token))
    session = await harness.session()
    ws.transport.abort()  # no close handshake
    async with asyncio.timeout(5):
        await session.done.wait()
    await _until_no_leases(redis)
    assert (await harness.client.get("/healthz")).status_code == 200
    with pytest.raises(ConnectionClosed):
        await ws.recv()


@pytest.mark.parametrize(
    ("kind", "allowed_host", "opened"),
    [
        ("carrier_credential", None, False),
        ("llm_api_key", "evil.example", False),
        ("llm_api_key", None, True),
    ],
)
async def test_a_call_gets_the_agents_llm_key_only_when_its_kind_and_host_fit(
    harness: Harness,
    publish: Publish,
    keyring: Keyring,
    kind: SecretKind,
    allowed_host: str | None,
    opened: bool,
) -> None:
    sealed = keyring.seal(
        "t1", "twilio", "carrier-token-PLAINTEXT", kind=kind, allowed_host=allowed_host
    )
    await publish(llm=LlmConfig(model="openai/gpt-4o-mini", api_key_secret=sealed))
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(_start(token))
        session = await harness.session()
        await ws.close()
    expected = "carrier-token-PLAINTEXT" if opened else None
    assert session.context.llm_api_key == expected
