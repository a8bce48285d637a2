"""Outbox upkeep on the real Postgres: published rows past retention go, pending rows stay."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import asyncpg  # type: ignore[import-untyped]
import pytest
from prometheus_client import CollectorRegistry

from switchboard_control_plane.db.session import SessionFactory, create_engine, session_factory
from switchboard_control_plane.publishing.upkeep import OutboxBacklogGauges, OutboxUpkeep
from tests.integration.conftest import truncate_all

pytestmark = pytest.mark.integration

NOW = datetime(2030, 1, 8, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


@pytest.fixture
async def sessions(migrated_database: str) -> AsyncIterator[SessionFactory]:
    await truncate_all(migrated_database)
    engine = create_engine(migrated_database)
    yield session_factory(engine)
    await engine.dispose()


async def _insert(
    database_url: str, rows: list[tuple[str, datetime, datetime | None]]
) -> dict[str, int]:
    """Outbox rows (label, created_at, published_at); returns each label's id."""
    connection = await asyncpg.connect(database_url.replace("+asyncpg", ""))
    ids: dict[str, int] = {}
    try:
        for revision, (label, created_at, published_at) in enumerate(rows, start=1):
            ids[label] = await connection.fetchval(
                "INSERT INTO outbox (tenant_id, revision, payload, created_at, published_at,"
                " attempts) VALUES ('t-upkeep', $1, '{}'::jsonb, $2, $3, 0) RETURNING id",
                revision,
                created_at,
                published_at,
            )
    finally:
        await connection.close()
    return ids


async def _remaining(database_url: str) -> set[int]:
    connection = await asyncpg.connect(database_url.replace("+asyncpg", ""))
    try:
        return {row["id"] for row in await connection.fetch("SELECT id FROM outbox")}
    finally:
        await connection.close()


def _upkeep(
    sessions: SessionFactory, registry: CollectorRegistry, batch: int = 1000
) -> OutboxUpkeep:
    gauges = OutboxBacklogGauges(registry, clock=lambda: NOW)
    return OutboxUpkeep(
        sessions,
        gauges,
        retention_s=7 * DAY.total_seconds(),
        interval_s=60,
        batch=batch,
        clock=lambda: NOW,
    )


async def test_published_rows_past_retention_are_deleted_and_pending_rows_never(
    migrated_database: str, sessions: SessionFactory
) -> None:
    ids = await _insert(
        migrated_database,
        [
            ("published 30 days ago", NOW - 31 * DAY, NOW - 30 * DAY),
            ("published 8 days ago", NOW - 8 * DAY, NOW - 8 * DAY),
            ("pending for 60 days", NOW - 60 * DAY, None),
            ("published 6 days ago", NOW - 9 * DAY, NOW - 6 * DAY),
            ("published just now", NOW - DAY, NOW),
            ("pending since now", NOW, None),
        ],
    )
    upkeep = _upkeep(sessions, CollectorRegistry())

    assert await upkeep.prune() == 2
    kept = {
        "pending for 60 days",
        "published 6 days ago",
        "published just now",
        "pending since now",
    }
    assert await _remaining(migrated_database) == {ids[label] for label in kept}
    assert await upkeep.prune() == 0


async def test_pruning_goes_on_past_one_batch(
    migrated_database: str, sessions: SessionFactory
) -> None:
    old = [(f"old {n}", NOW - 20 * DAY, NOW - 10 * DAY) for n in range(7)]
    ids = await _insert(migrated_database, [*old, ("pending", NOW - 20 * DAY, None)])
    upkeep = _upkeep(sessions, CollectorRegistry(), batch=3)

    assert await upkeep.prune() == 7
    assert await _remaining(migrated_database) == {ids["pending"]}


async def test_gauges_show_the_pending_rows_and_the_oldest_ones_age(
    migrated_database: str, sessions: SessionFactory
) -> None:
    registry = CollectorRegistry()
    upkeep = _upkeep(sessions, registry)

    def sample(name: str) -> float | None:
        return registry.get_sample_value(name)

    await upkeep.run_once()
    assert sample("switchboard_outbox_pending_rows") == 0
    assert sample("switchboard_outbox_oldest_pending_age_seconds") == 0

    await _insert(
        migrated_database,
        [
            ("published", NOW - 2 * DAY, NOW - DAY),
            ("pending 90 s", NOW - timedelta(seconds=90), None),
            ("pending 30 s", NOW - timedelta(seconds=30), None),
            ("pending 10 days", NOW - 10 * DAY, None),
        ],
    )
    await upkeep.run_once()
    assert sample("switchboard_outbox_pending_rows") == 3
    assert sample("switchboard_outbox_oldest_pending_age_seconds") == 10 * DAY.total_seconds()
