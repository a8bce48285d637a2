"""The secrets table of the ``db`` provider: AES-256-GCM envelopes, never plaintext."""

from __future__ import annotations

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from switchboard_control_plane.db.base import Base, TenantOwned, Timestamps, new_id, tenant_fk


def _secret_id() -> str:
    return new_id("sec")


class StoredSecret(Timestamps, TenantOwned, Base):
    __tablename__ = "secrets"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True, default=_secret_id)
    tenant_id: Mapped[str] = tenant_fk()
    name: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(32))
    allowed_host: Mapped[str | None] = mapped_column(String(253), default=None)
    key_id: Mapped[str] = mapped_column(String(64))
    nonce: Mapped[str] = mapped_column(String(64))
    ciphertext: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(200))
