"""The monthly minutes cap at admission: live calls hold a minute, charged calls their minutes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import keys
from switchboard_common.contract.usage import usage_counter_key, usage_period
from switchboard_voice_runtime.capacity import CapacityExceededError, CapacityManager, Lease

pytestmark = pytest.mark.integration
TENANT = "t1"


def _counter() -> str:
    return usage_counter_key(TENANT, usage_period(datetime.now(UTC)))


async def _take(capacity: CapacityManager, call_id: str, cap: int | None = 3) -> Lease:
    return await capacity.acquire(
        TENANT,
        call_id,
        max_concurrent_calls=50,
        calls_per_minute=1000,
        ttl_s=30.0,
        monthly_minutes_cap=cap,
    )


async def _refusal(capacity: CapacityManager, call_id: str, cap: int | None = 3) -> str | None:
    try:
        await _take(capacity, call_id, cap)
    except CapacityExceededError as exc:
        return exc.reason
    return None


async def test_calls_in_progress_and_charged_minutes_count_against_the_cap(redis: Redis) -> None:
    await redis.set(keys.EPOCH_KEY, "{}")
    await redis.hset(_counter(), "base", 1)
    capacity = CapacityManager(redis, max_calls=100)
    first = await _take(capacity, "c1")
    await _take(capacity, "c2")
    assert await _refusal(capacity, "c3") == "minutes_cap"  # 1 metered + 2 live = 3
    await capacity.charge(first, period=usage_period(datetime.now(UTC)), minutes=1)
    assert await redis.hget(_counter(), "c:c1") == b"1"
    assert await capacity.active_calls(TENANT) == 1
    assert await _refusal(capacity, "c3") == "minutes_cap"  # 1 + 1 charged + 1 live
    assert await _refusal(capacity, "c3", cap=None) is None  # no cap, no limit
    await _take(capacity, "c2")  # a held lease is extended, never refused


async def test_concurrent_admissions_never_pass_the_cap(redis: Redis) -> None:
    await redis.set(keys.EPOCH_KEY, "{}")
    await redis.hset(_counter(), "base", 5)
    capacity = CapacityManager(redis, max_calls=100)
    results = await asyncio.gather(
        *(_refusal(capacity, f"c{i}", cap=8) for i in range(30)),
    )
    assert results.count(None) == 3
    assert set(results) == {None, "minutes_cap"}


async def test_an_unwritten_counter_is_unknown_until_the_epoch_is_back(redis: Redis) -> None:
    await redis.delete(keys.EPOCH_KEY)
    capacity = CapacityManager(redis, max_calls=100)
    # Redis lost everything: no counter, no epoch. Capped tenants are refused, others are not.
    assert await _refusal(capacity, "c1") == "usage_unknown"
    assert await _refusal(capacity, "c1", cap=None) is None
    # The control plane writes the epoch after every counter: a missing base then means none.
    await redis.set(keys.EPOCH_KEY, "{}")
    assert await _refusal(capacity, "c2") is None
