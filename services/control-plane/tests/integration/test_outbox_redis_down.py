"""Changes made while Redis is down commit, wait in the outbox, and publish in order later."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from pathlib import Path

import asyncpg  # type: ignore[import-untyped]
import httpx
import pytest
from redis.asyncio import Redis

from switchboard_common.contract import ConfigChanged
from switchboard_common.redis_testing import RedisServer
from tests.integration.builders import (
    current_revision,
    live_agent,
    ok,
    snapshot_at_least,
    tenant,
)
from tests.integration.conftest import Harness, make_settings, start_harness, truncate_all

pytestmark = pytest.mark.integration


@pytest.fixture
async def private_redis(tmp_path: Path) -> AsyncIterator[RedisServer]:
    server = RedisServer(tmp_path)
    await server.start()
    yield server
    await server.stop()


async def _wait_ping(client: Redis) -> None:
    async with asyncio.timeout(10):
        while True:
            try:
                await client.ping()
                return
            except OSError:
                await asyncio.sleep(0.05)
            except Exception:
                await asyncio.sleep(0.05)


@pytest.fixture
async def down_harness(
    migrated_database: str, private_redis: RedisServer
) -> AsyncIterator[tuple[Harness, RedisServer]]:
    await truncate_all(migrated_database)
    url = private_redis.url
    client = Redis.from_url(url)
    await _wait_ping(client)
    harness, lifespan = await start_harness(
        make_settings(migrated_database, redis_url=url, publisher_poll_s=0.1, outbox_upkeep_s=0.1),
        client,
    )
    yield harness, private_redis
    await harness.client.aclose()
    await lifespan.__aexit__(None, None, None)
    await client.aclose()


async def _outbox(database_url: str, tenant_id: str) -> list[tuple[int, datetime | None]]:
    connection = await asyncpg.connect(database_url.replace("+asyncpg", ""))
    try:
        rows = await connection.fetch(
            "SELECT revision, published_at FROM outbox WHERE tenant_id = $1 ORDER BY id",
            tenant_id,
        )
    finally:
        await connection.close()
    return [(row["revision"], row["published_at"]) for row in rows]


async def test_changes_during_a_redis_outage_are_published_in_order(
    down_harness: tuple[Harness, RedisServer],
) -> None:
    harness, server = down_harness
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id, greeting="before the outage")
    before = (await ok(client.get(f"/v1/tenants/{tenant_id}")))["revision"]
    await snapshot_at_least(redis, tenant_id, before)
    await server.stop()
    base = f"/v1/tenants/{tenant_id}/agents/{agent_id}"
    for version, greeting in enumerate(["one", "two", "three"], start=2):
        await ok(client.post(f"{base}/versions", json={"greeting": greeting}), 201)
        await ok(client.post(f"{base}/publish", json={"version": version}))
    await ok(client.post(f"/v1/tenants/{tenant_id}/suspend"))
    last = (await ok(client.get(f"/v1/tenants/{tenant_id}")))["revision"]
    assert last == before + 4
    await server.start()
    await _wait_ping(redis)
    listener = Redis.from_url(f"redis://127.0.0.1:{server.port}/0")
    pubsub = listener.pubsub()
    await pubsub.subscribe("sb:v1:config")
    snapshot = await snapshot_at_least(redis, tenant_id, last, timeout_s=15)
    assert snapshot.status == "suspended"
    assert snapshot.agents[agent_id].greeting == "three"
    revisions: list[int] = []
    while (message := await pubsub.get_message(timeout=0.2)) is not None:
        if message["type"] == "message":
            revisions.append(ConfigChanged.model_validate_json(message["data"]).revision)
    assert revisions == sorted(set(revisions))
    rows = await _outbox(harness.settings.database_url, tenant_id)
    # Redis came back empty: after the queued changes everything may be republished once more.
    assert [revision for revision, _ in rows] == list(range(1, len(rows) + 1))
    assert len(rows) >= last
    published_at = [at for _, at in rows if at is not None]
    assert len(published_at) == len(rows) and published_at == sorted(published_at)
    await pubsub.aclose()  # type: ignore[no-untyped-call]
    await listener.aclose()


PENDING = "switchboard_outbox_pending_rows"
OLDEST_AGE = "switchboard_outbox_oldest_pending_age_seconds"


async def _metric(client: httpx.AsyncClient, name: str) -> float:
    for line in (await client.get("/metrics")).text.splitlines():
        if line.startswith(f"{name} "):
            return float(line.split()[1])
    raise AssertionError(f"{name} is not exported")


async def _metric_reaches(
    client: httpx.AsyncClient, name: str, wanted: Callable[[float], bool], timeout_s: float = 10
) -> float:
    """Polls /metrics (bounded) until ``name`` satisfies ``wanted``; returns its value."""
    async with asyncio.timeout(timeout_s):
        while True:
            value = await _metric(client, name)
            if wanted(value):
                return value
            await asyncio.sleep(0.05)


async def test_metrics_show_the_outbox_backlog_while_redis_is_down(
    down_harness: tuple[Harness, RedisServer],
) -> None:
    harness, server = down_harness
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    await _metric_reaches(client, PENDING, lambda value: value == 0)
    assert await _metric(client, OLDEST_AGE) == 0
    await server.stop()
    for action in ("suspend", "activate", "suspend"):
        await ok(client.post(f"/v1/tenants/{tenant_id}/{action}"))

    await _metric_reaches(client, PENDING, lambda value: value == 3)
    await _metric_reaches(client, OLDEST_AGE, lambda value: value > 0)
    await server.start()
    await _wait_ping(redis)
    await _metric_reaches(client, PENDING, lambda value: value == 0, timeout_s=15)
    assert await _metric(client, OLDEST_AGE) == 0
