"""The billing rule, the billing period and the usage counter's key."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from switchboard_common.contract import CallEnded, parse_call_event
from switchboard_common.contract.usage import (
    CallUsage,
    billable_minutes,
    usage_counter_key,
    usage_period,
)

AT = datetime(2026, 11, 30, 23, 59, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("seconds", "minutes"),
    [
        (0.0, 0),
        (0.0004, 0),
        (0.001, 1),
        (59.9, 1),
        (60.0, 1),
        (60.0004, 1),
        (60.001, 2),
        (3600, 60),
    ],
)
def test_billable_minutes_are_started_minutes_counted_in_whole_milliseconds(
    seconds: float, minutes: int
) -> None:
    assert billable_minutes(seconds) == minutes


def test_a_call_counts_in_the_utc_month_it_was_answered() -> None:
    assert usage_period(AT) == "2026-11"
    assert usage_period(datetime(2027, 1, 1, tzinfo=UTC)) == "2027-01"


def test_the_counter_key_refuses_a_bad_tenant_or_period() -> None:
    assert usage_counter_key("tnt_1", "2026-11") == "sb:v1:usage:tnt_1:2026-11"
    for tenant_id, period in (("a:b", "2026-11"), ("", "2026-11"), ("t", "2026-1"), ("t", "x")):
        with pytest.raises(ValueError):
            usage_counter_key(tenant_id, period)


def _ended(reason: str = "caller_hangup", duration_s: float = 61.0) -> CallEnded:
    return CallEnded(
        event_id="e1",
        tenant_id="t1",
        call_id="c1",
        occurred_at=AT,
        reason=reason,
        started_at=AT,
        duration_s=duration_s,
        turns=2,
        usage=CallUsage(
            stt_audio_seconds=12.5,
            tts_characters=340,
            llm_prompt_tokens=900,
            llm_completion_tokens=120,
            tool_calls=1,
        ),
    )


def test_the_usage_record_carries_the_call_usage_and_the_billing_rule() -> None:
    record = _ended().usage_record()
    assert (record.event_id, record.period, record.billable_seconds) == (
        "e1:usage",
        "2026-11",
        61.0,
    )
    assert record.billable_minutes == 2
    assert (record.stt_audio_seconds, record.tts_characters, record.tool_calls) == (12.5, 340, 1)
    assert (record.llm_prompt_tokens, record.llm_completion_tokens) == (900, 120)


def test_a_refused_call_bills_nothing() -> None:
    record = _ended(reason="rejected", duration_s=3.0).usage_record()
    assert (record.billable_seconds, record.billable_minutes) == (0.0, 0)


def test_a_call_ended_from_before_usage_was_reported_still_parses_with_zero_usage() -> None:
    golden = json.loads(Path(__file__).with_name("golden").joinpath("call_ended.json").read_text())
    golden.pop("usage", None)
    event = parse_call_event(json.dumps(golden))
    assert isinstance(event, CallEnded)
    assert event.usage == CallUsage()
