"""Offline commands: re-encrypt secrets under the current key, verify the audit chains."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from switchboard_common.contract import Keyring
from switchboard_control_plane.audit.service import ChainProblem, verify_all
from switchboard_control_plane.credentials.models import StoredSecret
from switchboard_control_plane.credentials.store import DbSecretStore
from switchboard_control_plane.db.scope import scope_session
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.publishing.outbox import Outbox
from switchboard_control_plane.publishing.reconciler import republish_all
from switchboard_control_plane.tenants.models import Tenant


@dataclass(frozen=True, slots=True)
class RotationReport:
    tenants: int
    rotated: int


async def rotate_secrets(sessions: SessionFactory, keyring: Keyring) -> int:
    """Re-seals every stored secret under the keyring's current key, one tenant per transaction.

    Both the old and new keys stay in the keyring during rotation, so running instances keep
    reading secrets while rows move to the new key (no downtime).
    """
    store = DbSecretStore(keyring)
    rotated = 0
    async with sessions() as session:
        tenant_ids = (await session.execute(select(Tenant.id))).scalars().all()
    for tenant_id in tenant_ids:
        async with sessions() as session, session.begin():
            scope_session(session, tenant_id)
            rows = (await session.execute(select(StoredSecret).with_for_update())).scalars()
            rotated += sum(store.rotated(tenant_id, row) for row in rows)
    return rotated


async def rotate_keys(sessions: SessionFactory, keyring: Keyring, outbox: Outbox) -> RotationReport:
    """Rotates stored secrets, then re-publishes every tenant (runtime secrets re-sealed too)."""
    rotated = await rotate_secrets(sessions, keyring)
    tenants = await republish_all(sessions, outbox)
    return RotationReport(tenants=tenants, rotated=rotated)


async def verify_audit(sessions: SessionFactory) -> tuple[int, list[ChainProblem]]:
    async with sessions() as session:
        return await verify_all(session)
