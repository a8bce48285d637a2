"""Deletes call recordings older than their tenant's ``recording_retention_days``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import SQLAlchemyError

from switchboard_common.recordings import RecordingStore, RecordingStoreError, recording_key
from switchboard_control_plane.calls.models import Call
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS, scope_session
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.tenants.models import Tenant

logger = logging.getLogger("switchboard.control_plane.recording_retention")


class RecordingRetention:
    """Every ``interval_s``: for each tenant with a retention, deletes from the store the
    recordings of calls started more than that many days ago, then marks each call
    (``recording_deleted_at``) so the API says why the recording is gone.

    The store is deleted from first: a crash between the two leaves a call whose recording the
    next sweep deletes again (harmless), never a mark on a recording still stored. Several
    instances may sweep at once: deleting twice is harmless, and the mark is set once.
    """

    def __init__(
        self,
        sessions: SessionFactory,
        store: RecordingStore,
        *,
        interval_s: float,
        batch: int = 200,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._store = store
        self._interval_s = interval_s
        self._batch = batch
        self._clock = clock

    async def run(self) -> None:
        while True:
            try:
                await self.sweep_once()
            except (RecordingStoreError, OSError, SQLAlchemyError) as exc:
                logger.warning(
                    "recording_retention.sweep_failed",
                    extra={"fields": {"error": type(exc).__name__, "retry_s": self._interval_s}},
                )
            await asyncio.sleep(self._interval_s)

    async def sweep_once(self) -> int:
        """Returns how many recordings it deleted."""
        now = self._clock()
        deleted = 0
        for tenant_id, days in await self._tenants_with_retention():
            cutoff = now - timedelta(days=days)
            while call_ids := await self._expired(tenant_id, cutoff):
                await self._delete(tenant_id, call_ids, now)
                deleted += len(call_ids)
                if len(call_ids) < self._batch:
                    break
        return deleted

    async def _tenants_with_retention(self) -> Sequence[tuple[str, int]]:
        query = (
            select(Tenant.id, Tenant.recording_retention_days)
            .where(Tenant.recording_retention_days.is_not(None), Tenant.deleted_at.is_(None))
            .order_by(Tenant.id)
        )
        async with self._sessions() as session:
            rows = (await session.execute(query)).all()
        return [(tenant_id, days) for tenant_id, days in rows if days is not None]

    async def _expired(self, tenant_id: str, cutoff: datetime) -> list[str]:
        query = (
            select(Call.id)
            .where(
                Call.tenant_id == tenant_id,
                Call.recording_ref.is_not(None),
                Call.recording_deleted_at.is_(None),
                Call.started_at < cutoff,
            )
            .order_by(Call.started_at, Call.id)
            .limit(self._batch)
        )
        async with self._sessions() as session:
            scope_session(session, tenant_id)
            return list((await session.execute(query)).scalars().all())

    async def _delete(self, tenant_id: str, call_ids: list[str], now: datetime) -> None:
        for call_id in call_ids:
            try:
                key = recording_key(tenant_id, call_id)
            except ValueError:
                continue  # an id no key was ever written under: only the mark is left to set
            await self._store.delete(key)
        mark = (
            update(Call)
            .where(
                Call.tenant_id == tenant_id,
                Call.id.in_(call_ids),
                Call.recording_deleted_at.is_(None),
            )
            .values(recording_deleted_at=now)
            .execution_options(**ALL_TENANTS)
        )
        async with self._sessions() as session:
            await session.execute(mark)
            await session.commit()
        logger.info(
            "recording_retention.deleted",
            extra={"fields": {"tenant_id": tenant_id, "recordings": len(call_ids)}},
        )
