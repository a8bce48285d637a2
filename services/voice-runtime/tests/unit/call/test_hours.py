"""Business hours in the agent's time zone."""

from __future__ import annotations

from datetime import UTC, datetime

from switchboard_common.contract.tenant_config import BusinessHours
from switchboard_voice_runtime.call.hours import is_open

HOURS = BusinessHours.model_validate(
    {
        "timezone": "Europe/Paris",
        "windows": ({"days": ("mon", "tue"), "opens_at": "09:00", "closes_at": "17:00"},),
        "after_hours_message": "Closed.",
    }
)


def test_open_inside_a_window_in_the_local_time_zone() -> None:
    assert is_open(HOURS, datetime(2025, 6, 2, 7, 0, tzinfo=UTC))  # 09:00 in Paris, Monday
    assert not is_open(HOURS, datetime(2025, 6, 2, 6, 59, tzinfo=UTC))
    assert not is_open(HOURS, datetime(2025, 6, 2, 15, 0, tzinfo=UTC))  # 17:00 closes


def test_closed_on_days_without_a_window_and_open_without_hours() -> None:
    assert not is_open(HOURS, datetime(2025, 6, 4, 10, 0, tzinfo=UTC))  # Wednesday
    assert is_open(None, datetime(2025, 6, 4, 10, 0, tzinfo=UTC))
