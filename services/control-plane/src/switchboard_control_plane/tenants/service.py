"""Tenant lifecycle: create, update, suspend/activate, soft delete, telephony."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select

from switchboard_common.contract.secret_use import kind_problem
from switchboard_common.contract.tenant_config import TenantLimits
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.errors import InvalidConfigError
from switchboard_control_plane.numbers.models import PhoneNumber
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.tenants.schemas import Telephony, TenantCreate, TenantUpdate
from switchboard_control_plane.unit_of_work import Access, TenantAccess


def tenant_view(tenant: Tenant) -> dict[str, Any]:
    return {
        "id": tenant.id,
        "name": tenant.name,
        "status": tenant.status,
        "limits": tenant.limits,
        "recording_retention_days": tenant.recording_retention_days,
        "deleted": tenant.deleted_at is not None,
    }


async def create_tenant(access: Access, body: TenantCreate) -> Tenant:
    tenant = Tenant(
        name=body.name,
        limits=body.limits.model_dump(),
        recording_retention_days=body.recording_retention_days,
    )
    access.session.add(tenant)
    await access.session.flush()
    await access.audit("tenant.created", tenant.id, tenant_id=tenant.id, after=tenant_view(tenant))
    await access.commit(publish=tenant.id)
    return tenant


async def list_tenants(access: Access, only: str | None) -> Sequence[Tenant]:
    query = select(Tenant).where(Tenant.deleted_at.is_(None)).order_by(Tenant.created_at)
    principal = access.principal
    if not principal.platform_admin:
        query = query.where(Tenant.id.in_(list(principal.roles)))
    if only is not None:
        query = query.where(Tenant.id == only)
    return (await access.session.execute(query)).scalars().all()


async def update_tenant(access: TenantAccess, body: TenantUpdate) -> Tenant:
    """Renames the tenant or sets its recording retention; changing its limits is the
    platform's (tenant roles only read them, and may send them back unchanged)."""
    tenant = access.tenant
    if body.limits is not None and body.limits != TenantLimits.model_validate(tenant.limits or {}):
        await access.authorize("tenants.limits.write", tenant.id)
    before = tenant_view(tenant)
    if body.name is not None:
        tenant.name = body.name
    if body.limits is not None:
        tenant.limits = body.limits.model_dump()
    if "recording_retention_days" in body.model_fields_set:
        tenant.recording_retention_days = body.recording_retention_days
    await access.audit(
        "tenant.updated", tenant.id, tenant_id=tenant.id, before=before, after=tenant_view(tenant)
    )
    await access.commit(publish=tenant.id if body.limits is not None else None)
    return tenant


async def set_status(access: TenantAccess, status: str) -> Tenant:
    tenant = access.tenant
    before = tenant_view(tenant)
    tenant.status = status
    action = "tenant.suspended" if status == "suspended" else "tenant.activated"
    await access.audit(
        action, tenant.id, tenant_id=tenant.id, before=before, after=tenant_view(tenant)
    )
    await access.commit(publish=tenant.id)
    return tenant


async def delete_tenant(access: TenantAccess) -> None:
    """Soft delete: the row stays for the audit trail; its numbers are released and unpublished."""
    tenant = access.tenant
    before = tenant_view(tenant)
    numbers = (await access.session.execute(select(PhoneNumber.e164))).scalars().all()
    tenant.deleted_at = utcnow()
    await access.session.execute(delete(PhoneNumber))
    await access.audit(
        "tenant.deleted",
        tenant.id,
        tenant_id=tenant.id,
        before=before,
        after={**tenant_view(tenant), "numbers": numbers},
    )
    await access.commit(publish=tenant.id, removed_dids=numbers)


async def _require_carrier_secret(access: TenantAccess, field: str, name: str) -> None:
    stored = await access.resources.secrets.info(access.session, access.tenant.id, name)
    if stored is None:
        raise InvalidConfigError(
            field, f"no secret named {name!r} in this tenant", type_="secret_not_found"
        )
    if (problem := kind_problem(stored.kind, "carrier_credential")) is not None:
        raise InvalidConfigError(field, problem, type_="secret_kind_mismatch")


async def set_telephony(access: TenantAccess, body: Telephony) -> Telephony:
    tenant = access.tenant
    if body.twilio is not None:
        name = body.twilio.auth_token_secret_name
        await _require_carrier_secret(access, "twilio.auth_token_secret_name", name)
    if body.telnyx is not None:
        name = body.telnyx.api_key_secret_name
        await _require_carrier_secret(access, "telnyx.api_key_secret_name", name)
    before = {"telephony": tenant.telephony}
    tenant.telephony = body.model_dump(mode="json", exclude_none=True) or None
    await access.audit(
        "tenant.telephony_set",
        tenant.id,
        tenant_id=tenant.id,
        before=before,
        after={"telephony": tenant.telephony},
    )
    await access.commit(publish=tenant.id)
    return body
