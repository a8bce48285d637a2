"""Redis losing the contract data is noticed by the control plane, which republishes everything.

The restart test runs the runtime's app beside the control plane against one redis-server that
the test kills and starts again empty, and places calls through the runtime's signed webhook.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from pydantic import SecretStr
from redis.asyncio import Redis

from switchboard_common.app_testing import running_client
from switchboard_common.audio import AudioFormat
from switchboard_common.contract import AgentConfig, ContractEpoch
from switchboard_common.contract.keys import EPOCH_KEY, did_key
from switchboard_common.redis_testing import RedisServer
from switchboard_control_plane.publishing.epoch import redis_run_id
from switchboard_voice_runtime.app import create_app as create_runtime_app
from switchboard_voice_runtime.call.ports import CallContext, CallControl, EventSink, MediaSink
from switchboard_voice_runtime.calls import LiveCall, SessionFactory
from switchboard_voice_runtime.metrics import RuntimeMetrics
from switchboard_voice_runtime.runtime import Prewarmer
from switchboard_voice_runtime.settings import Settings as RuntimeSettings
from switchboard_voice_runtime.settings import TwilioSettings
from switchboard_voice_runtime.telephony import twilio
from tests.integration.builders import current_revision, live_agent, number, ok, tenant
from tests.integration.conftest import Harness, make_settings, start_harness, truncate_all

pytestmark = pytest.mark.integration

PLATFORM_TOKEN = "epoch-test-platform-token"
PUBLIC_BASE_URL = "https://voice.epoch.test"
VOICE_PATH = "/telephony/twilio/voice"
RECOVERY_GOAL_S = 5.0


class _NoPrewarm:
    async def prewarm(self, agent: AgentConfig, audio_format: AudioFormat) -> None:
        return None


def _no_session(
    context: CallContext, media: MediaSink, control: CallControl, events: EventSink
) -> LiveCall:
    raise AssertionError("no media socket is opened in these tests")


def _webhook_only(
    settings: RuntimeSettings, http: httpx.AsyncClient, metrics: RuntimeMetrics
) -> tuple[Prewarmer, SessionFactory]:
    prewarmer: Prewarmer = _NoPrewarm()
    return prewarmer, _no_session


async def _call(runtime: httpx.AsyncClient, to: str, call_sid: str) -> str:
    """Places a call the way Twilio does (signed voice webhook); returns the TwiML."""
    params = {"CallSid": call_sid, "AccountSid": "AC" + "0" * 32, "From": "+15559990000"}
    params |= {"To": to, "CallStatus": "ringing", "Direction": "inbound"}
    signature = twilio.compute_signature(
        PLATFORM_TOKEN, PUBLIC_BASE_URL + VOICE_PATH, list(params.items())
    )
    response = await runtime.post(
        VOICE_PATH,
        content=urlencode(params),
        headers={
            "content-type": "application/x-www-form-urlencoded",
            twilio.SIGNATURE_HEADER: signature,
        },
    )
    assert response.status_code == 200, response.text
    return response.text


async def _epoch_written(redis: Redis, timeout_s: float = 10.0) -> ContractEpoch:
    async with asyncio.timeout(timeout_s):
        while (raw := await redis.get(EPOCH_KEY)) is None:  # noqa: ASYNC110
            await asyncio.sleep(0.02)
    return ContractEpoch.model_validate_json(raw)


@dataclass
class Stack:
    control_plane: Harness
    runtime: httpx.AsyncClient
    server: RedisServer


@pytest.fixture
async def stack(migrated_database: str, tmp_path: Path) -> AsyncIterator[Stack]:
    server = RedisServer(tmp_path)
    await server.start()
    await truncate_all(migrated_database)
    redis = Redis.from_url(server.url)
    settings = make_settings(migrated_database, redis_url=server.url, publisher_poll_s=0.1)
    harness, lifespan = await start_harness(settings, redis)
    runtime_settings = RuntimeSettings(
        public_base_url=PUBLIC_BASE_URL,
        redis_url=server.url,
        twilio=TwilioSettings(auth_token=SecretStr(PLATFORM_TOKEN)),
        log_json=False,
    )
    runtime_app = create_runtime_app(runtime_settings, call_core=_webhook_only)
    try:
        async with running_client(runtime_app, PUBLIC_BASE_URL) as runtime:
            yield Stack(harness, runtime, server)
    finally:
        await harness.client.aclose()
        await lifespan.__aexit__(None, None, None)
        await redis.aclose()
        await server.stop()


async def test_numbers_answer_within_5_s_of_redis_restarting_empty(stack: Stack) -> None:
    client, redis = stack.control_plane.client, stack.control_plane.redis
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id)
    await number(client, tenant_id, "+15557770001", agent_id)
    await number(client, tenant_id, "+15557770002", agent_id)
    revision = await current_revision(client, tenant_id)
    await _epoch_written(redis)
    async with asyncio.timeout(10):
        while (await redis.get(did_key("+15557770002"))) is None:  # noqa: ASYNC110
            await asyncio.sleep(0.02)
    assert "<Connect>" in await _call(stack.runtime, "+15557770001", "CA" + "1" * 32)

    await stack.server.kill()
    await stack.server.start()
    loop = asyncio.get_running_loop()
    returned_at = loop.time()
    # The runtime never looked this number up: only a republish can answer it.
    attempt = 0
    while "<Connect>" not in await _call(stack.runtime, "+15557770002", f"CA{attempt:032d}"):
        attempt += 1
        assert loop.time() - returned_at < RECOVERY_GOAL_S, "the number is still not answered"
    answered_s = loop.time() - returned_at
    print(f"\nnumber answered {answered_s:.2f} s after Redis returned empty")
    assert answered_s < RECOVERY_GOAL_S
    assert "<Connect>" in await _call(stack.runtime, "+15557770001", "CA" + "2" * 32)
    fresh = Redis.from_url(stack.server.url)
    try:
        epoch = await _epoch_written(fresh)
        assert epoch.redis_run_id == await redis_run_id(fresh)
    finally:
        await fresh.aclose()
    assert await current_revision(client, tenant_id) > revision
    async with asyncio.timeout(5):
        while (await client.get("/readyz")).json()["checks"]["contract_data"] != "ok":  # noqa: ASYNC110
            await asyncio.sleep(0.05)


async def test_an_epoch_from_another_redis_run_is_republished_over(harness: Harness) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    await _epoch_written(redis)
    revision = await current_revision(client, tenant_id)
    restored = ContractEpoch(redis_run_id="0" * 40, written_at=datetime.now(UTC))
    await redis.set(EPOCH_KEY, restored.model_dump_json())
    async with asyncio.timeout(10):
        while (await current_revision(client, tenant_id)) == revision:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
    async with asyncio.timeout(10):
        while (await _epoch_written(redis)).redis_run_id != await redis_run_id(redis):  # noqa: ASYNC110
            await asyncio.sleep(0.05)


async def test_readiness_reports_missing_contract_data_as_degraded(
    migrated_database: str, redis: Redis
) -> None:
    await truncate_all(migrated_database)
    settings = make_settings(migrated_database, run_workers=False)
    harness, lifespan = await start_harness(settings, redis)
    try:
        response = await harness.client.get("/readyz")
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "degraded"
        assert body["checks"]["contract_data"].startswith("degraded: ")
        epoch = ContractEpoch(redis_run_id=await redis_run_id(redis), written_at=datetime.now(UTC))
        await redis.set(EPOCH_KEY, epoch.model_dump_json())
        assert (await ok(harness.client.get("/readyz")))["status"] == "ready"
    finally:
        await harness.client.aclose()
        await lifespan.__aexit__(None, None, None)
