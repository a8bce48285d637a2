"""Writes a tenant's next PublishPlan into the outbox, inside the caller's transaction."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.db.scope import scope_session, session_tenant
from switchboard_control_plane.publishing.models import OutboxEntry
from switchboard_control_plane.publishing.snapshot import SnapshotBuilder
from switchboard_control_plane.tenants.models import Tenant


class Outbox:
    """``enqueue`` bumps the tenant's revision (row lock: revisions stay ordered per tenant),
    builds the plan and adds the outbox row; ``wakeup`` is set so the local publisher drains
    right after the commit instead of at its next poll."""

    def __init__(self, builder: SnapshotBuilder) -> None:
        self.builder = builder
        self.wakeup = asyncio.Event()

    async def enqueue(
        self, session: AsyncSession, tenant_id: str, removed_dids: Iterable[str] = ()
    ) -> OutboxEntry:
        scoped = session_tenant(session)
        if scoped is None:
            scope_session(session, tenant_id)
        elif scoped != tenant_id:
            raise ValueError("the session is scoped to another tenant")
        await session.flush()
        query = (
            select(Tenant)
            .where(Tenant.id == tenant_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        tenant = (await session.execute(query)).scalar_one()
        tenant.revision += 1
        plan = await self.builder.plan(session, tenant, tuple(removed_dids))
        entry = OutboxEntry(
            tenant_id=tenant_id, revision=tenant.revision, payload=plan.model_dump(mode="json")
        )
        session.add(entry)
        await session.flush()
        return entry

    def notify(self) -> None:
        """Call after the transaction commits."""
        self.wakeup.set()
