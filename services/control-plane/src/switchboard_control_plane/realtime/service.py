"""Mints realtime client secrets bound to a tenant, an agent and its published version."""

from __future__ import annotations

from switchboard_common.realtime_token import RealtimeGrant, RealtimeSigner
from switchboard_control_plane.agents.service import get_agent
from switchboard_control_plane.errors import ConflictError, ControlPlaneError
from switchboard_control_plane.unit_of_work import TenantAccess


class RealtimeNotConfiguredError(ControlPlaneError):
    """No signing key is configured (production without CONTROL_PLANE_REALTIME_SIGNING_KEY)."""

    status_code = 503
    code = "realtime_not_configured"

    def __init__(self) -> None:
        super().__init__("Realtime sessions are not configured on this deployment.")


async def mint_client_secret(
    access: TenantAccess, agent_id: str, ttl_s: int
) -> tuple[str, RealtimeGrant]:
    """A client secret for the agent's live version (409 ``agent_not_published`` without one);
    audited by its id, never its value."""
    key = access.resources.settings.realtime_signing_key
    if key is None:
        raise RealtimeNotConfiguredError()
    agent = await get_agent(access, agent_id)
    if agent.live_version is None:
        raise ConflictError(
            "The agent has no published version to talk to.", code="agent_not_published"
        )
    signer = RealtimeSigner.from_spec(key.get_secret_value())
    value, grant = signer.mint(access.tenant.id, agent.id, agent.live_version, ttl_s=ttl_s)
    after = {
        "agent_id": grant.agent_id,
        "agent_version": grant.agent_version,
        "expires_at": grant.expires_at,
    }
    await access.audit(
        "realtime.client_secret.created", grant.secret_id, tenant_id=access.tenant.id, after=after
    )
    await access.commit()
    return value, grant
