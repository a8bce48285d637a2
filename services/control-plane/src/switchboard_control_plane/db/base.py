"""Declarative base, id generation and the columns every table shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator
from sqlalchemy import DateTime, ForeignKey, MetaData, String, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


INTEGER_MAX = 2**31 - 1
"""The largest value a Postgres INTEGER column (``Mapped[int]``) holds; inputs stored in or
compared with one are bounded by it at the HTTP edge, so a larger one is a 422, not a 500."""
BIGINT_MAX = 2**63 - 1
"""The largest value of a BIGINT column (audit entry and outbox ids)."""


def to_utc(value: datetime) -> datetime:
    """``value`` in UTC (a naive one is taken as UTC), as a TIMESTAMPTZ column stores it;
    ``ValueError`` (a 422 at the edge) when its UTC form falls outside years 1-9999."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("the time is out of range once converted to UTC") from exc


UtcDatetime = Annotated[datetime, AfterValidator(to_utc)]
"""A datetime input bound for a TIMESTAMPTZ column or comparison with one."""


def new_id(prefix: str) -> str:
    """A readable random id such as ``tnt_3f2a...`` (no ':' so it fits Redis keys)."""
    return f"{prefix}_{uuid.uuid4().hex}"


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSONB,
        datetime: DateTime(timezone=True),
    }


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(server_default=func.now(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        server_default=func.now(), default=utcnow, onupdate=utcnow
    )


class TenantOwned:
    """Marks a table owned by a tenant: its ``tenant_id`` column scopes every ORM query."""


def tenant_fk(*, nullable: bool = False) -> Any:
    """The ``tenant_id`` column of a tenant-owned table (NULL only where it means the platform)."""
    return mapped_column(
        String(64), ForeignKey("tenants.id", ondelete="CASCADE"), index=True, nullable=nullable
    )
