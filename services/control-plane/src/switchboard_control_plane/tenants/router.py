"""``/v1/tenants``: create, list, get, update, suspend/activate, delete, telephony."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from switchboard_control_plane.errors import NotFoundError
from switchboard_control_plane.http.deps import (
    Access,
    TenantAccess,
    TenantHeader,
    platform_access,
    tenant_access,
)
from switchboard_control_plane.http.docs import error_responses, tenant_errors
from switchboard_control_plane.tenants import service
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.tenants.schemas import (
    Telephony,
    TenantCreate,
    TenantList,
    TenantOut,
    TenantUpdate,
)

router = APIRouter(prefix="/v1/tenants", tags=["tenants"])


def tenant_out(tenant: Tenant) -> TenantOut:
    return TenantOut.model_validate(
        {
            **service.tenant_view(tenant),
            "revision": tenant.revision,
            "created_at": tenant.created_at,
            "updated_at": tenant.updated_at,
        }
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    operation_id="create_tenant",
    responses=error_responses(401, 403, 422, 429),
)
async def create_tenant(
    body: TenantCreate, access: Annotated[Access, Depends(platform_access("tenants.create"))]
) -> TenantOut:
    """Creates a tenant (platform admins only)."""
    return tenant_out(await service.create_tenant(access, body))


@router.get("", operation_id="list_tenants", responses=error_responses(401, 403, 404, 429))
async def list_tenants(
    access: Annotated[Access, Depends(platform_access("tenants.list"))],
    x_tenant_id: TenantHeader = None,
) -> TenantList:
    """Tenants visible to the caller: all for a platform admin, else their memberships.

    ``X-Tenant-ID`` narrows the list to one tenant the caller may see.
    """
    if x_tenant_id is not None and not access.principal.can_see(x_tenant_id):
        raise NotFoundError("tenant")
    tenants = await service.list_tenants(access, x_tenant_id)
    return TenantList(items=[tenant_out(t) for t in tenants])


@router.get("/{tenant_id}", operation_id="get_tenant", responses=tenant_errors())
async def get_tenant(
    access: Annotated[TenantAccess, Depends(tenant_access("tenants.read"))],
) -> TenantOut:
    return tenant_out(access.tenant)


@router.patch("/{tenant_id}", operation_id="update_tenant", responses=tenant_errors())
async def update_tenant(
    body: TenantUpdate,
    access: Annotated[TenantAccess, Depends(tenant_access("tenants.update"))],
) -> TenantOut:
    """Renames the tenant or changes its limits (limits: platform admins only; they are
    published to the runtime)."""
    return tenant_out(await service.update_tenant(access, body))


@router.post("/{tenant_id}/suspend", operation_id="suspend_tenant", responses=tenant_errors())
async def suspend_tenant(
    access: Annotated[TenantAccess, Depends(tenant_access("tenants.suspend"))],
) -> TenantOut:
    """Suspends the tenant: its numbers stop taking calls at the runtime."""
    return tenant_out(await service.set_status(access, "suspended"))


@router.post("/{tenant_id}/activate", operation_id="activate_tenant", responses=tenant_errors())
async def activate_tenant(
    access: Annotated[TenantAccess, Depends(tenant_access("tenants.activate"))],
) -> TenantOut:
    return tenant_out(await service.set_status(access, "active"))


@router.delete(
    "/{tenant_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="delete_tenant",
    responses=tenant_errors(),
)
async def delete_tenant(
    access: Annotated[TenantAccess, Depends(tenant_access("tenants.delete"))],
) -> Response:
    """Soft-deletes the tenant and unpublishes its numbers and snapshot."""
    await service.delete_tenant(access)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{tenant_id}/telephony", operation_id="get_telephony", responses=tenant_errors())
async def get_telephony(
    access: Annotated[TenantAccess, Depends(tenant_access("telephony.read"))],
) -> Telephony:
    return Telephony.model_validate(access.tenant.telephony or {})


@router.put("/{tenant_id}/telephony", operation_id="set_telephony", responses=tenant_errors())
async def set_telephony(
    body: Telephony,
    access: Annotated[TenantAccess, Depends(tenant_access("telephony.write"))],
) -> Telephony:
    """Sets the tenant's own Twilio account; the auth token is referenced by secret name."""
    return await service.set_telephony(access, body)
