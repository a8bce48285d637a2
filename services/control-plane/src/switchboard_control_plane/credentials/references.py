"""Who references a tenant secret by name: agent versions that are live or latest, and the
tenant's telephony config. A referenced secret cannot be deleted (409 ``secret_in_use``)."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.agents.models import Agent, AgentVersion
from switchboard_control_plane.errors import ConflictError
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.tenants.telephony import carrier_secret_names


def _telephony_references(tenant: Tenant, name: str) -> list[str]:
    return [field for field, named in carrier_secret_names(tenant.telephony) if named == name]


async def secret_referrers(session: AsyncSession, tenant: Tenant, name: str) -> list[str]:
    """``agents/{id}/versions/{n}: llm.api_key_secret_name`` for each live or latest version
    naming the secret, then the telephony fields; empty when nothing uses it."""
    query = (
        select(Agent.id, AgentVersion.version)
        .join(AgentVersion, AgentVersion.agent_id == Agent.id)
        .where(
            or_(
                AgentVersion.version == Agent.live_version,
                AgentVersion.version == Agent.latest_version,
            ),
            AgentVersion.config["llm"]["api_key_secret_name"].astext == name,
        )
        .order_by(Agent.id, AgentVersion.version)
    )
    referrers = [
        f"agents/{agent_id}/versions/{version}: llm.api_key_secret_name"
        for agent_id, version in (await session.execute(query)).all()
    ]
    return referrers + _telephony_references(tenant, name)


class SecretInUseError(ConflictError):
    code = "secret_in_use"

    def __init__(self, name: str, referrers: list[str]) -> None:
        super().__init__(
            f"The secret {name!r} is in use; change these first: {'; '.join(referrers)}.",
            details={"referrers": referrers},
        )
