"""Business hours: whether an agent's line is open at a given moment, in its time zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from switchboard_common.contract.tenant_config import BusinessHours

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def is_open(hours: BusinessHours | None, at: datetime) -> bool:
    """True when no hours are set or ``at`` (aware) falls inside a window; an unknown time zone
    counts as UTC rather than closing the line."""
    if hours is None:
        return True
    try:
        zone = ZoneInfo(hours.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = at.astimezone(zone)
    weekday = _WEEKDAYS[local.weekday()]
    moment = local.time().replace(tzinfo=None)
    return any(
        weekday in window.days and window.opens_at <= moment < window.closes_at
        for window in hours.windows
    )
