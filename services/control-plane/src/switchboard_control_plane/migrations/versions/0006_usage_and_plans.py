"""Usage metering and plans: plans, tenants.plan_id/plan_overrides, call_usage, usage_notices.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _timestamps() -> list[sa.Column[object]]:
    return [
        sa.Column(name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False)
        for name in ("created_at", "updated_at")
    ]


def upgrade() -> None:
    op.create_table(
        "plans",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("included_minutes", sa.Integer(), nullable=False),
        sa.Column("hard_cap_minutes", sa.Integer(), nullable=True),
        sa.Column("threshold_percent", sa.Integer(), nullable=False),
        sa.Column("max_concurrent_calls", sa.Integer(), nullable=False),
        sa.Column("calls_per_minute", sa.Integer(), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("name", name=op.f("uq_plans_name")),
    )
    op.add_column("tenants", sa.Column("plan_id", sa.String(length=64), nullable=True))
    op.add_column(
        "tenants",
        sa.Column(
            "plan_overrides",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
    )
    op.alter_column("tenants", "plan_overrides", server_default=None)
    op.create_foreign_key(
        op.f("fk_tenants_plan_id_plans"),
        "tenants",
        "plans",
        ["plan_id"],
        ["id"],
        ondelete="RESTRICT",
    )
    op.create_index(op.f("ix_tenants_plan_id"), "tenants", ["plan_id"], unique=False)
    op.create_table(
        "call_usage",
        sa.Column("call_id", sa.String(length=128), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("billable_seconds", sa.Float(), nullable=False),
        sa.Column("billable_minutes", sa.Integer(), nullable=False),
        sa.Column("stt_audio_seconds", sa.Float(), nullable=False),
        sa.Column("tts_characters", sa.Integer(), nullable=False),
        sa.Column("llm_prompt_tokens", sa.Integer(), nullable=False),
        sa.Column("llm_completion_tokens", sa.Integer(), nullable=False),
        sa.Column("tool_calls", sa.Integer(), nullable=False),
        sa.Column("estimated", sa.Boolean(), nullable=False),
        sa.Column("metered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_call_usage_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("call_id", name=op.f("pk_call_usage")),
    )
    op.create_index(op.f("ix_call_usage_tenant_id"), "call_usage", ["tenant_id"], unique=False)
    op.create_index(
        "ix_call_usage_tenant_started", "call_usage", ["tenant_id", "started_at"], unique=False
    )
    op.create_table(
        "usage_notices",
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("used_minutes", sa.Integer(), nullable=False),
        sa.Column("limit_minutes", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_usage_notices_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "period", "type", name=op.f("pk_usage_notices")),
    )


def downgrade() -> None:
    op.drop_table("usage_notices")
    op.drop_index("ix_call_usage_tenant_started", table_name="call_usage")
    op.drop_index(op.f("ix_call_usage_tenant_id"), table_name="call_usage")
    op.drop_table("call_usage")
    op.drop_index(op.f("ix_tenants_plan_id"), table_name="tenants")
    op.drop_constraint(op.f("fk_tenants_plan_id_plans"), "tenants", type_="foreignkey")
    op.drop_column("tenants", "plan_overrides")
    op.drop_column("tenants", "plan_id")
    op.drop_table("plans")
