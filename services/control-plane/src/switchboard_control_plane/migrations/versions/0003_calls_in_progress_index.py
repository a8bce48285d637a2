"""Partial index on the calls in progress, for the lost-call sweeper.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_calls_in_progress",
        "calls",
        ["started_at", "id"],
        unique=False,
        postgresql_where=sa.text("outcome = 'in_progress'"),
    )


def downgrade() -> None:
    op.drop_index("ix_calls_in_progress", table_name="calls")
