"""A tenant's effective limits: its plan with its overrides, as the runtime enforces them."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_common.contract.tenant_config import TenantLimits
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.usage.models import Plan
from switchboard_control_plane.usage.schemas import PlanLimits

_LIMIT_FIELDS = tuple(PlanLimits.model_fields)


def plan_limits(plan: Plan, overrides: dict[str, Any] | None = None) -> PlanLimits:
    """The plan's limits with a tenant's overrides applied (absent fields follow the plan)."""
    values = {name: getattr(plan, name) for name in _LIMIT_FIELDS}
    values.update(overrides or {})
    return PlanLimits.model_validate(values)


def plan_view(plan: Plan) -> dict[str, Any]:
    return {"id": plan.id, "name": plan.name, **plan_limits(plan).model_dump()}


async def tenant_plan_limits(session: AsyncSession, tenant: Tenant) -> PlanLimits | None:
    """The tenant's effective plan, or None when it has none."""
    if tenant.plan_id is None:
        return None
    plan = await session.get(Plan, tenant.plan_id)
    return plan_limits(plan, tenant.plan_overrides) if plan is not None else None


async def effective_limits(session: AsyncSession, tenant: Tenant) -> TenantLimits:
    """What the runtime enforces: the plan's concurrency, call rate and monthly cap when the
    tenant has a plan (the call length always from the tenant's own limits); without a plan,
    the tenant's limits and no cap."""
    own = TenantLimits.model_validate(tenant.limits or {})
    limits = await tenant_plan_limits(session, tenant)
    if limits is None:
        return own
    return own.model_copy(
        update={
            "max_concurrent_calls": limits.max_concurrent_calls,
            "calls_per_minute": limits.calls_per_minute,
            "monthly_minutes_cap": limits.hard_cap_minutes,
        }
    )
