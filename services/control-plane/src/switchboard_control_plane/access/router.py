"""API keys and memberships, per tenant and for the platform; ``/v1/me``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response, status

from switchboard_control_plane.access import service
from switchboard_control_plane.access.models import ApiKey, Membership
from switchboard_control_plane.access.schemas import (
    ApiKeyCreate,
    ApiKeyCreated,
    ApiKeyList,
    ApiKeyOut,
    Me,
    MembershipList,
    MembershipOut,
    MembershipWrite,
    PlatformApiKeyCreate,
)
from switchboard_control_plane.errors import NotFoundError
from switchboard_control_plane.http.deps import (
    Access,
    PrincipalDep,
    TenantAccess,
    TenantHeader,
    platform_access,
    tenant_access,
)
from switchboard_control_plane.http.docs import error_responses, tenant_errors

router = APIRouter(tags=["access"])
TENANT = "/v1/tenants/{tenant_id}"
Subject = Annotated[str, Path(min_length=1, max_length=200)]
PLATFORM_ERRORS = error_responses(401, 403, 422, 429)


def key_out(key: ApiKey) -> ApiKeyOut:
    return ApiKeyOut.model_validate(key, from_attributes=True)


def member_out(member: Membership) -> MembershipOut:
    return MembershipOut.model_validate(member, from_attributes=True)


@router.post(
    f"{TENANT}/api-keys",
    status_code=status.HTTP_201_CREATED,
    operation_id="create_api_key",
    responses=tenant_errors(),
)
async def create_api_key(
    body: ApiKeyCreate,
    access: Annotated[TenantAccess, Depends(tenant_access("api_keys.write"))],
) -> ApiKeyCreated:
    """Creates a tenant API key with a role no higher than the caller's; the key shows once.
    With the ``realtime`` scope it may also open realtime sessions on the voice runtime."""
    await access.authorize("api_keys.write", access.tenant.id, grant_role=body.role)
    key, token = await service.create_key(
        access, access.tenant.id, body.name, body.role, body.expires_at, body.scopes
    )
    return ApiKeyCreated.model_validate({**key_out(key).model_dump(), "key": token})


@router.get(f"{TENANT}/api-keys", operation_id="list_api_keys", responses=tenant_errors())
async def list_api_keys(
    access: Annotated[TenantAccess, Depends(tenant_access("api_keys.read"))],
) -> ApiKeyList:
    return ApiKeyList(items=[key_out(k) for k in await service.list_keys(access, access.tenant.id)])


@router.delete(
    f"{TENANT}/api-keys/{{key_id}}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="revoke_api_key",
    responses=tenant_errors(),
)
async def revoke_api_key(
    key_id: str, access: Annotated[TenantAccess, Depends(tenant_access("api_keys.write"))]
) -> Response:
    await service.revoke_key(access, access.tenant.id, key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/v1/api-keys",
    status_code=status.HTTP_201_CREATED,
    operation_id="create_platform_api_key",
    responses=PLATFORM_ERRORS,
)
async def create_platform_api_key(
    body: PlatformApiKeyCreate,
    access: Annotated[Access, Depends(platform_access("platform.api_keys.write"))],
) -> ApiKeyCreated:
    """Creates a platform-admin API key (platform admins only)."""
    key, token = await service.create_key(
        access, None, body.name, "platform_admin", body.expires_at
    )
    return ApiKeyCreated.model_validate({**key_out(key).model_dump(), "key": token})


@router.get("/v1/api-keys", operation_id="list_platform_api_keys", responses=PLATFORM_ERRORS)
async def list_platform_api_keys(
    access: Annotated[Access, Depends(platform_access("platform.api_keys.read"))],
) -> ApiKeyList:
    return ApiKeyList(items=[key_out(k) for k in await service.list_keys(access, None)])


@router.delete(
    "/v1/api-keys/{key_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="revoke_platform_api_key",
    responses=error_responses(401, 403, 404),
)
async def revoke_platform_api_key(
    key_id: str,
    access: Annotated[Access, Depends(platform_access("platform.api_keys.write"))],
) -> Response:
    await service.revoke_key(access, None, key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(f"{TENANT}/members", operation_id="list_members", responses=tenant_errors())
async def list_members(
    access: Annotated[TenantAccess, Depends(tenant_access("members.read"))],
) -> MembershipList:
    members = await service.list_members(access, access.tenant.id)
    return MembershipList(items=[member_out(m) for m in members])


@router.put(f"{TENANT}/members/{{subject}}", operation_id="set_member", responses=tenant_errors())
async def set_member(
    subject: Subject,
    body: MembershipWrite,
    access: Annotated[TenantAccess, Depends(tenant_access("members.write"))],
) -> MembershipOut:
    """Gives an OIDC subject a role in the tenant (no higher than the caller's)."""
    await access.authorize("members.write", access.tenant.id, grant_role=body.role)
    return member_out(await service.set_member(access, access.tenant.id, subject, body.role))


@router.delete(
    f"{TENANT}/members/{{subject}}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="remove_member",
    responses=tenant_errors(),
)
async def remove_member(
    subject: Subject, access: Annotated[TenantAccess, Depends(tenant_access("members.write"))]
) -> Response:
    await service.remove_member(access, access.tenant.id, subject)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put(
    "/v1/platform-admins/{subject}", operation_id="add_platform_admin", responses=PLATFORM_ERRORS
)
async def add_platform_admin(
    subject: Subject,
    access: Annotated[Access, Depends(platform_access("platform.members.write"))],
) -> MembershipOut:
    """Makes an OIDC subject a platform admin."""
    return member_out(await service.set_member(access, None, subject, "platform_admin"))


@router.get("/v1/me", operation_id="get_me", responses=error_responses(401, 404, 429))
async def get_me(principal: PrincipalDep, x_tenant_id: TenantHeader = None) -> Me:
    """Who the credential is and its roles (narrowed to ``X-Tenant-ID`` when given)."""
    roles = dict(principal.roles)
    if x_tenant_id is not None:
        if not principal.can_see(x_tenant_id):
            raise NotFoundError("tenant")
        roles = {k: v for k, v in roles.items() if k == x_tenant_id}
    return Me(
        subject=principal.subject,
        kind=principal.kind,
        platform_admin=principal.platform_admin,
        roles=roles,
    )
