"""The usage report: metered calls of one tenant summed per UTC day or month."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.usage.meter import METERED_FIELDS
from switchboard_control_plane.usage.models import CallUsageRecord
from switchboard_control_plane.usage.schemas import (
    Granularity,
    UsagePeriod,
    UsageReport,
    UsageTotals,
)


def month_start(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _totals(row: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"calls": int(row.calls)}
    for name in METERED_FIELDS:
        value = getattr(row, name)
        values[name] = round(float(value), 3) if "seconds" in name else int(value)
    return values


async def usage_report(
    session: AsyncSession, since: datetime, until: datetime, granularity: Granularity
) -> UsageReport:
    """Calls started in ``[since, until)``, bucketed by the UTC day or month they started in
    (the session is scoped to the tenant)."""
    bucket = func.date_trunc(granularity, CallUsageRecord.started_at, "UTC").label("start")
    sums = [
        func.coalesce(func.sum(getattr(CallUsageRecord, n)), 0).label(n) for n in METERED_FIELDS
    ]
    window = (CallUsageRecord.started_at >= since, CallUsageRecord.started_at < until)
    per_bucket = (
        select(bucket, func.count().label("calls"), *sums)
        .where(*window)
        .group_by(bucket)
        .order_by(bucket)
    )
    periods = [
        UsagePeriod(start=row.start.replace(tzinfo=UTC), **_totals(row))
        for row in (await session.execute(per_bucket)).all()
    ]
    total_row = (
        await session.execute(select(func.count().label("calls"), *sums).where(*window))
    ).one()
    return UsageReport(totals=UsageTotals(**_totals(total_row)), periods=periods)
