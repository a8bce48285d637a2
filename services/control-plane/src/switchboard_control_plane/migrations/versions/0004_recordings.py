"""Recording retention: the tenant's setting, the call's deletion mark and the sweeper's index.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("tenants", sa.Column("recording_retention_days", sa.Integer(), nullable=True))
    op.add_column(
        "calls", sa.Column("recording_deleted_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.create_index(
        "ix_calls_recordings_kept",
        "calls",
        ["tenant_id", "started_at"],
        unique=False,
        postgresql_where=sa.text("recording_ref IS NOT NULL AND recording_deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_calls_recordings_kept", table_name="calls")
    op.drop_column("calls", "recording_deleted_at")
    op.drop_column("tenants", "recording_retention_days")
