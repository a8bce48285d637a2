"""Reads of stored calls: filtered pages, one call with its turns, daily analytics."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Date, case, cast, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.calls.models import Call, CallTurnRecord
from switchboard_control_plane.calls.schemas import AnalyticsDay, AnalyticsSummary
from switchboard_control_plane.errors import InvalidConfigError


@dataclass(frozen=True, slots=True)
class CallFilter:
    since: datetime | None = None
    until: datetime | None = None
    number: str | None = None
    outcome: str | None = None
    agent_id: str | None = None


def encode_cursor(call: Call) -> str:
    raw = f"{call.started_at.isoformat()}|{call.id}"
    return base64.urlsafe_b64encode(raw.encode()).decode()


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        started, _, call_id = base64.urlsafe_b64decode(cursor.encode()).decode().partition("|")
        return datetime.fromisoformat(started), call_id
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidConfigError("cursor", "not a cursor from this API") from exc


async def list_calls(
    session: AsyncSession, where: CallFilter, cursor: str | None, limit: int
) -> tuple[Sequence[Call], str | None]:
    query = select(Call).order_by(Call.started_at.desc(), Call.id.desc()).limit(limit + 1)
    if where.since is not None:
        query = query.where(Call.started_at >= where.since)
    if where.until is not None:
        query = query.where(Call.started_at < where.until)
    if where.number is not None:
        query = query.where(Call.to_number == where.number)
    if where.outcome is not None:
        query = query.where(Call.outcome == where.outcome)
    if where.agent_id is not None:
        query = query.where(Call.agent_id == where.agent_id)
    if cursor is not None:
        query = query.where(tuple_(Call.started_at, Call.id) < tuple_(*decode_cursor(cursor)))
    rows = list((await session.execute(query)).scalars())
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, encode_cursor(rows[-1]) if more and rows else None


async def call_turns(session: AsyncSession, call_id: str) -> Sequence[CallTurnRecord]:
    query = (
        select(CallTurnRecord)
        .where(CallTurnRecord.call_id == call_id)
        .order_by(CallTurnRecord.turn_index)
    )
    return (await session.execute(query)).scalars().all()


def _answered() -> Any:
    return func.sum(case((Call.outcome.in_(["answered", "transferred"]), 1), else_=0))


def _missed() -> Any:
    return func.sum(case((Call.outcome == "missed", 1), else_=0))


def _v2v_percentiles() -> tuple[Any, Any]:
    """Voice-to-voice p50 and p95 over the selected turns (Postgres percentile_cont)."""
    v2v = CallTurnRecord.voice_to_voice_ms
    return (
        func.percentile_cont(0.5).within_group(v2v),
        func.percentile_cont(0.95).within_group(v2v),
    )


async def summary(
    session: AsyncSession, since: datetime | None, until: datetime | None
) -> AnalyticsSummary:
    """Totals over [since, until): calls, minutes, answered/missed, voice-to-voice p50/p95 of
    the turns of calls started in the range (percentiles computed in Postgres)."""
    counts = select(
        func.count(), func.coalesce(func.sum(Call.duration_s), 0.0), _answered(), _missed()
    )
    latency = (
        select(*_v2v_percentiles())
        .join(Call, Call.id == CallTurnRecord.call_id)
        .where(CallTurnRecord.voice_to_voice_ms.is_not(None))
    )
    if since is not None:
        counts = counts.where(Call.started_at >= since)
        latency = latency.where(Call.started_at >= since)
    if until is not None:
        counts = counts.where(Call.started_at < until)
        latency = latency.where(Call.started_at < until)
    calls, seconds, answered, missed = (await session.execute(counts)).one()
    p50, p95 = (await session.execute(latency)).one()
    return AnalyticsSummary(
        calls=calls,
        minutes=round(float(seconds) / 60.0, 2),
        answered=int(answered or 0),
        missed=int(missed or 0),
        latency_p50_ms=p50,
        latency_p95_ms=p95,
    )


async def analytics(
    session: AsyncSession, since: datetime | None, until: datetime | None
) -> list[AnalyticsDay]:
    """Per UTC day: calls, minutes, answered/missed, voice-to-voice p50/p95."""
    day = cast(func.timezone("UTC", Call.started_at), Date).label("day")
    counts = select(
        day,
        func.count().label("calls"),
        func.coalesce(func.sum(Call.duration_s), 0.0).label("seconds"),
        _answered(),
        _missed(),
    ).group_by(day)
    turn_day = cast(func.timezone("UTC", CallTurnRecord.occurred_at), Date).label("day")
    latency = (
        select(turn_day, *_v2v_percentiles())
        .where(CallTurnRecord.voice_to_voice_ms.is_not(None))
        .group_by(turn_day)
    )
    if since is not None:
        counts = counts.where(Call.started_at >= since)
        latency = latency.where(CallTurnRecord.occurred_at >= since)
    if until is not None:
        counts = counts.where(Call.started_at < until)
        latency = latency.where(CallTurnRecord.occurred_at < until)
    latencies = {row[0]: (row[1], row[2]) for row in await session.execute(latency)}
    days = []
    for row in (await session.execute(counts.order_by(day))).all():
        p50, p95 = latencies.get(row[0], (None, None))
        days.append(
            AnalyticsDay(
                day=row[0],
                calls=row[1],
                minutes=round(float(row[2]) / 60.0, 2),
                answered=int(row[3] or 0),
                missed=int(row[4] or 0),
                latency_p50_ms=p50,
                latency_p95_ms=p95,
            )
        )
    return days
