"""The runtime's Redis client after a Redis restart: the first operation on a dead pooled
connection is retried on a new one, so nothing fails once Redis is back."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import keys
from switchboard_common.redis_testing import RedisServer
from switchboard_voice_runtime.capacity import CapacityManager
from switchboard_voice_runtime.runtime import connect_redis

pytestmark = pytest.mark.integration

FAR_FUTURE_MS = 4_102_444_800_000


@pytest.fixture
async def server() -> AsyncIterator[RedisServer]:
    process = RedisServer()
    await process.start()
    try:
        yield process
    finally:
        await process.kill()


@pytest.fixture
async def runtime_redis(server: RedisServer) -> AsyncIterator[Redis]:
    client = connect_redis(server.url)
    try:
        yield client
    finally:
        await client.aclose()


async def test_the_first_lease_release_after_a_redis_restart_frees_the_slot(
    server: RedisServer, runtime_redis: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    capacity = CapacityManager(runtime_redis, max_calls=10)
    lease = await capacity.acquire(
        "t1", "c1", max_concurrent_calls=1, calls_per_minute=10, ttl_s=30.0
    )
    await server.restart()
    async with Redis.from_url(server.url) as other:
        # What a heartbeat (or another replica) writes through its own connection meanwhile.
        await other.zadd(keys.tenant_capacity_key("t1"), {"c1": FAR_FUTURE_MS})
        await other.zadd(keys.global_capacity_key(), {"c1": FAR_FUTURE_MS})
        with caplog.at_level(logging.WARNING, logger="switchboard_voice_runtime.capacity"):
            await capacity.release(lease)
        assert "capacity.release_failed" not in caplog.messages
        assert await other.zcard(keys.tenant_capacity_key("t1")) == 0
        assert await other.zcard(keys.global_capacity_key()) == 0


async def _command(redis: Redis) -> object:
    return await redis.set("k", "v")


async def _pipeline(redis: Redis) -> object:
    async with redis.pipeline(transaction=False) as pipe:
        pipe.set("k", "v")
        pipe.get("k")
        return await pipe.execute()


async def _transaction(redis: Redis) -> object:
    async with redis.pipeline(transaction=True) as pipe:
        pipe.set("k", "v")
        pipe.get("k")
        return await pipe.execute()


async def _script(redis: Redis) -> object:
    return await redis.register_script("return redis.call('SET', KEYS[1], ARGV[1])")(
        keys=["k"], args=["v"]
    )


@pytest.mark.parametrize("operation", [_command, _pipeline, _transaction, _script])
async def test_every_kind_of_operation_succeeds_first_time_after_a_restart(
    server: RedisServer, runtime_redis: Redis, operation: Callable[[Redis], Awaitable[object]]
) -> None:
    await operation(runtime_redis)
    await server.restart()
    await operation(runtime_redis)
    assert await runtime_redis.get("k") == b"v"
