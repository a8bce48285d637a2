"""Republishes every tenant at start and whenever Redis lost the contract data (epoch gone)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from pydantic import ValidationError
from redis.asyncio import Redis
from redis.exceptions import RedisError, ResponseError
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from switchboard_common.contract import ContractEpoch
from switchboard_common.contract.keys import EPOCH_KEY
from switchboard_common.health import DegradedError
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.failure_log import ThrottledFailureLog
from switchboard_control_plane.publishing.models import OutboxEntry
from switchboard_control_plane.publishing.outbox import Outbox
from switchboard_control_plane.publishing.reconciler import republish_all

logger = logging.getLogger("switchboard.control_plane.epoch")
EPOCH_LOCK_KEY = 7_100_002
DRAIN_POLL_S = 0.05
FIRST_RETRY_S = 0.1
"""After a failed check (a pooled connection that died with a restarted Redis) the next comes
soon; further failures back off to ``check_s``."""


async def redis_run_id(redis: Redis) -> str | None:
    """The Redis server's run id; None where ``INFO`` is not allowed."""
    try:
        info = await redis.info("server")
    except ResponseError:
        return None
    run_id = info.get("run_id")
    return str(run_id) if run_id is not None else None


async def epoch_is_current(redis: Redis, run_id: str | None) -> bool:
    """True when the epoch is present and was written on the server with ``run_id``."""
    raw = await redis.get(EPOCH_KEY)
    if raw is None:
        return False
    try:
        epoch = ContractEpoch.model_validate_json(raw)
    except ValidationError:
        return False
    return epoch.redis_run_id == run_id


async def epoch_readiness(redis: Redis) -> None:
    """Degraded, not failing, while the epoch is missing or stale: the API works without it,
    and every instance would fail at once."""
    if not await epoch_is_current(redis, await redis_run_id(redis)):
        raise DegradedError("contract data missing in Redis; republishing")


class EpochWatch:
    """The reconciler's loop: republishes every tenant at start, then every ``check_s`` checks
    that the epoch is in Redis and was written on this very server.

    When it is missing, or names another server's run id (Redis restarted, perhaps from an older
    dump), one instance (a Postgres advisory lock) queues a snapshot of every tenant, waits until
    the publisher has written them all, then writes the epoch with the run id it saw before the
    republish, after ``before_epoch`` (the usage counters' rewrite from Postgres), so runtimes
    that wait for the epoch find those too. A restart during the republish leaves an epoch naming
    the old run id, so the next check republishes again. While Redis or Postgres is down the
    check fails and is retried.
    """

    def __init__(
        self,
        sessions: SessionFactory,
        outbox: Outbox,
        redis: Redis,
        *,
        check_s: float = 1.0,
        clock: Callable[[], datetime] = utcnow,
        before_epoch: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self._sessions = sessions
        self._before_epoch = before_epoch
        self._outbox = outbox
        self._redis = redis
        self._check_s = check_s
        self._clock = clock

    async def run(self) -> None:
        retry_s = FIRST_RETRY_S
        started = False
        failures = ThrottledFailureLog(logger, "epoch.check_failed")
        while True:
            try:
                await self.check_once(force=not started)
                started = True
            except (RedisError, OSError, SQLAlchemyError) as exc:
                failures.failed(exc, {"retry_s": retry_s})
                await asyncio.sleep(retry_s)
                retry_s = min(retry_s * 2, self._check_s)
                continue
            retry_s = FIRST_RETRY_S
            failures.recovered({})
            await asyncio.sleep(self._check_s)

    async def check_once(self, *, force: bool = False) -> bool:
        """Republishes when the epoch is missing or stale (or ``force``); True when this call
        republished, False when it did not need to or another instance is doing it."""
        run_id = await redis_run_id(self._redis)
        current = await epoch_is_current(self._redis, run_id)
        if current and not force:
            return False
        async with self._sessions() as session, session.begin():
            locked = await session.scalar(
                text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": EPOCH_LOCK_KEY}
            )
            if not locked:
                return False
            if not current:
                logger.warning("epoch.contract_data_missing", extra={"fields": {"run_id": run_id}})
            tenants = await republish_all(self._sessions, self._outbox)
            await self._until_published()
            if self._before_epoch is not None:
                await self._before_epoch()
            epoch = ContractEpoch(redis_run_id=run_id, written_at=self._clock())
            await self._redis.set(EPOCH_KEY, epoch.model_dump_json())
        logger.info("epoch.republished", extra={"fields": {"tenants": tenants, "run_id": run_id}})
        return True

    async def _until_published(self) -> None:
        """Waits until every outbox row queued so far is in Redis (the publisher retries while
        Redis is down, so this waits through an outage rather than queueing again)."""
        async with self._sessions() as session:
            last = await session.scalar(
                select(func.max(OutboxEntry.id)).execution_options(**ALL_TENANTS)
            )
        if last is None:
            return
        pending = (
            select(func.count())
            .select_from(OutboxEntry)
            .where(OutboxEntry.published_at.is_(None), OutboxEntry.id <= last)
            .execution_options(**ALL_TENANTS)
        )
        while True:
            async with self._sessions() as session:
                if not await session.scalar(pending):
                    return
            await asyncio.sleep(DRAIN_POLL_S)
