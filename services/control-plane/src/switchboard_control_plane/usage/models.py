"""The plans, call_usage and usage_notices tables."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from switchboard_control_plane.db.base import (
    Base,
    TenantOwned,
    Timestamps,
    new_id,
    tenant_fk,
    utcnow,
)


def _plan_id() -> str:
    return new_id("pln")


class Plan(Timestamps, Base):
    """A platform-defined plan; tenants assigned to it take their limits from it."""

    __tablename__ = "plans"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_plan_id)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    included_minutes: Mapped[int]
    hard_cap_minutes: Mapped[int | None] = mapped_column(default=None)
    threshold_percent: Mapped[int]
    max_concurrent_calls: Mapped[int]
    calls_per_minute: Mapped[int]


class CallUsageRecord(TenantOwned, Base):
    """One metered call: written once per call id, whatever number of ``call.ended`` arrive."""

    __tablename__ = "call_usage"
    __table_args__ = (Index("ix_call_usage_tenant_started", "tenant_id", "started_at"),)

    call_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    tenant_id: Mapped[str] = tenant_fk()
    period: Mapped[str] = mapped_column(String(7))
    started_at: Mapped[datetime]
    billable_seconds: Mapped[float]
    billable_minutes: Mapped[int]
    stt_audio_seconds: Mapped[float]
    tts_characters: Mapped[int]
    llm_prompt_tokens: Mapped[int]
    llm_completion_tokens: Mapped[int]
    tool_calls: Mapped[int]
    estimated: Mapped[bool] = mapped_column(default=False)
    """Billed by the control plane for a lost call (start to last recorded event); the
    runtime's own ``call.ended`` replaces it once."""
    metered_at: Mapped[datetime] = mapped_column(default=utcnow)


class UsageNotice(TenantOwned, Base):
    """A usage notice (``usage.threshold_reached``, ``usage.cap_reached``) sent for a period:
    its primary key makes each fire once per tenant and period."""

    __tablename__ = "usage_notices"

    tenant_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True
    )
    period: Mapped[str] = mapped_column(String(7), primary_key=True)
    type: Mapped[str] = mapped_column(String(32), primary_key=True)
    used_minutes: Mapped[int]
    limit_minutes: Mapped[int]
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
