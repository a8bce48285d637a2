"""Outbox upkeep: prunes rows published longer ago than the retention; exports backlog gauges."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from prometheus_client import CollectorRegistry, Gauge
from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError

from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.publishing.models import OutboxEntry

logger = logging.getLogger("switchboard.control_plane.outbox_upkeep")


class OutboxBacklogGauges:
    """``switchboard_outbox_pending_rows`` and ``switchboard_outbox_oldest_pending_age_seconds``.

    The age is computed at scrape time from the oldest pending row seen at the last refresh, so
    it keeps growing between refreshes while that row waits.
    """

    def __init__(self, registry: CollectorRegistry, clock: Callable[[], datetime] = utcnow) -> None:
        self._clock = clock
        self._oldest_pending: datetime | None = None
        self._pending = Gauge(
            "switchboard_outbox_pending_rows",
            "Outbox rows not yet published to Redis",
            registry=registry,
        )
        oldest_age = Gauge(
            "switchboard_outbox_oldest_pending_age_seconds",
            "Age of the oldest outbox row not yet published to Redis; 0 when none waits",
            registry=registry,
        )
        oldest_age.set_function(self._oldest_pending_age_s)

    def update(self, pending_rows: int, oldest_pending: datetime | None) -> None:
        self._pending.set(pending_rows)
        self._oldest_pending = oldest_pending

    def _oldest_pending_age_s(self) -> float:
        if self._oldest_pending is None:
            return 0.0
        return max(0.0, (self._clock() - self._oldest_pending).total_seconds())


class OutboxUpkeep:
    """Every ``interval_s``: deletes rows published more than ``retention_s`` ago, in batches of
    ``batch`` rows per transaction, then re-reads the backlog into the gauges.

    Unpublished rows are never deleted, however old. Running on several instances at once is
    harmless (the deletes are idempotent).
    """

    def __init__(
        self,
        sessions: SessionFactory,
        gauges: OutboxBacklogGauges,
        *,
        retention_s: float,
        interval_s: float,
        batch: int = 1000,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._retention = timedelta(seconds=retention_s)
        self._interval_s = interval_s
        self._batch = batch
        self._clock = clock
        self._gauges = gauges

    async def run(self) -> None:
        while True:
            try:
                await self.run_once()
            except (SQLAlchemyError, OSError) as exc:
                logger.warning(
                    "outbox_upkeep.database_unavailable",
                    extra={"fields": {"error": type(exc).__name__, "retry_s": self._interval_s}},
                )
            await asyncio.sleep(self._interval_s)

    async def run_once(self) -> int:
        """Prunes, then refreshes the gauges; returns how many rows were deleted."""
        pruned = await self.prune()
        await self.refresh_gauges()
        return pruned

    async def prune(self) -> int:
        cutoff = self._clock() - self._retention
        expired = (
            select(OutboxEntry.id)
            .where(OutboxEntry.published_at.is_not(None), OutboxEntry.published_at < cutoff)
            .order_by(OutboxEntry.id)
            .limit(self._batch)
        )
        statement = (
            delete(OutboxEntry)
            .where(OutboxEntry.id.in_(expired.scalar_subquery()))
            .returning(OutboxEntry.id)
            .execution_options(synchronize_session=False, **ALL_TENANTS)
        )
        total = 0
        while True:
            async with self._sessions() as session, session.begin():
                deleted = len((await session.execute(statement)).all())
            total += deleted
            if deleted < self._batch:
                if total:
                    logger.info("outbox_upkeep.pruned", extra={"fields": {"rows": total}})
                return total

    async def refresh_gauges(self) -> None:
        query = (
            select(func.count(), func.min(OutboxEntry.created_at))
            .where(OutboxEntry.published_at.is_(None))
            .execution_options(**ALL_TENANTS)
        )
        async with self._sessions() as session:
            count, oldest = (await session.execute(query)).one()
        self._gauges.update(count, oldest)
