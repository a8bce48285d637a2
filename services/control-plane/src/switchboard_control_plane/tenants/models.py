"""The tenants table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from switchboard_control_plane.db.base import Base, Timestamps, new_id


def _tenant_id() -> str:
    return new_id("tnt")


class Tenant(Timestamps, Base):
    __tablename__ = "tenants"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_tenant_id)
    name: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="active")
    limits: Mapped[dict[str, Any]] = mapped_column(default=dict)
    telephony: Mapped[dict[str, Any] | None] = mapped_column(default=None)
    revision: Mapped[int] = mapped_column(default=0)
    recording_retention_days: Mapped[int | None] = mapped_column(default=None)
    """Call recordings older than this many days are deleted; None: kept."""
    plan_id: Mapped[str | None] = mapped_column(
        String(64), ForeignKey("plans.id", ondelete="RESTRICT"), default=None, index=True
    )
    plan_overrides: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """Plan fields a platform admin set for this tenant alone (see ``usage/plans.py``)."""
    deleted_at: Mapped[datetime | None] = mapped_column(default=None)
