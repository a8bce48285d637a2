"""The ``call.*`` webhook events of a stored call (schemas in webhooks/events.py), emitted in
the transaction that stores the call event, ordered by call id."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.calls.models import Call
from switchboard_control_plane.webhooks.events import CALL_ENDED, CALL_STARTED
from switchboard_control_plane.webhooks.outbox import emit

logger = logging.getLogger("switchboard.control_plane.webhooks")


def started_data(call: Call) -> dict[str, Any]:
    return {
        "call_id": call.id,
        "agent_id": call.agent_id,
        "agent_version": call.agent_version,
        "number_id": call.number_id,
        "carrier": call.carrier,
        "from_number": call.from_number,
        "to_number": call.to_number,
        "started_at": call.started_at,
    }


def ended_data(call: Call) -> dict[str, Any]:
    return {
        **started_data(call),
        "ended_at": call.ended_at,
        "duration_s": call.duration_s,
        "end_reason": call.end_reason,
        "outcome": call.outcome,
        "turns": call.turns,
        "transferred_to": call.transferred_to,
        "transcript": call.transcript,
    }


async def emit_call_event(session: AsyncSession, call: Call, event_type: str) -> None:
    """Emits ``call.started`` or ``call.ended`` for ``call`` as stored now. A call whose row
    does not fit the event's schema is still stored: the event is logged and left out."""
    assert event_type in (CALL_STARTED, CALL_ENDED)
    data = started_data(call) if event_type == CALL_STARTED else ended_data(call)
    try:
        await emit(session, call.tenant_id, event_type, data, ordering_key=call.id)
    except ValueError as exc:
        logger.error(
            "webhooks.event_not_emitted",
            extra={"fields": {"call_id": call.id, "type": event_type, "error": str(exc)[:300]}},
        )
