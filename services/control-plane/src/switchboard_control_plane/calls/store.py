"""Stores one call event (idempotent on its event id) in its tenant's call records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_common.contract import CallEnded, CallStarted, CallTurn, TranscriptEntry
from switchboard_common.contract.usage import CallUsage, UsageRecord
from switchboard_control_plane.calls.models import Call, CallTurnRecord, ProcessedEvent
from switchboard_control_plane.calls.service import call_turns
from switchboard_control_plane.calls.webhook_events import emit_call_event
from switchboard_control_plane.db.scope import scope_session
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.usage.meter import MeteredCall, UsageMeter
from switchboard_control_plane.webhooks.events import CALL_ENDED, CALL_STARTED

CallEventModel = CallStarted | CallTurn | CallEnded
ANALYSIS_QUEUED: dict[str, Any] = {
    "analysis_status": "pending",
    "analysis_due_at": func.now(),
    "analysis_attempts": 0,
    "analysis_error": None,
}
"""A call that ended waits for its post-call analysis (analysis/worker.py)."""
RUNTIME_LOST = "runtime_lost"
"""End reason of a call closed by the control plane because no runtime holds it any more."""


def outcome_of(reason: str, turns: int) -> str:
    if reason == "transferred":
        return "transferred"
    if reason == "error":
        return "failed"
    if reason == "rejected" or turns == 0:
        return "missed"
    return "answered"


async def _upsert_call(session: AsyncSession, tenant_id: str, values: dict[str, Any]) -> None:
    statement = insert(Call).values(tenant_id=tenant_id, **values)
    updates: dict[str, Any] = {
        k: statement.excluded[k] for k in values if k not in ("id", "started_at")
    }
    if "turns" in updates:
        updates["turns"] = func.greatest(Call.turns, statement.excluded.turns)
    statement = statement.on_conflict_do_update(
        index_elements=[Call.id], set_=updates, where=Call.tenant_id == tenant_id
    )
    await session.execute(statement)


async def _store_started(session: AsyncSession, event: CallStarted) -> None:
    await _upsert_call(
        session,
        event.tenant_id,
        {
            "id": event.call_id,
            "started_at": event.occurred_at,
            "agent_id": event.agent_id,
            "agent_version": event.agent_version,
            "number_id": event.number_id,
            "carrier": event.carrier,
            "carrier_call_id": event.carrier_call_id,
            "from_number": event.from_number,
            "to_number": event.to_number,
        },
    )


async def _store_turn(session: AsyncSession, event: CallTurn) -> None:
    await _upsert_call(
        session,
        event.tenant_id,
        {
            "id": event.call_id,
            "started_at": event.occurred_at,
            "turns": event.turn_index + 1,
        },
    )
    turn = insert(CallTurnRecord).values(
        tenant_id=event.tenant_id,
        call_id=event.call_id,
        turn_index=event.turn_index,
        occurred_at=event.occurred_at,
        caller_text=event.caller_text,
        agent_text=event.agent_text,
        interrupted=event.interrupted,
        brain=event.brain,
        stages=event.stages.model_dump(mode="json"),
        voice_to_voice_ms=event.stages.voice_to_voice_ms,
        tool_calls=[report.model_dump(mode="json") for report in event.tool_calls],
    )
    await session.execute(turn.on_conflict_do_nothing(index_elements=["call_id", "turn_index"]))


async def _store_ended(session: AsyncSession, event: CallEnded) -> None:
    await _upsert_call(
        session,
        event.tenant_id,
        {
            "id": event.call_id,
            "started_at": event.started_at,
            "ended_at": event.occurred_at,
            "duration_s": event.duration_s,
            "end_reason": event.reason,
            "outcome": outcome_of(event.reason, event.turns),
            "turns": event.turns,
            "transcript": [entry.model_dump(mode="json") for entry in event.transcript],
            "recording_ref": event.recording_ref,
            "transferred_to": event.transferred_to,
            **ANALYSIS_QUEUED,
        },
    )


async def _notify(session: AsyncSession, call_id: str, event_type: str) -> None:
    call = await session.get(Call, call_id, populate_existing=True)
    assert call is not None  # just upserted
    await emit_call_event(session, call, event_type)


async def store_event(
    session: AsyncSession, event: CallEventModel, meter: UsageMeter | None = None
) -> bool:
    """Stores and commits; False when the event was a duplicate or its tenant is unknown.

    With ``meter``, a ``call.ended`` is metered in the same transaction (once per call id)."""
    if await session.get(Tenant, event.tenant_id) is None:
        return False
    scope_session(session, event.tenant_id)
    fresh = await session.execute(
        insert(ProcessedEvent)
        .values(event_id=event.event_id)
        .on_conflict_do_nothing(index_elements=["event_id"])
        .returning(ProcessedEvent.event_id)
    )
    if fresh.first() is None:
        await session.rollback()
        return False
    metered: MeteredCall | None = None
    if isinstance(event, CallStarted):
        await _store_started(session, event)
        await _notify(session, event.call_id, CALL_STARTED)
    elif isinstance(event, CallTurn):
        await _store_turn(session, event)
    else:
        await _store_ended(session, event)
        await _notify(session, event.call_id, CALL_ENDED)
        metered = await meter.meter(session, event) if meter is not None else None
    await session.commit()
    if meter is not None and metered is not None:
        await meter.settled(metered)
    return True


async def close_lost_call(
    session: AsyncSession,
    tenant_id: str,
    call_id: str,
    *,
    quiet_since: datetime,
    meter: UsageMeter | None = None,
) -> bool:
    """Ends an in-progress call whose runtime is gone, keeping what was recorded: end reason
    ``runtime_lost``, outcome ``failed``, ended at its last recorded event, transcript rebuilt
    from the turns received. Refused (False) when the call is no longer in progress or something
    was recorded for it at or after ``quiet_since``. A ``call.ended`` arriving later still
    overwrites all of it with what the runtime saw. With ``meter``, the call is billed from its
    start to its last recorded event (its runtime never charged it), an estimate that a later
    ``call.ended`` replaces."""
    scope_session(session, tenant_id)
    query = select(Call).where(Call.id == call_id).with_for_update()
    call = (await session.execute(query)).scalar_one_or_none()
    if call is None or call.outcome != "in_progress":
        await session.rollback()
        return False
    turns = await call_turns(session, call_id)
    last_at = max([call.started_at, *(turn.occurred_at for turn in turns)])
    if last_at >= quiet_since:
        await session.rollback()
        return False
    call.ended_at = last_at
    call.duration_s = (last_at - call.started_at).total_seconds()
    call.end_reason = RUNTIME_LOST
    call.outcome = "failed"
    call.turns = max(call.turns, len(turns))
    call.transcript = call.transcript or _transcript(call.started_at, turns)
    for name, value in ANALYSIS_QUEUED.items():
        setattr(call, name, value)
    await emit_call_event(session, call, CALL_ENDED)
    metered = None
    if meter is not None:
        metered = await meter.meter_record(session, _lost_usage(call), estimated=True)
    await session.commit()
    if meter is not None and metered is not None:
        await meter.settled(metered)
    return True


def _lost_usage(call: Call) -> UsageRecord:
    assert call.ended_at is not None and call.duration_s is not None
    return UsageRecord.of(
        event_id=f"{call.id}:{RUNTIME_LOST}",
        tenant_id=call.tenant_id,
        call_id=call.id,
        occurred_at=call.ended_at,
        started_at=call.started_at,
        duration_s=call.duration_s,
        turns=call.turns,
        reason=RUNTIME_LOST,
        usage=CallUsage(),
    )


def _transcript(started_at: datetime, turns: Sequence[CallTurnRecord]) -> list[dict[str, Any]]:
    """Caller and agent lines of the stored turns, timed by their stages (else the turn's time)."""
    entries: list[dict[str, Any]] = []
    for turn in turns:
        fallback_ms = max(0.0, (turn.occurred_at - started_at).total_seconds() * 1000)
        lines = (
            ("caller", turn.caller_text, ("end_of_turn_ms", "caller_stopped_ms"), False),
            ("agent", turn.agent_text, ("first_frame_out_ms",), turn.interrupted),
        )
        for role, text, stages, interrupted in lines:
            if not text:
                continue
            at_ms = next((turn.stages[s] for s in stages if turn.stages.get(s) is not None), None)
            entry = TranscriptEntry(
                role=role,
                text=text,
                at_ms=max(0.0, float(at_ms)) if at_ms is not None else fallback_ms,
                interrupted=interrupted,
            )
            entries.append(entry.model_dump(mode="json"))
    return entries
