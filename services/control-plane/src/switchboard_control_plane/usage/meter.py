"""Meters each ended call once (by call id) and checks the tenant's plan for notices."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from redis.exceptions import RedisError
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_common.contract import CallEnded
from switchboard_common.contract.usage import UsageRecord
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.usage.counters import UsageCounter
from switchboard_control_plane.usage.limits import tenant_plan_limits
from switchboard_control_plane.usage.metrics import UsageMetrics
from switchboard_control_plane.usage.models import CallUsageRecord
from switchboard_control_plane.usage.notices import notify_once
from switchboard_control_plane.usage.schemas import PlanLimits

logger = logging.getLogger("switchboard.control_plane.usage")


METERED_FIELDS = (
    "billable_seconds",
    "billable_minutes",
    "stt_audio_seconds",
    "tts_characters",
    "llm_prompt_tokens",
    "llm_completion_tokens",
    "tool_calls",
)


@dataclass(frozen=True, slots=True)
class MeteredCall:
    record: UsageRecord
    period_minutes: int
    """The tenant's metered minutes in the call's period, this call included."""
    added: UsageRecord
    """What this metering added: the record, or its difference from the estimate it replaced."""
    new_call: bool


def threshold_minutes(limits: PlanLimits) -> int | None:
    """Minutes at which ``usage.threshold_reached`` fires: the threshold share of the included
    minutes, rounded up; None when the plan includes no minutes."""
    if limits.included_minutes == 0:
        return None
    return -(-limits.included_minutes * limits.threshold_percent // 100)


async def period_minutes(session: AsyncSession, tenant_id: str, period: str) -> int:
    """Billable minutes metered for the tenant in the period (session scoped to the tenant)."""
    query = select(func.coalesce(func.sum(CallUsageRecord.billable_minutes), 0)).where(
        CallUsageRecord.period == period
    )
    return int(await session.scalar(query) or 0)


class UsageMeter:
    """``meter`` writes in the caller's transaction; ``settled`` runs after its commit."""

    def __init__(self, counter: UsageCounter | None, metrics: UsageMetrics | None) -> None:
        self._counter = counter
        self._metrics = metrics

    async def meter(self, session: AsyncSession, event: CallEnded) -> MeteredCall | None:
        """Meters the call (session scoped to its tenant); None when it was metered before."""
        return await self.meter_record(session, event.usage_record())

    async def meter_record(
        self, session: AsyncSession, record: UsageRecord, *, estimated: bool = False
    ) -> MeteredCall | None:
        """Meters a usage record like ``meter``. ``estimated``: the control plane's bill of a
        lost call, which the runtime's own ``call.ended``, if it ever comes, replaces once."""
        fields = record.model_dump(include={"call_id", "period", "started_at", *METERED_FIELDS})
        query = select(CallUsageRecord).where(CallUsageRecord.call_id == record.call_id)
        earlier = (await session.execute(query.with_for_update())).scalar_one_or_none()
        if earlier is not None and (estimated or not earlier.estimated):
            return None
        delta = record
        if earlier is None:
            statement = (
                insert(CallUsageRecord)
                .values(tenant_id=record.tenant_id, estimated=estimated, **fields)
                .on_conflict_do_nothing(index_elements=["call_id"])
                .returning(CallUsageRecord.call_id)
            )
            if (await session.execute(statement)).first() is None:
                return None
        else:
            delta = record.model_copy(
                update={name: fields[name] - getattr(earlier, name) for name in METERED_FIELDS}
            )
            for name, value in fields.items():
                setattr(earlier, name, value)
            earlier.estimated = False
        used = await period_minutes(session, record.tenant_id, record.period)
        await self._check_plan(session, record, used)
        return MeteredCall(record, used, delta, earlier is None)

    async def _check_plan(self, session: AsyncSession, record: UsageRecord, used: int) -> None:
        tenant = await session.get(Tenant, record.tenant_id)
        limits = await tenant_plan_limits(session, tenant) if tenant is not None else None
        if limits is None:
            return
        threshold = threshold_minutes(limits)
        if threshold is not None and used >= threshold:
            await notify_once(
                session,
                record.tenant_id,
                record.period,
                "usage.threshold_reached",
                used_minutes=used,
                limit_minutes=threshold,
            )
        cap = limits.hard_cap_minutes
        if cap is not None and used >= cap:
            await notify_once(
                session,
                record.tenant_id,
                record.period,
                "usage.cap_reached",
                used_minutes=used,
                limit_minutes=cap,
            )

    async def settled(self, metered: MeteredCall) -> None:
        """Counts the call in Prometheus and moves its minutes into the Redis counter's base
        (a Redis failure is logged: the reconciler settles the period later)."""
        record = metered.record
        if self._metrics is not None:
            self._metrics.count(metered.added, new_call=metered.new_call)
        if self._counter is None:
            return
        try:
            await self._counter.settle(
                record.tenant_id, record.period, metered.period_minutes, [record.call_id]
            )
        except RedisError:
            logger.warning("usage.settle_failed", extra={"fields": {"call_id": record.call_id}})
