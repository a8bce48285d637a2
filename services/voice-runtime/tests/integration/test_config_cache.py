"""The config cache reads Redis once, follows invalidations, and rides out Redis outages."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest
from redis.asyncio import Redis

from switchboard_common.app_testing import running_client
from switchboard_common.audio import AudioFormat
from switchboard_common.contract import (
    AgentConfig,
    ConfigChanged,
    Keyring,
    TenantRuntimeConfig,
    keys,
)
from switchboard_common.contract.tenant_config import TenantLimits
from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.call.ports import CallContext, CallControl, EventSink, MediaSink
from switchboard_voice_runtime.calls import LiveCall, SessionFactory
from switchboard_voice_runtime.config_cache import ConfigCache, ConfigUnavailableError
from switchboard_voice_runtime.metrics import RuntimeMetrics
from switchboard_voice_runtime.runtime import Prewarmer
from switchboard_voice_runtime.settings import Settings
from switchboard_voice_runtime.testing.tenants import mark_published, publish_tenant

pytestmark = pytest.mark.integration

NUMBER = "+15550001000"
DEAD_REDIS_URL = "redis://127.0.0.1:1/2"

Publish = Callable[..., Awaitable[TenantRuntimeConfig]]


class _NoPrewarm:
    async def prewarm(self, agent: AgentConfig, audio_format: AudioFormat) -> None:
        return None


def _no_session(
    context: CallContext, media: MediaSink, control: CallControl, events: EventSink
) -> LiveCall:
    raise AssertionError("no call is placed in these tests")


class Invalidations:
    def __init__(self) -> None:
        self.queue: asyncio.Queue[ConfigChanged] = asyncio.Queue()

    def __call__(self, change: ConfigChanged) -> None:
        self.queue.put_nowait(change)

    async def next(self) -> ConfigChanged:
        async with asyncio.timeout(5):
            return await self.queue.get()


@pytest.fixture
async def followed(
    redis: Redis, keyring: Keyring
) -> AsyncIterator[tuple[ConfigCache, Invalidations]]:
    seen = Invalidations()
    cache = ConfigCache(redis, keyring, on_invalidate=seen)
    await cache.start()
    async with asyncio.timeout(5):
        await cache.subscribed.wait()
    try:
        yield cache, seen
    finally:
        await cache.close()


async def test_first_read_comes_from_redis_then_from_memory(
    redis: Redis, keyring: Keyring, publish: Publish
) -> None:
    await publish()
    cache = ConfigCache(redis, keyring)
    route = await cache.route(NUMBER)
    assert route is not None and route.tenant_id == "t1"
    tenant = await cache.tenant("t1")
    assert tenant is not None and tenant.revision == 1
    await redis.delete(keys.tenant_key("t1"), keys.did_key(NUMBER))
    assert await cache.route(NUMBER) == route
    assert await cache.tenant("t1") == tenant


async def test_a_tenant_published_by_the_testing_helper_is_served_as_written(
    redis: Redis, keyring: Keyring, followed: tuple[ConfigCache, Invalidations]
) -> None:
    cache, seen = followed
    agent = AgentConfig(agent_id="a9", version=1, greeting="Hello.")
    published = await publish_tenant(
        redis, "t9", NUMBER, agent, TenantLimits(max_concurrent_calls=2), status="suspended"
    )
    assert (await seen.next()).revision == published.revision
    route = await cache.route(NUMBER)
    assert route is not None and (route.tenant_id, route.agent_id) == ("t9", "a9")
    assert await cache.tenant("t9") == published


async def test_change_message_makes_the_next_read_fetch_the_new_revision(
    redis: Redis,
    publish: Publish,
    followed: tuple[ConfigCache, Invalidations],
) -> None:
    cache, seen = followed
    await publish(revision=1)
    await seen.next()
    first = await cache.tenant("t1")
    assert first is not None and first.revision == 1
    await publish(revision=2, status="suspended")
    assert (await seen.next()).revision == 2
    second = await cache.tenant("t1")
    assert second is not None and second.revision == 2 and second.status == "suspended"


async def test_revision_never_goes_backwards(
    redis: Redis, keyring: Keyring, publish: Publish
) -> None:
    cache = ConfigCache(redis, keyring)
    await publish(revision=5)
    first = await cache.tenant("t1")
    assert first is not None and first.revision == 5
    await publish(revision=3)
    cache.invalidate(ConfigChanged(tenant_id="t1", revision=6))
    snapshot = await cache.tenant("t1")
    assert snapshot is not None and snapshot.revision == 5


async def test_deleted_tenant_is_dropped(redis: Redis, keyring: Keyring, publish: Publish) -> None:
    cache = ConfigCache(redis, keyring)
    await publish()
    assert await cache.tenant("t1") is not None
    await redis.delete(keys.tenant_key("t1"))
    cache.invalidate(ConfigChanged(tenant_id="t1", revision=0))
    assert await cache.tenant("t1") is None


async def test_redis_down_serves_the_last_good_snapshot_and_refuses_unseen_numbers(
    redis: Redis, keyring: Keyring, publish: Publish
) -> None:
    await publish()
    cache = ConfigCache(redis, keyring)
    route = await cache.route(NUMBER)
    tenant = await cache.tenant("t1")
    cache.invalidate(ConfigChanged(tenant_id="t1", revision=2))
    cache._redis = Redis.from_url(DEAD_REDIS_URL, socket_connect_timeout=0.5)
    try:
        assert await cache.route(NUMBER) == route
        assert await cache.tenant("t1") == tenant
        with pytest.raises(ConfigUnavailableError):
            await cache.route("+15550009999")
        with pytest.raises(ConfigUnavailableError):
            await cache.tenant("t2")
    finally:
        await cache._redis.aclose()


async def test_secrets_open_with_the_runtime_keyring(
    redis: Redis, keyring: Keyring, publish: Publish
) -> None:
    snapshot = await publish(own_twilio_token="tenant-token")
    account = snapshot.telephony.twilio
    assert account is not None
    cache = ConfigCache(redis, keyring)
    assert cache.open_secret("t1", account.auth_token) == "tenant-token"
    assert cache.open_secret("t2", account.auth_token) is None
    other = ConfigCache(redis, Keyring.from_spec("k1:" + Keyring.generate_key()))
    assert other.open_secret("t1", account.auth_token) is None


async def test_a_number_missing_while_the_epoch_is_missing_is_awaited_until_republished(
    redis: Redis, keyring: Keyring, publish: Publish
) -> None:
    await redis.flushdb()
    cache = ConfigCache(redis, keyring, recovery_wait_s=1.5)
    lookup = asyncio.create_task(cache.route(NUMBER))
    await asyncio.sleep(0.3)
    assert not lookup.done()
    await publish()
    async with asyncio.timeout(2):
        route = await lookup
    assert route is not None and route.tenant_id == "t1"


async def test_a_number_still_missing_after_the_wait_is_unavailable_not_unassigned(
    redis: Redis, keyring: Keyring
) -> None:
    await redis.flushdb()
    cache = ConfigCache(redis, keyring, recovery_wait_s=0.3)
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(ConfigUnavailableError):
        await cache.route("+15550009999")
    with pytest.raises(ConfigUnavailableError):
        await cache.tenant("t2")
    assert loop.time() - started < 2 * (0.3 + 0.5)
    await mark_published(redis)
    assert await cache.route("+15550009999") is None
    assert await cache.tenant("t2") is None


async def test_cached_configs_are_served_while_redis_has_lost_its_data(
    redis: Redis, keyring: Keyring, publish: Publish
) -> None:
    await publish()
    cache = ConfigCache(redis, keyring, recovery_wait_s=1.5)
    route = await cache.route(NUMBER)
    tenant = await cache.tenant("t1")
    assert route is not None and tenant is not None
    await redis.flushdb()
    cache.invalidate_all()
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await cache.route(NUMBER) == route
    assert await cache.tenant("t1") == tenant
    assert loop.time() - started < 0.5


async def test_readiness_reports_a_missing_epoch_as_degraded_not_failing(
    redis: Redis, make_settings: Callable[..., Settings]
) -> None:
    def core(
        settings: Settings, http: httpx.AsyncClient, metrics: RuntimeMetrics
    ) -> tuple[Prewarmer, SessionFactory]:
        prewarmer: Prewarmer = _NoPrewarm()
        return prewarmer, _no_session

    app = create_app(make_settings(), call_core=core)
    async with running_client(app) as client:
        ready = await client.get("/readyz")
        assert ready.status_code == 200 and ready.json()["status"] == "ready"
        await redis.delete(keys.EPOCH_KEY)
        degraded = await client.get("/readyz")
        assert degraded.status_code == 200
        assert degraded.json()["status"] == "degraded"
        assert degraded.json()["checks"]["contract_data"].startswith("degraded: ")
