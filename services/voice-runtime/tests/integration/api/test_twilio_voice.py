"""The Twilio voice and status webhooks: signature first, then routing, admission and TwiML."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from urllib.parse import urlencode

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis

from switchboard_common.audio import AudioFormat
from switchboard_common.contract import AgentConfig, TenantRuntimeConfig
from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.call.ports import CallContext, CallControl, EventSink, MediaSink
from switchboard_voice_runtime.call_token import CallTokenSigner
from switchboard_voice_runtime.calls import LiveCall, SessionFactory
from switchboard_voice_runtime.metrics import RuntimeMetrics
from switchboard_voice_runtime.runtime import Prewarmer
from switchboard_voice_runtime.settings import Settings
from switchboard_voice_runtime.telephony import twilio
from switchboard_voice_runtime.testing.twilio_media import MediaHarness, start_frame, stop_frame

pytestmark = pytest.mark.integration

Publish = Callable[..., Awaitable[TenantRuntimeConfig]]
Serve = Callable[[FastAPI], AbstractAsyncContextManager[str]]

PLATFORM_TOKEN = "platform-auth-token"
VOICE_URL = "https://voice.test/telephony/twilio/voice"
STATUS_URL = "https://voice.test/telephony/twilio/status"
NUMBER = "+15550001000"


class RecordingPrewarmer:
    def __init__(self) -> None:
        self.agents: list[AgentConfig] = []

    async def prewarm(self, agent: AgentConfig, audio_format: AudioFormat) -> None:
        self.agents.append(agent)


def _no_session(
    context: CallContext, media: MediaSink, control: CallControl, events: EventSink
) -> LiveCall:
    raise AssertionError("no media socket is opened in these tests")


class Webhooks:
    def __init__(
        self, client: httpx.AsyncClient, prewarmer: RecordingPrewarmer, app: FastAPI
    ) -> None:
        self.client = client
        self.prewarmer = prewarmer
        self.app = app

    async def until_config_revision(self, tenant_id: str, revision: int) -> None:
        """Waits until the runtime serves ``revision`` of the tenant: the change message reaches
        it asynchronously, as in production."""
        cache = self.app.state.runtime.config
        async with asyncio.timeout(5):
            while (snapshot := await cache.tenant(tenant_id)) is None or (  # noqa: ASYNC110
                snapshot.revision < revision
            ):
                await asyncio.sleep(0.01)

    async def post(
        self,
        path: str = "/telephony/twilio/voice",
        *,
        to: str = NUMBER,
        call_sid: str = "CA" + "1" * 32,
        token: str = PLATFORM_TOKEN,
        signature: str | None = None,
        signed_url: str | None = None,
        extra: dict[str, str] | None = None,
    ) -> httpx.Response:
        params = {
            "CallSid": call_sid,
            "AccountSid": "AC" + "0" * 32,
            "From": "+15559990000",
            "To": to,
            "CallStatus": "ringing",
            "Direction": "inbound",
            **(extra or {}),
        }
        url = signed_url or "https://voice.test" + path
        sig = (
            signature
            if signature is not None
            else twilio.compute_signature(token, url, list(params.items()))
        )
        return await self.client.post(
            path,
            content=urlencode(params),
            headers={
                "content-type": "application/x-www-form-urlencoded",
                twilio.SIGNATURE_HEADER: sig,
            },
        )


@pytest.fixture
async def webhooks(
    redis: Redis, serve: Serve, make_settings: Callable[..., Settings]
) -> AsyncIterator[Webhooks]:
    prewarmer = RecordingPrewarmer()

    def core(
        settings: Settings, http: httpx.AsyncClient, metrics: RuntimeMetrics
    ) -> tuple[Prewarmer, SessionFactory]:
        return prewarmer, _no_session

    app = create_app(make_settings(), call_core=core)
    async with serve(app) as base_url, httpx.AsyncClient(base_url=base_url) as client:
        yield Webhooks(client, prewarmer, app)


async def _until_no_leases(redis: Redis) -> None:
    """Leases live in Redis, which has no change notification to await: poll with a deadline."""
    async with asyncio.timeout(5):
        while await redis.zcard("sb:v1:capacity:tenant:t1"):  # noqa: ASYNC110
            await asyncio.sleep(0.01)


def _token_of(twiml: str) -> str:
    match = re.search(r'<Parameter name="call_token" value="([^"]+)"/>', twiml)
    assert match is not None, twiml
    return match.group(1)


async def test_happy_path_answers_connect_stream_with_a_call_token(
    webhooks: Webhooks, publish: Publish, redis: Redis
) -> None:
    await publish()
    response = await webhooks.post()
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    assert '<Connect><Stream url="wss://voice.test/telephony/twilio/media">' in response.text
    claims = CallTokenSigner("test-call-token-secret-0123456789abcdef", 30).verify(
        _token_of(response.text)
    )
    assert (claims.tenant_id, claims.agent_id, claims.carrier_call_id) == (
        "t1",
        "a1",
        "CA" + "1" * 32,
    )
    assert claims.to_number == NUMBER
    assert await redis.zcard("sb:v1:capacity:tenant:t1") == 1
    metrics = (await webhooks.client.get("/metrics")).text
    assert (
        'voice_runtime_webhook_outcomes_total{carrier="twilio",outcome="accepted"} 1.0' in metrics
    )


async def test_prewarm_starts_for_the_answered_agent(webhooks: Webhooks, publish: Publish) -> None:
    await publish()
    await webhooks.post()
    assert [agent.agent_id for agent in webhooks.prewarmer.agents] == ["a1"]


@pytest.mark.parametrize("signature", ["", "bm9wZQ==", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="])
async def test_bad_signature_gets_403_and_nothing_else(
    webhooks: Webhooks, publish: Publish, redis: Redis, signature: str
) -> None:
    await publish()
    response = await webhooks.post(signature=signature)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "bad_signature"
    assert "Response" not in response.text
    assert await redis.zcard("sb:v1:capacity:tenant:t1") == 0


async def test_signature_over_the_socket_url_is_refused(
    webhooks: Webhooks, publish: Publish
) -> None:
    await publish()
    socket_url = str(webhooks.client.base_url).rstrip("/") + "/telephony/twilio/voice"
    response = await webhooks.post(signed_url=socket_url)
    assert response.status_code == 403


async def test_unknown_number_hears_a_message_and_hangup(webhooks: Webhooks) -> None:
    response = await webhooks.post(to="+15550009999")
    assert response.status_code == 200
    assert "<Say>" in response.text and "<Hangup/>" in response.text
    assert "<Connect>" not in response.text


async def test_a_telnyx_number_is_not_admitted_by_the_twilio_webhook(
    webhooks: Webhooks, publish: Publish, redis: Redis
) -> None:
    await publish(carrier="telnyx", reject_when_busy=True)
    response = await webhooks.post()
    assert response.status_code == 200
    assert "not in service" in response.text and "<Hangup/>" in response.text
    assert "<Connect>" not in response.text and "<Reject" not in response.text
    assert await redis.zcard("sb:v1:capacity:tenant:t1") == 0
    metrics = (await webhooks.client.get("/metrics")).text
    assert (
        'voice_runtime_webhook_outcomes_total{carrier="twilio",outcome="unknown_number"} 1.0'
        in metrics
    )


async def test_suspended_tenant_is_refused_politely(webhooks: Webhooks, publish: Publish) -> None:
    await publish(status="suspended")
    response = await webhooks.post()
    assert "<Say>" in response.text and "<Hangup/>" in response.text
    assert "<Connect>" not in response.text


async def test_over_capacity_is_busy_and_rejects_when_the_agent_asks(
    webhooks: Webhooks, publish: Publish
) -> None:
    await publish(max_concurrent_calls=1)
    assert "<Connect>" in (await webhooks.post(call_sid="CA" + "1" * 32)).text
    busy = await webhooks.post(call_sid="CA" + "2" * 32)
    assert "<Say>" in busy.text and "<Connect>" not in busy.text
    await publish(revision=2, max_concurrent_calls=1, reject_when_busy=True)
    await webhooks.until_config_revision("t1", 2)
    rejected = await webhooks.post(call_sid="CA" + "3" * 32)
    assert '<Reject reason="busy"/>' in rejected.text


async def test_calls_per_minute_limit_answers_busy(webhooks: Webhooks, publish: Publish) -> None:
    await publish(calls_per_minute=1)
    assert "<Connect>" in (await webhooks.post(call_sid="CA" + "1" * 32)).text
    assert "<Connect>" not in (await webhooks.post(call_sid="CA" + "2" * 32)).text


async def test_tenant_account_signs_its_own_numbers(webhooks: Webhooks, publish: Publish) -> None:
    await publish(own_twilio_token="tenant-auth-token")
    assert (await webhooks.post(token=PLATFORM_TOKEN)).status_code == 403
    accepted = await webhooks.post(token="tenant-auth-token")
    assert "<Connect>" in accepted.text


async def test_oversized_body_is_refused_with_413(webhooks: Webhooks, publish: Publish) -> None:
    await publish()
    response = await webhooks.post(extra={"Padding": "x" * 20_000})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


async def test_non_form_garbage_is_403(webhooks: Webhooks) -> None:
    response = await webhooks.client.post(
        "/telephony/twilio/voice", content=b"\xff\xfe\x00", headers={twilio.SIGNATURE_HEADER: "x"}
    )
    assert response.status_code == 403


async def test_status_callback_is_verified_and_counted(
    webhooks: Webhooks, publish: Publish
) -> None:
    await publish()
    ok = await webhooks.post("/telephony/twilio/status", extra={"CallStatus": "completed"})
    assert ok.status_code == 204
    bad = await webhooks.post("/telephony/twilio/status", signature="bad")
    assert bad.status_code == 403
    metrics = (await webhooks.client.get("/metrics")).text
    assert 'voice_runtime_carrier_status_total{carrier="twilio",status="completed"} 1.0' in metrics


CAPTURED_SID = "CA" + "7" * 32
REAL_SID = "CA" + "8" * 32


async def test_a_replayed_voice_webhook_takes_no_lease_and_the_real_call_still_gets_in(
    harness: MediaHarness, publish: Publish, redis: Redis
) -> None:
    await publish(max_concurrent_calls=1)
    answered = await harness.voice(CAPTURED_SID)
    token = _token_of(answered.text)
    async with harness.socket() as ws:  # the captured call runs and ends
        await ws.send(start_frame(token, call_sid=CAPTURED_SID))
        await ws.recv()
        await ws.send(stop_frame())
        await ws.wait_closed()
    await _until_no_leases(redis)
    for _ in range(5):
        replayed = await harness.voice(CAPTURED_SID)
        assert replayed.text == answered.text
        assert await redis.zcard("sb:v1:capacity:tenant:t1") == 0
    real_token = await harness.call_token(REAL_SID)
    async with harness.socket() as ws:
        await ws.send(start_frame(real_token, call_sid=REAL_SID))
        session = await harness.session(2)
        await ws.recv()
        assert session.context.carrier_call_id == REAL_SID
        await ws.send(stop_frame())
        await ws.wait_closed()
    assert len(harness.sessions) == 2


async def test_a_repeated_status_callback_frees_the_lease_once_and_counts_once(
    harness: MediaHarness, publish: Publish, redis: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    await publish(max_concurrent_calls=1)
    assert "<Connect>" in (await harness.voice(CAPTURED_SID)).text
    with caplog.at_level(logging.INFO, logger="switchboard_voice_runtime.admission"):
        # The caller hung up before the media socket opened: the pending lease is freed.
        assert (await harness.status(CAPTURED_SID, "canceled")).status_code == 204
        assert await redis.zcard("sb:v1:capacity:tenant:t1") == 0
        assert "<Connect>" in (await harness.voice(REAL_SID)).text
        assert (await harness.status(CAPTURED_SID, "canceled")).status_code == 204
        assert (await harness.status(CAPTURED_SID, "completed")).status_code == 204
    released = [r for r in caplog.records if r.getMessage() == "carrier.lease_released"]
    assert len(released) == 1
    assert await redis.zcard("sb:v1:capacity:tenant:t1") == 1  # the real call's lease
    assert "<Connect>" not in (await harness.voice(CAPTURED_SID)).text
    assert await redis.zcard("sb:v1:capacity:tenant:t1") == 1
    metrics = (await harness.client.get("/metrics")).text
    assert 'voice_runtime_carrier_status_total{carrier="twilio",status="canceled"} 1.0' in metrics
    assert 'status="completed"' not in metrics


async def test_a_refused_call_replayed_hears_the_same_refusal_and_counts_no_new_call(
    harness: MediaHarness, publish: Publish, redis: Redis
) -> None:
    await publish(max_concurrent_calls=1, calls_per_minute=2)
    assert "<Connect>" in (await harness.voice(REAL_SID)).text
    busy = await harness.voice(CAPTURED_SID)
    assert "<Connect>" not in busy.text
    for _ in range(3):
        assert (await harness.voice(CAPTURED_SID)).text == busy.text
    await harness.status(REAL_SID, "completed")
    assert "<Connect>" in (await harness.voice("CA" + "9" * 32)).text  # the minute's 2nd call
