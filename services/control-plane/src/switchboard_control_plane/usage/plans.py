"""Plans: created, changed and deleted by platform admins; tenants assigned to them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.db.scope import ALL_TENANTS, scope_session
from switchboard_control_plane.errors import ConflictError, InvalidConfigError, NotFoundError
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.unit_of_work import Access, TenantAccess
from switchboard_control_plane.usage.limits import plan_view, tenant_plan_limits
from switchboard_control_plane.usage.models import Plan
from switchboard_control_plane.usage.schemas import (
    PlanCreate,
    PlanLimits,
    PlanOverrides,
    PlanUpdate,
    TenantPlanOut,
    TenantPlanSet,
)


async def create_plan(access: Access, body: PlanCreate) -> Plan:
    plan = Plan(**body.model_dump())
    access.session.add(plan)
    try:
        await access.session.flush()
    except IntegrityError as exc:
        raise ConflictError("A plan with this name exists.", code="plan_exists") from exc
    await access.audit("plan.created", plan.id, tenant_id=None, after=plan_view(plan))
    await access.commit()
    return plan


async def list_plans(session: AsyncSession) -> Sequence[Plan]:
    return (await session.execute(select(Plan).order_by(Plan.created_at))).scalars().all()


async def get_plan(session: AsyncSession, plan_id: str) -> Plan:
    plan = await session.get(Plan, plan_id)
    if plan is None:
        raise NotFoundError("plan")
    return plan


async def _tenants_on(session: AsyncSession, plan_id: str) -> list[str]:
    query = (
        select(Tenant.id)
        .where(Tenant.plan_id == plan_id, Tenant.deleted_at.is_(None))
        .execution_options(**ALL_TENANTS)
    )
    return list((await session.execute(query)).scalars().all())


async def update_plan(access: Access, plan_id: str, body: PlanUpdate) -> Plan:
    """Changes the plan and republishes every tenant on it (one outbox row each)."""
    plan = await get_plan(access.session, plan_id)
    changes = body.model_dump(exclude_unset=True)
    for name, value in changes.items():
        if value is None and name != "hard_cap_minutes":
            raise InvalidConfigError(name, "may not be null", type_="null_not_allowed")
    before = plan_view(plan)
    for name, value in changes.items():
        setattr(plan, name, value)
    try:
        await access.session.flush()
    except IntegrityError as exc:
        raise ConflictError("A plan with this name exists.", code="plan_exists") from exc
    await access.audit(
        "plan.updated", plan.id, tenant_id=None, before=before, after=plan_view(plan)
    )
    tenants = await _tenants_on(access.session, plan.id)
    await _commit_republishing(access, tenants)
    return plan


async def _commit_republishing(access: Access, tenant_ids: list[str]) -> None:
    """Commits the change with one outbox row per tenant on the plan, in its transaction (the
    session is scoped to each tenant in turn while its row is built)."""
    outbox = access.resources.outbox
    for tenant_id in tenant_ids:
        scope_session(access.session, tenant_id)
        await outbox.enqueue(access.session, tenant_id)
    await access.commit()
    if tenant_ids:
        outbox.notify()


async def delete_plan(access: Access, plan_id: str) -> None:
    plan = await get_plan(access.session, plan_id)
    count = await access.session.scalar(
        select(func.count()).select_from(Tenant).where(Tenant.plan_id == plan.id)
    )
    if count:
        raise ConflictError(
            "Tenants are assigned to this plan.", code="plan_in_use", details={"tenants": count}
        )
    before = plan_view(plan)
    await access.session.delete(plan)
    await access.audit("plan.deleted", plan_id, tenant_id=None, before=before)
    await access.commit()


def tenant_plan_out(tenant: Tenant, limits: PlanLimits | None) -> TenantPlanOut:
    return TenantPlanOut(
        plan_id=tenant.plan_id,
        overrides=PlanOverrides.model_validate(tenant.plan_overrides or {}),
        effective=limits,
    )


async def set_tenant_plan(access: TenantAccess, body: TenantPlanSet) -> TenantPlanOut:
    """Assigns the plan (and this tenant's overrides) and republishes the tenant's limits."""
    tenant = access.tenant
    if body.plan_id is not None and await access.session.get(Plan, body.plan_id) is None:
        raise InvalidConfigError("plan_id", "no such plan", type_="plan_not_found")
    before = {"plan_id": tenant.plan_id, "overrides": tenant.plan_overrides}
    tenant.plan_id = body.plan_id
    tenant.plan_overrides = body.overrides.model_dump(exclude_unset=True)
    after = {"plan_id": tenant.plan_id, "overrides": tenant.plan_overrides}
    await access.audit(
        "tenant.plan_set", tenant.id, tenant_id=tenant.id, before=before, after=after
    )
    await access.commit(publish=tenant.id)
    return tenant_plan_out(tenant, await tenant_plan_limits(access.session, tenant))
