"""The Twilio media socket: signed upgrade, call token, frames fed to the session, no leaks."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Awaitable, Callable

import pytest
from redis.asyncio import Redis
from websockets.exceptions import ConnectionClosed, InvalidStatus

from switchboard_common.audio import mulaw_decode
from switchboard_common.contract import (
    CallEnded,
    CallStarted,
    Keyring,
    TenantRuntimeConfig,
    keys,
    parse_call_event,
)
from switchboard_common.contract.secret_use import SecretKind
from switchboard_common.contract.tenant_config import LlmConfig
from switchboard_voice_runtime.telephony import twilio
from switchboard_voice_runtime.testing.twilio_media import (
    CALL_SID,
    NUMBER,
    PLATFORM_TOKEN,
    MediaHarness,
    media_frame,
    start_frame,
    wait_closed,
)

pytestmark = pytest.mark.integration

Publish = Callable[..., Awaitable[TenantRuntimeConfig]]


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
    harness: MediaHarness, publish: Publish, redis: Redis
) -> None:
    await publish()
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(json.dumps({"event": "connected", "protocol": "Call", "version": "1.0.0"}))
        await ws.send(start_frame(token))
        session = await harness.session()
        greeting = json.loads(await ws.recv())
        assert greeting["event"] == "media" and greeting["streamSid"] == "MZ1"
        assert base64.b64decode(greeting["media"]["payload"]) == b"\xff" * 160
        assert json.loads(await ws.recv()) == {
            "event": "mark",
            "streamSid": "MZ1",
            "mark": {"name": "t0-s0"},
        }
        await ws.send(media_frame(b"\x01" * 160))
        await ws.send(json.dumps({"event": "mark", "streamSid": "MZ1", "mark": {"name": "t0-s0"}}))
        await ws.send(json.dumps({"event": "dtmf", "streamSid": "MZ1", "dtmf": {"digit": "7"}}))
        await ws.send(
            json.dumps({"event": "stop", "streamSid": "MZ1", "stop": {"callSid": CALL_SID}})
        )
        await wait_closed(ws)
    assert session.audio == [mulaw_decode(b"\x01" * 160).tobytes()]  # decoded at the edge
    assert session.marks == ["t0-s0"]
    assert session.digits == ["7"]
    assert session.reason == "caller_hangup"
    assert session.context.tenant_id == "t1" and session.context.carrier_call_id == CALL_SID
    assert await _leases(redis) == 0


async def test_broken_frames_are_ignored_and_a_dropped_socket_ends_the_call(
    harness: MediaHarness, publish: Publish, redis: Redis
) -> None:
    await publish()
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(media_frame(b"\x02" * 160))  # before start
        await ws.send(start_frame(token))
        session = await harness.session()
        for junk in [
            "not json",
            "{}",
            '{"event": "media", "media": {"payload": "%%%"}}',
            '{"event": "weird"}',
            start_frame(token),
            '{"event": "mark"}',
            media_frame(b"\x00" * 9000),
        ]:
            await ws.send(junk)
        await ws.send(media_frame(b"\x03" * 160))
        await ws.recv()
        await ws.recv()
    async with asyncio.timeout(5):
        await session.done.wait()
    assert session.audio == [mulaw_decode(b"\x03" * 160).tobytes()]
    assert session.reason == "caller_hangup"
    await _until_no_leases(redis)
    metrics = (await harness.client.get("/metrics")).text
    assert 'voice_runtime_media_frames_rejected_total{reason="malformed"}' in metrics
    assert "voice_runtime_active_calls 0.0" in metrics


async def test_bad_upgrade_signature_is_refused_before_accept(harness: MediaHarness) -> None:
    with pytest.raises(InvalidStatus) as refused:
        async with harness.socket(token="wrong-token"):
            pass
    assert refused.value.response.status_code == 403


@pytest.mark.parametrize("token", ["", "forged.token.value"])
async def test_bad_call_token_closes_without_a_session(
    harness: MediaHarness, publish: Publish, token: str
) -> None:
    await publish()
    async with harness.socket() as ws:
        await ws.send(start_frame(token))
        await wait_closed(ws)
    assert harness.sessions == []


async def test_token_for_another_call_or_replayed_is_refused(
    harness: MediaHarness, publish: Publish
) -> None:
    await publish()
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(start_frame(token, call_sid="CA" + "9" * 32))
        await wait_closed(ws)
    assert harness.sessions == []
    async with harness.socket() as ws:
        await ws.send(start_frame(token))
        await ws.recv()
        async with harness.socket() as replay:
            await replay.send(start_frame(token))
            await wait_closed(replay)
        assert len(harness.sessions) == 1
        await ws.send(json.dumps({"event": "stop", "streamSid": "MZ1"}))
        await wait_closed(ws)


async def test_events_reach_the_stream_with_the_carrier_status(
    harness: MediaHarness, publish: Publish, redis: Redis
) -> None:
    await publish()
    token = await harness.call_token()
    async with harness.socket() as ws:
        await ws.send(start_frame(token))
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
        await wait_closed(ws)
    events = await _stream_events(redis, 2)
    assert [type(event) for event in events] == [CallStarted, CallEnded]
    ended = events[1]
    assert isinstance(ended, CallEnded) and ended.carrier_status == "completed"
    assert ended.call_id == session.context.call_id


async def test_closing_before_start_creates_nothing(harness: MediaHarness) -> None:
    async with harness.socket() as ws:
        await ws.send(json.dumps({"event": "connected"}))
    assert harness.sessions == []


async def test_server_survives_the_peer_vanishing_mid_stream(
    harness: MediaHarness, publish: Publish, redis: Redis
) -> None:
    await publish()
    token = await harness.call_token()
    ws = await harness.socket()
    await ws.send(start_frame(token))
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
    harness: MediaHarness,
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
        await ws.send(start_frame(token))
        session = await harness.session()
        await ws.close()
    expected = "carrier-token-PLAINTEXT" if opened else None
    assert session.context.llm_api_key == expected
