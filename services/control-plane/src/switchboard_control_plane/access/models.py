"""The api_keys and memberships tables (a NULL tenant means platform scope)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint, func, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from switchboard_control_plane.db.base import Base, TenantOwned, new_id, tenant_fk, utcnow


def _key_id() -> str:
    return new_id("key")


def _member_id() -> str:
    return new_id("mem")


class ApiKey(TenantOwned, Base):
    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_key_id)
    tenant_id: Mapped[str | None] = tenant_fk(nullable=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now(), default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(default=None)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    last_used_at: Mapped[datetime | None] = mapped_column(default=None)
    scopes: Mapped[list[str]] = mapped_column(
        ARRAY(String(32)), server_default=text("'{}'::varchar[]"), default=list
    )
    realtime_sha256: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    """The plain SHA-256 of a ``realtime``-scoped key, published in the tenant snapshot so the
    runtime can recognise the key without the pepper (``switchboard_common.realtime_token``)."""


class Membership(TenantOwned, Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("tenant_id", "subject"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_member_id)
    tenant_id: Mapped[str | None] = tenant_fk(nullable=True)
    subject: Mapped[str] = mapped_column(String(200), index=True)
    role: Mapped[str] = mapped_column(String(32))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now(), default=utcnow)
