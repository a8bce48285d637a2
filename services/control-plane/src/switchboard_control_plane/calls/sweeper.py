"""Closes calls still in progress whose runtime died: their lease is gone and nothing arrives."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy import select, tuple_
from sqlalchemy.exc import SQLAlchemyError

from switchboard_common.contract.keys import tenant_capacity_key
from switchboard_control_plane.calls.models import Call
from switchboard_control_plane.calls.store import close_lost_call
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.usage.meter import UsageMeter

logger = logging.getLogger("switchboard.control_plane.lost_calls")
CallKey = tuple[datetime, str, str]
"""(started_at, call id, tenant id) of a call in progress."""


class LostCallSweeper:
    """Every ``interval_s``: closes as ``runtime_lost`` each call in progress whose lease has been
    missing on every sweep for at least ``lost_after_s`` and for which nothing was recorded in
    that time.

    A live call's lease is its member in the tenant's capacity sorted set, scored by expiry on the
    Redis clock and renewed by the runtime's heartbeat (every third of the runtime's lease TTL).
    The absence must last across sweeps, not be seen once: a Redis restart empties every lease
    until the next heartbeat puts it back. Keep ``lost_after_s`` well above the runtime's
    ``LEASE_TTL_S``. A sweep that cannot read Redis forgets what it saw. Several instances may
    sweep at once: closing is idempotent. With ``meter``, a closed call is billed up to its last
    recorded event.
    """

    def __init__(
        self,
        sessions: SessionFactory,
        redis: Redis,
        *,
        lost_after_s: float,
        interval_s: float,
        batch: int = 500,
        clock: Callable[[], datetime] = utcnow,
        meter: UsageMeter | None = None,
    ) -> None:
        self._sessions = sessions
        self._meter = meter
        self._redis = redis
        self._lost_after = timedelta(seconds=lost_after_s)
        self._interval_s = interval_s
        self._batch = batch
        self._clock = clock
        self._missing_since: dict[str, datetime] = {}

    async def run(self) -> None:
        while True:
            try:
                await self.sweep_once()
            except (RedisError, OSError, SQLAlchemyError) as exc:
                self._missing_since.clear()
                logger.warning(
                    "lost_calls.sweep_failed",
                    extra={"fields": {"error": type(exc).__name__, "retry_s": self._interval_s}},
                )
            await asyncio.sleep(self._interval_s)

    async def sweep_once(self) -> int:
        """Looks at every call in progress started before the cutoff; returns how many it closed."""
        now = self._clock()
        cutoff = now - self._lost_after
        missing: dict[str, datetime] = {}
        closed = 0
        after: CallKey | None = None
        while page := await self._in_progress(cutoff, after):
            live = await self._leased(page)
            for _started_at, call_id, tenant_id in page:
                if call_id in live:
                    continue
                since = missing[call_id] = self._missing_since.get(call_id, now)
                if since <= cutoff and await self._close(tenant_id, call_id, cutoff):
                    del missing[call_id]
                    closed += 1
            after = page[-1]
            if len(page) < self._batch:
                break
        self._missing_since = missing
        return closed

    async def _in_progress(self, cutoff: datetime, after: CallKey | None) -> Sequence[CallKey]:
        query = (
            select(Call.started_at, Call.id, Call.tenant_id)
            .where(Call.outcome == "in_progress", Call.started_at < cutoff)
            .order_by(Call.started_at, Call.id)
            .limit(self._batch)
            .execution_options(**ALL_TENANTS)
        )
        if after is not None:
            query = query.where(tuple_(Call.started_at, Call.id) > tuple_(after[0], after[1]))
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return [(started_at, call_id, tenant_id) for started_at, call_id, tenant_id in rows]

    async def _leased(self, page: Sequence[CallKey]) -> set[str]:
        """The call ids of ``page`` whose lease has not expired (on the Redis server's clock)."""
        async with self._redis.pipeline(transaction=False) as pipe:
            pipe.time()
            for _started_at, call_id, tenant_id in page:
                pipe.zscore(tenant_capacity_key(tenant_id), call_id)
            results = await pipe.execute()
        seconds, micros = results[0]
        now_ms = int(seconds) * 1000 + int(micros) // 1000
        return {
            call_id
            for (_started_at, call_id, _tenant_id), expiry_ms in zip(page, results[1:], strict=True)
            if expiry_ms is not None and float(expiry_ms) > now_ms
        }

    async def _close(self, tenant_id: str, call_id: str, quiet_since: datetime) -> bool:
        async with self._sessions() as session:
            closed = await close_lost_call(
                session, tenant_id, call_id, quiet_since=quiet_since, meter=self._meter
            )
        if closed:
            logger.warning(
                "lost_calls.closed", extra={"fields": {"call_id": call_id, "tenant_id": tenant_id}}
            )
        return closed
