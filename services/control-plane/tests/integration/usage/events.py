"""Builders of call events and a metering session for the usage tests."""

from __future__ import annotations

from datetime import datetime, timedelta

from prometheus_client import CollectorRegistry
from redis.asyncio import Redis

from switchboard_common.contract import CallEnded
from switchboard_common.contract.usage import CallUsage
from switchboard_control_plane.calls.store import store_event
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.usage.counters import UsageCounter
from switchboard_control_plane.usage.meter import UsageMeter
from switchboard_control_plane.usage.metrics import UsageMetrics


def ended(
    tenant_id: str,
    call_id: str,
    started_at: datetime,
    duration_s: float,
    *,
    event_id: str | None = None,
    usage: CallUsage | None = None,
) -> CallEnded:
    return CallEnded(
        event_id=event_id or f"{call_id}-end",
        tenant_id=tenant_id,
        call_id=call_id,
        occurred_at=started_at + timedelta(seconds=duration_s),
        reason="caller_hangup",
        started_at=started_at,
        duration_s=duration_s,
        turns=1,
        usage=usage or CallUsage(),
    )


class Metering:
    """Stores events the way the events consumer does, metering with a real counter."""

    def __init__(self, sessions: SessionFactory, redis: Redis) -> None:
        self.registry = CollectorRegistry()
        self.meter = UsageMeter(UsageCounter(redis), UsageMetrics(self.registry))
        self._sessions = sessions

    async def store(self, event: CallEnded) -> bool:
        async with self._sessions() as session:
            return await store_event(session, event, self.meter)

    def sample(self, name: str, tenant_id: str) -> float | None:
        return self.registry.get_sample_value(name, {"tenant_id": tenant_id})
