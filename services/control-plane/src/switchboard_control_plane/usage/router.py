"""``/v1/tenants/{tenant_id}/usage``: metered usage per UTC day or month."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from switchboard_control_plane.db.base import UtcDatetime, utcnow
from switchboard_control_plane.errors import InvalidConfigError
from switchboard_control_plane.http.deps import TenantAccess, tenant_access
from switchboard_control_plane.http.docs import tenant_errors
from switchboard_control_plane.usage.report import month_start, usage_report
from switchboard_control_plane.usage.schemas import Granularity, UsageReport

router = APIRouter(prefix="/v1/tenants/{tenant_id}", tags=["usage"])


@router.get("/usage", operation_id="get_usage", responses=tenant_errors())
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
