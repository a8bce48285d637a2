"""``/v1/tenants/{tenant_id}/audit`` and ``/v1/audit``: cursor-paginated, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import Select, select

from switchboard_control_plane.audit.models import AuditEntry
from switchboard_control_plane.audit.schemas import AuditEntryOut, AuditPage
from switchboard_control_plane.audit.service import cursor_of, parse_cursor
from switchboard_control_plane.db.base import UtcDatetime
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.http.deps import Access, TenantAccess, platform_access, tenant_access
from switchboard_control_plane.http.docs import error_responses, tenant_errors

router = APIRouter(tags=["audit"])
Cursor = Annotated[str | None, Query(max_length=32, description="From `next_cursor`")]
Limit = Annotated[int, Query(ge=1, le=200)]


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Exact actor, action prefix (``agent.`` matches every agent action), exact target, and
    the time range [since, until)."""

    actor: Annotated[str | None, Query(max_length=200)] = None
    action: Annotated[str | None, Query(max_length=100, description="Exact or a prefix")] = None
    target: Annotated[str | None, Query(max_length=200)] = None
    since: Annotated[UtcDatetime | None, Query(description="At or after")] = None
    until: Annotated[UtcDatetime | None, Query(description="Before")] = None

    def apply(self, query: Select[AuditEntry]) -> Select[AuditEntry]:
        if self.actor is not None:
            query = query.where(AuditEntry.actor == self.actor)
        if self.action is not None:
            prefix = self.action.endswith(".")
            query = query.where(
                AuditEntry.action.startswith(self.action, autoescape=True)
                if prefix
                else AuditEntry.action == self.action
            )
        if self.target is not None:
            query = query.where(AuditEntry.target == self.target)
        if self.since is not None:
            query = query.where(AuditEntry.at >= self.since)
        if self.until is not None:
            query = query.where(AuditEntry.at < self.until)
        return query


Filters = Annotated[AuditFilter, Depends()]


async def _page(
    access: Access, platform: bool, cursor: str | None, limit: int, where: AuditFilter
) -> AuditPage:
    query = where.apply(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit + 1))
    if platform:
        query = query.where(AuditEntry.tenant_id.is_(None)).execution_options(**ALL_TENANTS)
    before = parse_cursor(cursor)
    if before is not None:
        query = query.where(AuditEntry.id < before)
    rows = list((await access.session.execute(query)).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    return AuditPage(
        items=[AuditEntryOut.model_validate(r, from_attributes=True) for r in rows],
        next_cursor=cursor_of(rows[-1].id) if more and rows else None,
    )


@router.get(
    "/v1/tenants/{tenant_id}/audit", operation_id="list_audit_entries", responses=tenant_errors()
)
async def list_audit(
    access: Annotated[TenantAccess, Depends(tenant_access("audit.read"))],
    where: Filters,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> AuditPage:
    """The tenant's audit entries, newest first, filtered by actor, action, target and time."""
    return await _page(access, False, cursor, limit, where)


@router.get(
    "/v1/audit",
    operation_id="list_platform_audit_entries",
    responses=error_responses(401, 403, 422, 429),
)
async def list_platform_audit(
    access: Annotated[Access, Depends(platform_access("platform.audit.read"))],
    where: Filters,
    cursor: Cursor = None,
    limit: Limit = 50,
) -> AuditPage:
    """Platform-level audit entries (platform keys and admins), newest first, filtered."""
    return await _page(access, True, cursor, limit, where)
