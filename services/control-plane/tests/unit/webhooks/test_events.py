"""Event bodies: the documented envelope, checked data, unknown types refused."""

from __future__ import annotations

import json
from typing import get_args

import pytest

from switchboard_control_plane.webhooks.events import EVENT_TYPES
from switchboard_control_plane.webhooks.outbox import event_body
from switchboard_control_plane.webhooks.schemas import EventType


def test_the_api_offers_exactly_the_event_types() -> None:
    assert set(get_args(EventType)) == set(EVENT_TYPES)


def test_a_body_is_type_timestamp_data() -> None:
    data = {
        "call_id": "c1",
        "agent_id": None,
        "agent_version": None,
        "number_id": None,
        "carrier": "twilio",
        "from_number": "+14155550000",
        "to_number": "+14155550100",
        "started_at": "2026-03-02T15:00:00+00:00",
    }
    body = json.loads(event_body("call.started", {**data, "internal_column": "x"}))
    assert list(body) == ["type", "timestamp", "data"]
    assert body["type"] == "call.started" and body["timestamp"].endswith("Z")
    assert body["data"]["started_at"] == "2026-03-02T15:00:00Z"
    assert "internal_column" not in body["data"]  # only documented fields go out


def test_unknown_types_and_misshapen_data_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown webhook event type"):
        event_body("call.exploded", {})
    with pytest.raises(ValueError, match="call_id"):
        event_body("call.started", {"call": "c1"})


def test_usage_events_carry_the_usage_domains_data_as_given() -> None:
    body = json.loads(event_body("usage.cap_reached", {"period_start": "2026-03-01"}))
    assert body["data"] == {"period_start": "2026-03-01"}
