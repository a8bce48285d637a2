"""The agents and agent_versions tables; a version's config never changes once written."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from switchboard_control_plane.db.base import (
    Base,
    TenantOwned,
    Timestamps,
    new_id,
    tenant_fk,
    utcnow,
)


def _agent_id() -> str:
    return new_id("agt")


def _version_id() -> str:
    return new_id("agv")


class Agent(Timestamps, TenantOwned, Base):
    __tablename__ = "agents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_agent_id)
    tenant_id: Mapped[str] = tenant_fk()
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(2000), default="")
    live_version: Mapped[int | None] = mapped_column(default=None)
    latest_version: Mapped[int] = mapped_column(default=0)


class AgentVersion(TenantOwned, Base):
    __tablename__ = "agent_versions"
    __table_args__ = (UniqueConstraint("agent_id", "version"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_version_id)
    tenant_id: Mapped[str] = tenant_fk()
    agent_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("agents.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    config: Mapped[dict[str, Any]]
    note: Mapped[str] = mapped_column(String(500), default="")
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now(), default=utcnow)
