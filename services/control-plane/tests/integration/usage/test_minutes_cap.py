"""The plan's monthly minutes cap holds across runtime processes and a Redis restart.

Two real processes take calls through the runtime's admission (``CapacityManager``) at the same
moment, against the Redis counter the control plane keeps from the minutes it metered.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from redis.asyncio import Redis
from sqlalchemy import select

from switchboard_common.contract.usage import usage_counter_key, usage_period
from switchboard_common.redis_testing import RedisServer
from switchboard_control_plane.db.scope import scope_session
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.usage.models import UsageNotice
from switchboard_voice_runtime.capacity import CapacityExceededError, CapacityManager
from tests.integration.builders import ok, tenant
from tests.integration.conftest import (
    REDIS_URL,
    Harness,
    make_settings,
    start_harness,
    truncate_all,
)
from tests.integration.usage.cap_worker import GO_KEY, READY_KEY
from tests.integration.usage.events import Metering, ended

pytestmark = pytest.mark.integration
WORKER = Path(__file__).with_name("cap_worker.py")
PLAN = {
    "name": "Capped",
    "included_minutes": 8,
    "hard_cap_minutes": 10,
    "threshold_percent": 80,
    "max_concurrent_calls": 100,
    "calls_per_minute": 1000,
}


async def _capped_tenant(harness: Harness, cap: int = 10) -> str:
    client = harness.client
    tenant_id = await tenant(client)
    plan = await ok(client.post("/v1/plans", json={**PLAN, "hard_cap_minutes": cap}), 201)
    await ok(client.put(f"/v1/tenants/{tenant_id}/plan", json={"plan_id": plan["id"]}))
    return tenant_id


def _sessions(harness: Harness) -> SessionFactory:
    sessions: SessionFactory = harness.app.state.resources.sessions
    return sessions


async def _used_minutes(harness: Harness, tenant_id: str) -> int:
    report = await ok(harness.client.get(f"/v1/tenants/{tenant_id}/usage?granularity=month"))
    return int(report["totals"]["billable_minutes"])


async def _notices(harness: Harness, tenant_id: str) -> list[str]:
    async with _sessions(harness)() as session:
        scope_session(session, tenant_id)
        rows = (await session.execute(select(UsageNotice.type))).scalars().all()
    return sorted(rows)


async def _run_workers(
    url: str, tenant_id: str, cap: int, redis: Redis
) -> list[dict[str, list[str]]]:
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            str(WORKER),
            url,
            tenant_id,
            str(cap),
            "20",
            f"rt{index}",
            "1.0",
            "90",
            stdout=asyncio.subprocess.PIPE,
        )
        for index in range(2)
    ]
    async with asyncio.timeout(60):
        while int(await redis.get(READY_KEY) or 0) < len(processes):  # noqa: ASYNC110
            await asyncio.sleep(0.01)
        await redis.set(GO_KEY, "1")
        outputs = [await process.communicate() for process in processes]
    assert all(process.returncode == 0 for process in processes)
    return [json.loads(stdout.decode().strip().splitlines()[-1]) for stdout, _ in outputs]


async def test_a_cap_reached_by_two_runtimes_at_once_is_exceeded_only_by_calls_in_progress(
    harness: Harness,
) -> None:
    redis = harness.redis
    tenant_id = await _capped_tenant(harness)
    # 6 of the 10 minutes are already metered.
    now = datetime.now(UTC)
    metering = Metering(_sessions(harness), redis)
    assert await metering.store(ended(tenant_id, "earlier", now - timedelta(seconds=400), 360.0))

    results = await _run_workers(REDIS_URL, tenant_id, 10, redis)
    admitted = [call for result in results for call in result["admitted"]]
    refusals = {reason for result in results for reason in result["refused"]}
    # Each call in progress holds a started minute: 4 fit under the cap, whichever runtime.
    assert len(admitted) == 4
    assert refusals == {"minutes_cap"}

    async with asyncio.timeout(15):
        while await _used_minutes(harness, tenant_id) < 6 + 2 * len(admitted):  # noqa: ASYNC110
            await asyncio.sleep(0.05)
    used = await _used_minutes(harness, tenant_id)
    assert used == 14
    # Over the cap only by what the calls already in progress went on to use (1 extra minute each).
    assert used - 10 <= len(admitted) * (2 - 1)
    counter = await redis.hgetall(usage_counter_key(tenant_id, usage_period(now)))
    assert counter == {b"base": b"14"}
    with pytest.raises(CapacityExceededError) as refused:
        await CapacityManager(redis, max_calls=100).acquire(
            tenant_id,
            "late",
            max_concurrent_calls=10,
            calls_per_minute=10,
            ttl_s=5,
            monthly_minutes_cap=10,
        )
    assert refused.value.reason == "minutes_cap"
    assert await _notices(harness, tenant_id) == ["usage.cap_reached", "usage.threshold_reached"]


@pytest.fixture
async def restartable(
    migrated_database: str, tmp_path: Path
) -> AsyncIterator[tuple[Harness, RedisServer]]:
    server = RedisServer(tmp_path)
    await server.start()
    await truncate_all(migrated_database)
    redis = Redis.from_url(server.url)
    settings = make_settings(
        migrated_database, redis_url=server.url, publisher_poll_s=0.1, epoch_check_s=0.2
    )
    harness, lifespan = await start_harness(settings, redis)
    try:
        yield harness, server
    finally:
        await harness.client.aclose()
        await lifespan.__aexit__(None, None, None)
        await redis.aclose()
        await server.stop()


async def _try(capacity: CapacityManager, tenant_id: str, call_id: str, cap: int) -> str:
    try:
        lease = await capacity.acquire(
            tenant_id,
            call_id,
            max_concurrent_calls=10,
            calls_per_minute=1000,
            ttl_s=5,
            monthly_minutes_cap=cap,
        )
    except CapacityExceededError as exc:
        return exc.reason
    await capacity.release(lease)
    return "admitted"


async def test_a_redis_restart_hands_out_no_free_minutes(
    restartable: tuple[Harness, RedisServer],
) -> None:
    harness, server = restartable
    used_up = await _capped_tenant(harness, cap=5)
    room = await _capped_tenant_named(harness)
    now = datetime.now(UTC)
    metering = Metering(_sessions(harness), harness.redis)
    assert await metering.store(ended(used_up, "used", now - timedelta(seconds=300), 290.0))
    capacity = CapacityManager(harness.redis, max_calls=100)
    assert await _try(capacity, used_up, "before", 5) == "minutes_cap"

    await server.kill()
    await server.start()
    fresh = Redis.from_url(server.url)
    try:
        capacity = CapacityManager(fresh, max_calls=100)
        outcomes: list[str] = []
        async with asyncio.timeout(10):
            # Until the control plane has rewritten the counters, nothing is known: nothing
            # is admitted under a cap; afterwards the used-up tenant stays refused.
            while (
                outcome := await _try(capacity, room, f"room-{len(outcomes)}", 100)
            ) != "admitted":
                assert outcome == "usage_unknown"
                outcomes.append(await _try(capacity, used_up, f"try-{len(outcomes)}", 5))
                await asyncio.sleep(0.01)
        outcomes.append(await _try(capacity, used_up, "after", 5))
        assert "admitted" not in outcomes
        assert outcomes[-1] == "minutes_cap"
        assert await fresh.hget(usage_counter_key(used_up, usage_period(now)), "base") == b"5"
    finally:
        await fresh.aclose()


async def _capped_tenant_named(harness: Harness) -> str:
    client = harness.client
    tenant_id = await tenant(client, "Roomy")
    plan = await ok(
        client.post("/v1/plans", json={**PLAN, "name": "Roomy", "hard_cap_minutes": 100}), 201
    )
    await ok(client.put(f"/v1/tenants/{tenant_id}/plan", json={"plan_id": plan["id"]}))
    return tenant_id
