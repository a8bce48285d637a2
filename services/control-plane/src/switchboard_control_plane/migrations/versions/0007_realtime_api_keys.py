"""API key scopes, and the SHA-256 of realtime-scoped keys for the runtime's snapshot.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "api_keys",
        sa.Column(
            "scopes",
            postgresql.ARRAY(sa.String(length=32)),
            server_default=sa.text("'{}'::varchar[]"),
            nullable=False,
        ),
    )
    op.add_column("api_keys", sa.Column("realtime_sha256", sa.String(length=64), nullable=True))
    op.create_unique_constraint(
        op.f("uq_api_keys_realtime_sha256"), "api_keys", ["realtime_sha256"]
    )


def downgrade() -> None:
    op.drop_constraint(op.f("uq_api_keys_realtime_sha256"), "api_keys", type_="unique")
    op.drop_column("api_keys", "realtime_sha256")
    op.drop_column("api_keys", "scopes")
