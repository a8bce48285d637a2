"""Stores one call event (idempotent on its event id) in its tenant's call records."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_common.contract import CallEnded, CallStarted, CallTurn
from switchboard_control_plane.calls.models import Call, CallTurnRecord, ProcessedEvent
from switchboard_control_plane.db.scope import scope_session
from switchboard_control_plane.tenants.models import Tenant

CallEventModel = CallStarted | CallTurn | CallEnded


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
        },
    )


async def store_event(session: AsyncSession, event: CallEventModel) -> bool:
    """Stores and commits; False when the event was a duplicate or its tenant is unknown."""
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
    if isinstance(event, CallStarted):
        await _store_started(session, event)
    elif isinstance(event, CallTurn):
        await _store_turn(session, event)
    else:
        await _store_ended(session, event)
    await session.commit()
    return True
