"""Numbers name their carrier: only ``twilio`` or ``telnyx``, and ``twilio`` when not given.

The API has only ever accepted these two values; the constraint makes the database say so too,
so a row the runtime cannot route (a carrier it does not speak) cannot be written by any path.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.alter_column("phone_numbers", "carrier", server_default=sa.text("'twilio'"))
    op.create_check_constraint(
        "carrier", "phone_numbers", sa.text("carrier IN ('twilio', 'telnyx')")
    )


def downgrade() -> None:
    op.drop_constraint("carrier", "phone_numbers", type_="check")
    op.alter_column("phone_numbers", "carrier", server_default=None)
