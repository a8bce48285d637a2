"""``/v1/tenants/{tenant_id}/usage`` (metered usage per UTC day or month), ``/v1/plans``
(platform admins) and a tenant's plan, ``/v1/tenants/{tenant_id}/plan``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response, status

from switchboard_control_plane.db.base import UtcDatetime, utcnow
from switchboard_control_plane.errors import InvalidConfigError
from switchboard_control_plane.http.deps import Access, TenantAccess, platform_access, tenant_access
from switchboard_control_plane.http.docs import error_responses, tenant_errors
from switchboard_control_plane.usage import plans
from switchboard_control_plane.usage.limits import plan_view, tenant_plan_limits
from switchboard_control_plane.usage.models import Plan
from switchboard_control_plane.usage.report import month_start, usage_report
from switchboard_control_plane.usage.schemas import (
    Granularity,
    PlanCreate,
    PlanList,
    PlanOut,
    PlanUpdate,
    TenantPlanOut,
    TenantPlanSet,
    UsageReport,
)

router = APIRouter(tags=["usage"])
Reader = Annotated[Access, Depends(platform_access("plans.read"))]
Writer = Annotated[Access, Depends(platform_access("plans.write"))]
PlanId = Annotated[str, Path(max_length=64)]
PLATFORM_ERRORS = error_responses(401, 403, 404, 422, 429)


@router.get("/v1/tenants/{tenant_id}/usage", operation_id="get_usage", responses=tenant_errors())
async def get_usage(
    access: Annotated[TenantAccess, Depends(tenant_access("usage.read"))],
    from_: Annotated[
        UtcDatetime | None,
        Query(alias="from", description="Calls started at or after (default: this UTC month)"),
    ] = None,
    to: Annotated[
        UtcDatetime | None, Query(description="Calls started before (default: now)")
    ] = None,
    granularity: Granularity = "day",
) -> UsageReport:
    """Totals and per-bucket sums: calls, billable seconds and minutes, STT audio seconds, TTS
    characters, LLM prompt and completion tokens, tool calls (buckets without calls omitted)."""
    until = to or utcnow()
    since = from_ or month_start(until)
    if since >= until:
        raise InvalidConfigError("from", "must be before to", type_="empty_range")
    return await usage_report(access.session, since, until, granularity)


def plan_out(plan: Plan) -> PlanOut:
    return PlanOut.model_validate(
        {**plan_view(plan), "created_at": plan.created_at, "updated_at": plan.updated_at}
    )


@router.post(
    "/v1/plans",
    status_code=status.HTTP_201_CREATED,
    operation_id="create_plan",
    responses=error_responses(401, 403, 409, 422, 429),
)
async def create_plan(body: PlanCreate, access: Writer) -> PlanOut:
    """Creates a plan (platform admins only); 409 ``plan_exists`` on a taken name."""
    return plan_out(await plans.create_plan(access, body))


@router.get("/v1/plans", operation_id="list_plans", responses=error_responses(401, 403, 429))
async def list_plans(access: Reader) -> PlanList:
    return PlanList(items=[plan_out(p) for p in await plans.list_plans(access.session)])


@router.get("/v1/plans/{plan_id}", operation_id="get_plan", responses=PLATFORM_ERRORS)
async def get_plan(plan_id: PlanId, access: Reader) -> PlanOut:
    return plan_out(await plans.get_plan(access.session, plan_id))


@router.patch(
    "/v1/plans/{plan_id}",
    operation_id="update_plan",
    responses=error_responses(401, 403, 404, 409, 422, 429),
)
async def update_plan(plan_id: PlanId, body: PlanUpdate, access: Writer) -> PlanOut:
    """Changes the plan; every tenant on it is republished with the new limits."""
    return plan_out(await plans.update_plan(access, plan_id, body))


@router.delete(
    "/v1/plans/{plan_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="delete_plan",
    responses=error_responses(401, 403, 404, 409, 429),
)
async def delete_plan(plan_id: PlanId, access: Writer) -> Response:
    """Deletes an unused plan; 409 ``plan_in_use`` while tenants are assigned to it."""
    await plans.delete_plan(access, plan_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/v1/tenants/{tenant_id}/plan", operation_id="get_tenant_plan", responses=tenant_errors()
)
async def get_tenant_plan(
    access: Annotated[TenantAccess, Depends(tenant_access("usage.read"))],
) -> TenantPlanOut:
    """The tenant's plan, its overrides, and the limits they give."""
    limits = await tenant_plan_limits(access.session, access.tenant)
    return plans.tenant_plan_out(access.tenant, limits)


@router.put(
    "/v1/tenants/{tenant_id}/plan", operation_id="set_tenant_plan", responses=tenant_errors()
)
async def set_tenant_plan(
    body: TenantPlanSet,
    access: Annotated[TenantAccess, Depends(tenant_access("tenants.plan.write"))],
) -> TenantPlanOut:
    """Assigns a plan (null: none) and this tenant's overrides (platform admins only); the
    limits are published to the runtime."""
    return await plans.set_tenant_plan(access, body)
