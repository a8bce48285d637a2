"""Secrets get a kind (and an LLM key its allowed host), inferred from how they are used.

A secret referenced as a tenant's carrier token becomes ``carrier_credential``; one referenced as
an agent version's LLM key becomes ``llm_api_key`` (unless it is also a carrier token: then it
stays a carrier credential and those agents are refused, which is the attack this closes); every
other secret becomes ``webhook_secret``, the kind that is never sent anywhere. An LLM key is bound
to the one ``api_base`` host its live versions (or, with none live, all its versions) use; with
several hosts it stays unbound (provider endpoint only) and the runtime view names the rest.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LLM_USES = """
SELECT s.id, v.config -> 'llm' ->> 'api_base' AS api_base, v.version = a.live_version AS live
FROM secrets s
JOIN agent_versions v ON v.tenant_id = s.tenant_id
    AND v.config -> 'llm' ->> 'api_key_secret_name' = s.name
JOIN agents a ON a.id = v.agent_id
WHERE s.kind = 'llm_api_key'
"""


def _host(api_base: str | None) -> str | None:
    if not api_base:
        return None
    try:
        host = urlsplit(api_base).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def upgrade() -> None:
    op.add_column("secrets", sa.Column("kind", sa.String(length=32), nullable=True))
    op.add_column("secrets", sa.Column("allowed_host", sa.String(length=253), nullable=True))
    op.execute("UPDATE secrets SET kind = 'webhook_secret'")
    op.execute(
        "UPDATE secrets s SET kind = 'llm_api_key' FROM agent_versions v "
        "WHERE v.tenant_id = s.tenant_id AND v.config -> 'llm' ->> 'api_key_secret_name' = s.name"
    )
    op.execute(
        "UPDATE secrets s SET kind = 'carrier_credential' FROM tenants t "
        "WHERE t.id = s.tenant_id "
        "AND t.telephony -> 'twilio' ->> 'auth_token_secret_name' = s.name"
    )
    connection = op.get_bind()
    live_hosts: dict[str, set[str | None]] = {}
    all_hosts: dict[str, set[str | None]] = {}
    for secret_id, api_base, live in connection.execute(sa.text(LLM_USES)):
        all_hosts.setdefault(secret_id, set()).add(_host(api_base))
        if live:
            live_hosts.setdefault(secret_id, set()).add(_host(api_base))
    for secret_id, hosts in all_hosts.items():
        chosen = live_hosts.get(secret_id, hosts)
        if len(chosen) == 1 and (host := next(iter(chosen))) is not None:
            connection.execute(
                sa.text("UPDATE secrets SET allowed_host = :host WHERE id = :id"),
                {"host": host, "id": secret_id},
            )
    op.alter_column("secrets", "kind", nullable=False)


def downgrade() -> None:
    op.drop_column("secrets", "allowed_host")
    op.drop_column("secrets", "kind")
