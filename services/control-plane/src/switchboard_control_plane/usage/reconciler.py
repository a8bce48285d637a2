"""Rewrites each tenant's live minute counter from Postgres: after Redis lost its data (before
the contract epoch is written again, so no runtime admits against an empty counter) and
periodically, which also clears the pending minutes of calls whose settle did not reach Redis."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from redis.exceptions import RedisError
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from switchboard_common.contract.usage import usage_period
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS, scope_session
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.failure_log import ThrottledFailureLog
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.usage.counters import UsageCounter
from switchboard_control_plane.usage.meter import period_minutes
from switchboard_control_plane.usage.models import CallUsageRecord

logger = logging.getLogger("switchboard.control_plane.usage")


class UsageReconciler:
    """``reconcile_all`` writes the current period of every tenant; ``run`` repeats it every
    ``interval_s``."""

    def __init__(
        self,
        sessions: SessionFactory,
        counter: UsageCounter,
        *,
        interval_s: float = 60.0,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._counter = counter
        self._interval_s = interval_s
        self._clock = clock

    async def reconcile_all(self) -> int:
        """Returns how many tenants it wrote."""
        period = usage_period(self._clock())
        async with self._sessions() as session:
            query = (
                select(Tenant.id)
                .where(Tenant.deleted_at.is_(None))
                .execution_options(**ALL_TENANTS)
            )
            tenant_ids = list((await session.execute(query)).scalars().all())
        for tenant_id in tenant_ids:
            await self.reconcile(tenant_id, period)
        return len(tenant_ids)

    async def reconcile(self, tenant_id: str, period: str) -> None:
        """Pending call ids are read first, then which of them Postgres has, then the total: a
        call seen metered is committed, so the total read after includes it."""
        pending = await self._counter.pending_calls(tenant_id, period)
        async with self._sessions() as session:
            scope_session(session, tenant_id)
            metered: list[str] = []
            if pending:
                query = select(CallUsageRecord.call_id).where(CallUsageRecord.call_id.in_(pending))
                metered = list((await session.execute(query)).scalars().all())
            total = await period_minutes(session, tenant_id, period)
        await self._counter.settle(tenant_id, period, total, metered)

    async def run(self) -> None:
        failures = ThrottledFailureLog(logger, "usage.reconcile_failed")
        while True:
            try:
                await self.reconcile_all()
            except (RedisError, OSError, SQLAlchemyError) as exc:
                failures.failed(exc, {})
            else:
                failures.recovered({})
            await asyncio.sleep(self._interval_s)
