"""``/v1/console/config`` (how the console signs in) and ``/v1/tenants/{id}/permissions`` (what
the caller may do in a tenant, so the console offers only that; the API refuses the rest)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from switchboard_control_plane.http.deps import ResourcesDep, TenantAccess, tenant_access
from switchboard_control_plane.http.docs import tenant_errors

router = APIRouter(tags=["console"])

# Every tenant action the console offers a control for, in the policy's vocabulary.
CONSOLE_ACTIONS = (
    "tenants.update",
    "tenants.delete",
    "tenants.limits.write",
    "tenants.suspend",
    "tenants.activate",
    "numbers.write",
    "agents.write",
    "agents.publish",
    "secrets.read",
    "secrets.write",
    "members.read",
    "members.write",
    "api_keys.read",
    "api_keys.write",
    "audit.read",
    "calls.read",
    "analytics.read",
    "runtime.read",
    "runtime.publish",
    "webhooks.read",
    "webhooks.write",
    "usage.read",
    "tenants.plan.write",
    "realtime.client_secrets.create",
)


class ConsoleConfig(BaseModel):
    oidc_issuer: str | None = Field(description="Set when OIDC sign-in is offered")
    oidc_client_id: str | None
    oidc_scopes: str
    voice_runtime_public_url: str = Field(
        description="The voice runtime's public URL: the console opens its talk page "
        '(`/v1/realtime/talk`) for "Talk to this agent"'
    )


class Permissions(BaseModel):
    tenant_id: str
    role: str | None = Field(description="The caller's role in the tenant (null: platform admin)")
    platform_admin: bool
    allowed: list[str] = Field(description="The actions of `CONSOLE_ACTIONS` the policy allows")


@router.get("/v1/console/config", operation_id="get_console_config")
async def console_config(resources: ResourcesDep) -> ConsoleConfig:
    """Public: the OIDC issuer and client the console signs in with (no secret: a public client
    using PKCE)."""
    settings = resources.settings
    client_id = settings.console.oidc_client_id
    issuer = settings.jwt.issuer if client_id else None
    return ConsoleConfig(
        oidc_issuer=issuer,
        oidc_client_id=client_id if issuer else None,
        oidc_scopes=settings.console.oidc_scopes,
        voice_runtime_public_url=settings.voice_runtime_public_url,
    )


@router.get(
    "/v1/tenants/{tenant_id}/permissions",
    operation_id="get_tenant_permissions",
    responses=tenant_errors(),
)
async def tenant_permissions(
    access: Annotated[TenantAccess, Depends(tenant_access("tenants.read"))],
) -> Permissions:
    """What the caller may do in the tenant, decided by the same policy as every route."""
    tenant_id = access.tenant.id
    allowed = []
    for action in CONSOLE_ACTIONS:
        decision = await access.resources.authorizer.decide(access.policy_input(action, tenant_id))
        if decision.allowed:
            allowed.append(action)
    return Permissions(
        tenant_id=tenant_id,
        role=access.principal.role_in(tenant_id),
        platform_admin=access.principal.platform_admin,
        allowed=allowed,
    )
