"""The phone_numbers table: one row per DID, unique across the platform."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String, text
from sqlalchemy.orm import Mapped, mapped_column

from switchboard_control_plane.db.base import Base, TenantOwned, Timestamps, new_id, tenant_fk


def _number_id() -> str:
    return new_id("num")


class PhoneNumber(Timestamps, TenantOwned, Base):
    __tablename__ = "phone_numbers"
    __table_args__ = (CheckConstraint("carrier IN ('twilio', 'telnyx')", name="carrier"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_number_id)
    tenant_id: Mapped[str] = tenant_fk()
    e164: Mapped[str] = mapped_column(String(20), unique=True)
    carrier: Mapped[str] = mapped_column(String(16), server_default=text("'twilio'"))
    agent_id: Mapped[str | None] = mapped_column(
        String(64), ForeignKey("agents.id", ondelete="SET NULL"), index=True, default=None
    )
    label: Mapped[str] = mapped_column(String(200), default="")
