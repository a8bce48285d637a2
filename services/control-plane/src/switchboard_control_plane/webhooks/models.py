"""The webhook tables: endpoints, events (the outbox), deliveries and their attempts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Identity, Index, String, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from switchboard_control_plane.db.base import (
    Base,
    TenantOwned,
    Timestamps,
    new_id,
    tenant_fk,
    utcnow,
)


def new_endpoint_id() -> str:
    return new_id("whe")


def _event_id() -> str:
    return new_id("msg")


def _delivery_id() -> str:
    return new_id("whd")


class WebhookEndpoint(TenantOwned, Timestamps, Base):
    """Where a tenant wants its events; the signing secret is sealed under the KEK keyring.
    During a rotation's overlap the previous secret signs too, until it expires."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=new_endpoint_id)
    tenant_id: Mapped[str] = tenant_fk()
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str | None] = mapped_column(String(500), default=None)
    event_types: Mapped[list[str]] = mapped_column(JSONB, default=list)
    enabled: Mapped[bool] = mapped_column(default=True)
    disabled_reason: Mapped[str | None] = mapped_column(String(64), default=None)
    secret: Mapped[dict[str, Any]] = mapped_column(JSONB)
    previous_secret: Mapped[dict[str, Any] | None] = mapped_column(JSONB, default=None)
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(default=None)
    consecutive_failures: Mapped[int] = mapped_column(default=0)


class WebhookEvent(TenantOwned, Base):
    """One event as sent: ``body`` is the exact JSON text every delivery signs and posts."""

    __tablename__ = "webhook_events"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_event_id)
    tenant_id: Mapped[str] = tenant_fk()
    type: Mapped[str] = mapped_column(String(64))
    ordering_key: Mapped[str | None] = mapped_column(String(200), default=None)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WebhookDelivery(TenantOwned, Base):
    """One event to one endpoint. ``seq`` orders the deliveries of an ordering key; ``status``
    is ``pending`` until it ``succeeded`` or ``failed`` (retries exhausted)."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        # The worker's scan: due pending deliveries, across tenants.
        Index(
            "ix_webhook_deliveries_due",
            "next_attempt_at",
            postgresql_where=text("status = 'pending'"),
        ),
        Index("ix_webhook_deliveries_endpoint_seq", "endpoint_id", "seq"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_delivery_id)
    seq: Mapped[int] = mapped_column(BigInteger, Identity(), unique=True)
    tenant_id: Mapped[str] = tenant_fk()
    event_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("webhook_events.id", ondelete="CASCADE"), index=True
    )
    endpoint_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("webhook_endpoints.id", ondelete="CASCADE")
    )
    ordering_key: Mapped[str | None] = mapped_column(String(200), default=None)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=utcnow)
    last_status_code: Mapped[int | None] = mapped_column(default=None)
    last_error: Mapped[str | None] = mapped_column(String(500), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)


class WebhookAttempt(TenantOwned, Base):
    """One try of a delivery: what the receiver answered (or the error) and how long it took."""

    __tablename__ = "webhook_attempts"

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    tenant_id: Mapped[str] = tenant_fk()
    delivery_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("webhook_deliveries.id", ondelete="CASCADE"), index=True
    )
    attempted_at: Mapped[datetime] = mapped_column(default=utcnow)
    status_code: Mapped[int | None] = mapped_column(default=None)
    error: Mapped[str | None] = mapped_column(String(500), default=None)
    latency_ms: Mapped[float]
