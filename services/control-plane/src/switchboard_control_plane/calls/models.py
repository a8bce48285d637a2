"""The calls, call_turns and processed_events tables, written by the events consumer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from switchboard_control_plane.db.base import Base, TenantOwned, new_id, tenant_fk, utcnow


def _turn_id() -> str:
    return new_id("trn")


class Call(TenantOwned, Base):
    __tablename__ = "calls"
    __table_args__ = (
        # The lost-call sweeper reads calls in progress across tenants, oldest first.
        Index(
            "ix_calls_in_progress",
            "started_at",
            "id",
            postgresql_where=text("outcome = 'in_progress'"),
        ),
        # The recording retention sweeper reads each tenant's kept recordings, oldest first.
        Index(
            "ix_calls_recordings_kept",
            "tenant_id",
            "started_at",
            postgresql_where=text("recording_ref IS NOT NULL AND recording_deleted_at IS NULL"),
        ),
        # The analysis worker reads the calls waiting for analysis, across tenants.
        Index(
            "ix_calls_analysis_due",
            "analysis_due_at",
            postgresql_where=text("analysis_status = 'pending'"),
        ),
    )

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    tenant_id: Mapped[str] = tenant_fk()
    agent_id: Mapped[str | None] = mapped_column(String(64), default=None)
    agent_version: Mapped[int | None] = mapped_column(default=None)
    number_id: Mapped[str | None] = mapped_column(String(64), default=None)
    carrier: Mapped[str | None] = mapped_column(String(16), default=None)
    carrier_call_id: Mapped[str | None] = mapped_column(String(128), default=None)
    from_number: Mapped[str | None] = mapped_column(String(32), default=None)
    to_number: Mapped[str | None] = mapped_column(String(32), default=None, index=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    ended_at: Mapped[datetime | None] = mapped_column(default=None)
    duration_s: Mapped[float | None] = mapped_column(default=None)
    end_reason: Mapped[str | None] = mapped_column(String(32), default=None)
    outcome: Mapped[str] = mapped_column(String(16), default="in_progress")
    turns: Mapped[int] = mapped_column(default=0)
    transcript: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    recording_ref: Mapped[str | None] = mapped_column(String(500), default=None)
    recording_deleted_at: Mapped[datetime | None] = mapped_column(default=None)
    """When the tenant's recording retention deleted the recording."""
    transferred_to: Mapped[str | None] = mapped_column(String(32), default=None)
    # Post-call analysis (analysis/): queued when the call ends, retried a bounded number of times.
    analysis: Mapped[dict[str, Any] | None] = mapped_column(JSONB, default=None)
    analysis_status: Mapped[str | None] = mapped_column(String(16), default=None)
    analysis_attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    analysis_error: Mapped[str | None] = mapped_column(String(500), default=None)
    analysis_due_at: Mapped[datetime | None] = mapped_column(default=None)


class CallTurnRecord(TenantOwned, Base):
    __tablename__ = "call_turns"
    __table_args__ = (UniqueConstraint("call_id", "turn_index"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_turn_id)
    tenant_id: Mapped[str] = tenant_fk()
    call_id: Mapped[str] = mapped_column(
        String(128), ForeignKey("calls.id", ondelete="CASCADE"), index=True
    )
    turn_index: Mapped[int]
    occurred_at: Mapped[datetime]
    caller_text: Mapped[str]
    agent_text: Mapped[str]
    interrupted: Mapped[bool]
    brain: Mapped[str] = mapped_column(String(16))
    stages: Mapped[dict[str, Any]]
    voice_to_voice_ms: Mapped[float | None] = mapped_column(default=None)
    tool_calls: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, default=list, server_default=text("'[]'::jsonb")
    )


class ProcessedEvent(Base):
    """Event ids already stored: the consumer is idempotent on them."""

    __tablename__ = "processed_events"

    event_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(default=utcnow)
