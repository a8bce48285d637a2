"""Re-publishes tenants (at start-up and on demand) and reports drift against Redis."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from redis.asyncio import Redis
from sqlalchemy import select

from switchboard_common.contract import DidRoute, TenantRuntimeConfig
from switchboard_common.contract.keys import did_key, tenant_key
from switchboard_control_plane.db.scope import scope_session
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.publishing.outbox import Outbox
from switchboard_control_plane.tenants.models import Tenant


async def republish_all(sessions: SessionFactory, outbox: Outbox) -> int:
    """Queues a fresh snapshot of every live tenant; returns how many."""
    async with sessions() as session:
        query = select(Tenant.id).where(Tenant.deleted_at.is_(None))
        tenant_ids = (await session.execute(query)).scalars().all()
    for tenant_id in tenant_ids:
        async with sessions() as session, session.begin():
            await outbox.enqueue(scope_session(session, tenant_id), tenant_id)
    outbox.notify()
    return len(tenant_ids)


@dataclass(slots=True)
class DriftReport:
    redis_revision: int | None
    differences: list[str] = field(default_factory=list)


async def drift(
    redis: Redis, expected: TenantRuntimeConfig, dids: dict[str, DidRoute], stale: tuple[str, ...]
) -> DriftReport:
    """Compares what Postgres says should be live with what Redis holds."""
    raw = await redis.get(tenant_key(expected.tenant_id))
    if raw is None:
        return DriftReport(None, ["snapshot_missing"])
    live = TenantRuntimeConfig.model_validate_json(raw)
    report = DriftReport(live.revision)
    if live.status != expected.status:
        report.differences.append("status")
    if live.limits != expected.limits:
        report.differences.append("limits")
    live_agents = {a: c.version for a, c in live.agents.items()}
    if live_agents != {a: c.version for a, c in expected.agents.items()}:
        report.differences.append("agents")
    live_accounts = (live.telephony.twilio is None, live.telephony.telnyx is None)
    if live_accounts != (expected.telephony.twilio is None, expected.telephony.telnyx is None):
        report.differences.append("telephony")
    for e164, route in sorted(dids.items()):
        value = await redis.get(did_key(e164))
        if value is None or DidRoute.model_validate_json(value) != route:
            report.differences.append(f"did:{e164}")
    for e164 in stale:
        value = await redis.get(did_key(e164))
        if value is not None and json.loads(value).get("tenant_id") == expected.tenant_id:
            report.differences.append(f"stale_did:{e164}")
    return report
