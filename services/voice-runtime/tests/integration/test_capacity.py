"""Call leases: limits are enforced atomically, released, and expire when their holder dies."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import keys
from switchboard_voice_runtime.capacity import CapacityExceededError, CapacityManager

pytestmark = pytest.mark.integration


async def _take(
    capacity: CapacityManager,
    call_id: str,
    *,
    tenant: str = "t1",
    limit: int = 2,
    per_minute: int = 100,
    ttl_s: float = 30.0,
) -> None:
    await capacity.acquire(
        tenant, call_id, max_concurrent_calls=limit, calls_per_minute=per_minute, ttl_s=ttl_s
    )


async def test_tenant_limit_is_enforced_and_release_frees_a_slot(redis: Redis) -> None:
    capacity = CapacityManager(redis, max_calls=100)
    await _take(capacity, "c1")
    await _take(capacity, "c2")
    with pytest.raises(CapacityExceededError) as refused:
        await _take(capacity, "c3")
    assert refused.value.reason == "tenant_limit"
    await _take(capacity, "c1", tenant="t2")  # another tenant has its own slots
    await capacity.release(
        await capacity.acquire("t1", "c1", max_concurrent_calls=2, calls_per_minute=100, ttl_s=30)
    )
    await _take(capacity, "c3")
    assert await capacity.active_calls("t1") == 2


async def test_global_limit_spans_tenants(redis: Redis) -> None:
    capacity = CapacityManager(redis, max_calls=2)
    await _take(capacity, "c1", tenant="t1")
    await _take(capacity, "c2", tenant="t2")
    with pytest.raises(CapacityExceededError) as refused:
        await _take(capacity, "c3", tenant="t3")
    assert refused.value.reason == "global_limit"


async def test_concurrent_acquires_never_exceed_the_limit(redis: Redis) -> None:
    capacity = CapacityManager(redis, max_calls=100)
    results = await asyncio.gather(
        *(_take(capacity, f"c{i}", limit=3) for i in range(20)), return_exceptions=True
    )
    assert sum(1 for result in results if result is None) == 3
    assert await capacity.active_calls("t1") == 3


async def test_reacquiring_a_held_lease_extends_it_without_a_new_slot(redis: Redis) -> None:
    capacity = CapacityManager(redis, max_calls=100)
    await _take(capacity, "c1", limit=1)
    await _take(capacity, "c1", limit=1)
    assert await capacity.active_calls("t1") == 1


async def test_calls_per_minute_is_enforced(redis: Redis) -> None:
    capacity = CapacityManager(redis, max_calls=100)
    for index in range(3):
        await _take(capacity, f"c{index}", limit=10, per_minute=3)
    with pytest.raises(CapacityExceededError) as refused:
        await _take(capacity, "c9", limit=10, per_minute=3)
    assert refused.value.reason == "rate_limit"


async def test_a_crashed_holders_lease_expires_within_its_ttl(redis: Redis) -> None:
    crashed = CapacityManager(redis, max_calls=100)
    await _take(crashed, "c1", limit=1, ttl_s=0.2)
    survivor = CapacityManager(redis, max_calls=100)
    with pytest.raises(CapacityExceededError):
        await _take(survivor, "c2", limit=1)
    await asyncio.sleep(0.3)  # the lease TTL itself is what is under test
    await _take(survivor, "c2", limit=1)
    members = await redis.zrange(keys.tenant_capacity_key("t1"), 0, -1)
    assert members == [b"c2"]


async def test_heartbeat_keeps_a_short_lease_alive(redis: Redis) -> None:
    capacity = CapacityManager(redis, max_calls=100)
    lease = await capacity.acquire(
        "t1", "c1", max_concurrent_calls=1, calls_per_minute=9, ttl_s=0.3
    )
    heartbeat = asyncio.create_task(capacity.keep_alive(lease, 0.3))
    try:
        await asyncio.sleep(0.8)
        with pytest.raises(CapacityExceededError):
            await _take(capacity, "c2", limit=1)
    finally:
        heartbeat.cancel()
        await asyncio.gather(heartbeat, return_exceptions=True)
    await capacity.release(lease)
    await _take(capacity, "c2", limit=1)


async def test_redis_down_counts_leases_in_process(redis: Redis) -> None:
    dead = Redis.from_url("redis://127.0.0.1:1/2", socket_connect_timeout=0.5)
    try:
        capacity = CapacityManager(dead, max_calls=100)
        lease = await capacity.acquire(
            "t1", "c1", max_concurrent_calls=1, calls_per_minute=9, ttl_s=5
        )
        assert lease.local
        with pytest.raises(CapacityExceededError):
            await _take(capacity, "c2", limit=1)
        await capacity.release(lease)
        await _take(capacity, "c2", limit=1)
    finally:
        await dead.aclose()


async def test_local_leases_expire_when_the_media_never_arrives() -> None:
    dead = Redis.from_url("redis://127.0.0.1:1/2", socket_connect_timeout=0.5)
    try:
        capacity = CapacityManager(dead, max_calls=100)
        await _take(capacity, "c1", limit=1, ttl_s=0.1)
        await asyncio.sleep(0.2)  # the local lease TTL itself is what is under test
        await _take(capacity, "c2", limit=1)
    finally:
        await dead.aclose()
