"""Drains the outbox to Redis in order, retrying while Redis is down."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from redis.exceptions import RedisError
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.failure_log import ThrottledFailureLog
from switchboard_control_plane.publishing.models import OutboxEntry
from switchboard_control_plane.publishing.outbox import Outbox
from switchboard_control_plane.publishing.plan import PublishPlan
from switchboard_control_plane.publishing.redis_writer import RedisPlanWriter

logger = logging.getLogger("switchboard.control_plane.publisher")
PUBLISHER_LOCK_KEY = 7_100_001
MAX_BACKOFF_S = 2.0


class Publisher:
    """One instance at a time drains (a Postgres advisory lock), oldest row first.

    A row is marked published only after its Redis write succeeded; on a Redis error the rows
    before it are committed and the drain retries from the failing row with backoff, so
    changes made during an outage are published, in order, once Redis returns.
    """

    def __init__(
        self,
        sessions: SessionFactory,
        writer: RedisPlanWriter,
        outbox: Outbox,
        *,
        poll_s: float = 1.0,
        batch: int = 100,
    ) -> None:
        self._sessions = sessions
        self._writer = writer
        self._outbox = outbox
        self._poll_s = poll_s
        self._batch = batch
        self._redis_down = ThrottledFailureLog(logger, "publisher.redis_unavailable")
        self._database_down = ThrottledFailureLog(logger, "publisher.database_unavailable")

    async def run(self) -> None:
        backoff_s = 0.05
        while True:
            self._outbox.wakeup.clear()
            try:
                drained = await self.drain_once()
                backoff_s = 0.05
                self._redis_down.recovered({})
                self._database_down.recovered({})
            except (RedisError, OSError) as exc:
                # a refused database connect is an OSError too: say which side is down
                failures = self._redis_down if isinstance(exc, RedisError) else self._database_down
                failures.failed(exc, {"retry_s": backoff_s})
                await asyncio.sleep(backoff_s)
                backoff_s = min(backoff_s * 2, MAX_BACKOFF_S)
                continue
            if drained:
                continue
            try:
                async with asyncio.timeout(self._poll_s):
                    await self._outbox.wakeup.wait()
            except TimeoutError:
                pass

    async def drain_once(self) -> int:
        """Publishes up to one batch; returns how many rows it published."""
        async with self._sessions() as session, session.begin():
            locked = await session.scalar(
                text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": PUBLISHER_LOCK_KEY}
            )
            if not locked:
                return 0
            rows = await self._pending(session)
            return await self._publish(rows)

    async def _pending(self, session: AsyncSession) -> Sequence[OutboxEntry]:
        query = (
            select(OutboxEntry)
            .where(OutboxEntry.published_at.is_(None))
            .order_by(OutboxEntry.id)
            .limit(self._batch)
            .execution_options(**ALL_TENANTS)
        )
        return (await session.execute(query)).scalars().all()

    async def _publish(self, rows: Sequence[OutboxEntry]) -> int:
        for done, row in enumerate(rows):
            try:
                await self._writer.apply(PublishPlan.model_validate(row.payload))
            except (RedisError, OSError):
                row.attempts += 1
                if done:
                    return done
                raise
            row.published_at = utcnow()
        return len(rows)
