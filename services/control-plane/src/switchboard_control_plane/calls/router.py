"""``/v1/tenants/{tenant_id}/calls`` and ``/analytics``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from switchboard_control_plane.calls import service
from switchboard_control_plane.calls.models import Call
from switchboard_control_plane.calls.schemas import (
    Analytics,
    CallDetail,
    CallPage,
    CallSummary,
    Outcome,
    TurnOut,
)
from switchboard_control_plane.db.base import UtcDatetime
from switchboard_control_plane.errors import NotFoundError
from switchboard_control_plane.http.deps import TenantAccess, tenant_access
from switchboard_control_plane.http.docs import tenant_errors
from switchboard_control_plane.numbers.schemas import PhoneNumberText

router = APIRouter(prefix="/v1/tenants/{tenant_id}", tags=["calls"])
Reader = Annotated[TenantAccess, Depends(tenant_access("calls.read"))]
Since = Annotated[UtcDatetime | None, Query(description="Calls started at or after")]
Until = Annotated[UtcDatetime | None, Query(description="Calls started before")]


def summary(call: Call) -> CallSummary:
    return CallSummary.model_validate(call, from_attributes=True)


@router.get("/calls", operation_id="list_calls", responses=tenant_errors())
async def list_calls(
    access: Reader,
    since: Since = None,
    until: Until = None,
    number: Annotated[PhoneNumberText | None, Query(description="Dialed number")] = None,
    outcome: Outcome | None = None,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> CallPage:
    """Calls, newest first, filtered by time range, dialed number and outcome."""
    where = service.CallFilter(since, until, number, outcome)
    rows, next_cursor = await service.list_calls(access.session, where, cursor, limit)
    return CallPage(items=[summary(c) for c in rows], next_cursor=next_cursor)


@router.get("/calls/{call_id}", operation_id="get_call", responses=tenant_errors())
async def get_call(call_id: str, access: Reader) -> CallDetail:
    """One call: transcript, per-turn latency stages, the recording reference and the
    post-call analysis."""
    call = await access.session.get(Call, call_id)
    if call is None or call.tenant_id != access.tenant.id:
        raise NotFoundError("call")
    turns = await service.call_turns(access.session, call_id)
    return CallDetail(
        **summary(call).model_dump(),
        transcript=call.transcript,
        recording_ref=call.recording_ref,
        recording_deleted_at=call.recording_deleted_at,
        transferred_to=call.transferred_to,
        turn_details=[TurnOut.model_validate(t, from_attributes=True) for t in turns],
        analysis=call.analysis,
        analysis_status=call.analysis_status,
        analysis_attempts=call.analysis_attempts,
        analysis_error=call.analysis_error,
    )


@router.get("/analytics", operation_id="get_analytics", responses=tenant_errors())
async def get_analytics(
    access: Annotated[TenantAccess, Depends(tenant_access("analytics.read"))],
    since: Since = None,
    until: Until = None,
) -> Analytics:
    """Per day: calls, minutes, answered and missed, voice-to-voice latency p50/p95."""
    return Analytics(days=await service.analytics(access.session, since, until))
