"""Fixtures of the usage tests: the API without background workers."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from tests.integration.conftest import Harness, make_settings, start_harness, truncate_all


@pytest.fixture
async def quiet_harness(migrated_database: str, redis: Redis) -> AsyncIterator[Harness]:
    """The API without background workers (the test meters events itself); webhook endpoints
    may name a local address."""
    await truncate_all(migrated_database)
    harness, lifespan = await start_harness(
        make_settings(migrated_database, run_workers=False, allow_private_addresses=True), redis
    )
    yield harness
    await harness.client.aclose()
    await lifespan.__aexit__(None, None, None)
