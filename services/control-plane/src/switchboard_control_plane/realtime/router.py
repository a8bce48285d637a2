"""``POST /v1/tenants/{tenant_id}/agents/{agent_id}/realtime/client_secrets``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Path, status

from switchboard_common.errors import ErrorResponse
from switchboard_control_plane.http.deps import TenantAccess, tenant_access
from switchboard_control_plane.http.docs import tenant_errors
from switchboard_control_plane.realtime.schemas import ClientSecretCreate, ClientSecretOut
from switchboard_control_plane.realtime.service import mint_client_secret

router = APIRouter(prefix="/v1/tenants/{tenant_id}/agents/{agent_id}/realtime", tags=["realtime"])
Minter = Annotated[TenantAccess, Depends(tenant_access("realtime.client_secrets.create"))]
RESPONSES = {
    **tenant_errors(),
    409: {
        "model": ErrorResponse,
        "description": "The agent has no published version (`agent_not_published`)",
    },
    503: {
        "model": ErrorResponse,
        "description": "No signing key is configured "
        "(`realtime_not_configured`), the identity provider's keys or the database are "
        "unavailable; retry after Retry-After",
    },
}


@router.post(
    "/client_secrets",
    status_code=status.HTTP_201_CREATED,
    operation_id="create_realtime_client_secret",
    responses=RESPONSES,
)
async def create_client_secret(
    agent_id: Annotated[str, Path(max_length=64)],
    access: Minter,
    body: Annotated[ClientSecretCreate | None, Body()] = None,
) -> ClientSecretOut:
    """Mints an ephemeral client secret for one realtime session with the agent's published
    version (editor and up). The voice runtime verifies it offline (Ed25519); pass it as
    `Authorization: Bearer` or, from a browser, in the WebSocket subprotocol. 409
    `agent_not_published` when the agent has no live version; 503 `realtime_not_configured`
    without a signing key."""
    ttl_s = (body or ClientSecretCreate()).expires_in_s
    value, grant = await mint_client_secret(access, agent_id, ttl_s)
    return ClientSecretOut(
        value=value,
        expires_at=grant.expires_at,
        agent_id=grant.agent_id,
        agent_version=grant.agent_version,
    )
