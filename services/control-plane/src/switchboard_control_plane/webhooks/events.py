"""The event types customers can subscribe to and the stable schema of each one's ``data``.

A body is ``{"type": ..., "timestamp": ..., "data": {...}}``. Fields are only ever added to a
``data`` schema, never renamed or removed; receivers should ignore fields they do not know.
``usage.*`` events are emitted by the usage domain: their ``data`` is its own (see
docs/webhooks.md) and is sent as given.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Final

from pydantic import BaseModel, ConfigDict

CALL_STARTED: Final = "call.started"
CALL_ENDED: Final = "call.ended"
CALL_ANALYZED: Final = "call.analyzed"
USAGE_THRESHOLD_REACHED: Final = "usage.threshold_reached"
USAGE_CAP_REACHED: Final = "usage.cap_reached"
ENDPOINT_DISABLED: Final = "webhook.endpoint_disabled"

EVENT_TYPES: Final = (
    CALL_STARTED,
    CALL_ENDED,
    CALL_ANALYZED,
    USAGE_THRESHOLD_REACHED,
    USAGE_CAP_REACHED,
    ENDPOINT_DISABLED,
)


class _Data(BaseModel):
    # A field the stored row grows later is left out until it is documented here.
    model_config = ConfigDict(extra="ignore")


class CallStartedData(_Data):
    call_id: str
    agent_id: str | None
    agent_version: int | None
    number_id: str | None
    carrier: str | None
    from_number: str | None
    to_number: str | None
    started_at: datetime


class TranscriptLine(_Data):
    role: str
    text: str
    at_ms: float
    interrupted: bool = False


class CallEndedData(CallStartedData):
    ended_at: datetime | None
    duration_s: float | None
    end_reason: str | None
    outcome: str
    turns: int
    transferred_to: str | None
    transcript: list[TranscriptLine]


class CallAnalyzedData(_Data):
    call_id: str
    agent_id: str | None
    analysis: dict[str, Any]


class EndpointDisabledData(_Data):
    endpoint_id: str
    url: str
    reason: str
    consecutive_failures: int
    disabled_at: datetime


DATA_SCHEMAS: Final[dict[str, type[_Data]]] = {
    CALL_STARTED: CallStartedData,
    CALL_ENDED: CallEndedData,
    CALL_ANALYZED: CallAnalyzedData,
    ENDPOINT_DISABLED: EndpointDisabledData,
}


def checked_data(event_type: str, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` in its JSON form, validated against its type's schema where the type has one;
    ``ValueError`` for an unknown type or data that does not fit its schema."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown webhook event type {event_type!r}")
    schema = DATA_SCHEMAS.get(event_type)
    if schema is None:
        return data
    return schema.model_validate(data).model_dump(mode="json")
