"""``/v1/tenants/{tenant_id}/secrets``: write-only values, listed by name."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response, status

from switchboard_control_plane.agents.schemas import SECRET_NAME_PATTERN
from switchboard_control_plane.audit.chain import REDACTED
from switchboard_control_plane.credentials.references import SecretInUseError, secret_referrers
from switchboard_control_plane.credentials.schemas import SecretList, SecretOut, SecretWrite
from switchboard_control_plane.credentials.store import SecretUse
from switchboard_control_plane.errors import NotFoundError
from switchboard_control_plane.http.deps import TenantAccess, tenant_access
from switchboard_control_plane.http.docs import tenant_errors

router = APIRouter(prefix="/v1/tenants/{tenant_id}/secrets", tags=["secrets"])
Reader = Annotated[TenantAccess, Depends(tenant_access("secrets.read"))]
Writer = Annotated[TenantAccess, Depends(tenant_access("secrets.write"))]
SecretName = Annotated[str, Path(pattern=SECRET_NAME_PATTERN, max_length=128)]


@router.put("/{name}", operation_id="put_secret", responses=tenant_errors(409))
async def put_secret(name: SecretName, body: SecretWrite, access: Writer) -> SecretOut:
    """Stores a secret value. No route ever returns it; the runtime gets it sealed. A new
    secret needs a ``kind``; a secret's kind and allowed host never change (409
    ``secret_kind_fixed``)."""
    store = access.resources.secrets
    value = body.value.get_secret_value()
    use = SecretUse(body.kind, body.allowed_host) if body.kind is not None else None
    info, replaced = await store.put(
        access.session, access.tenant.id, name, value, access.actor.subject, use
    )
    await access.audit(
        "secret.replaced" if replaced else "secret.created",
        name,
        tenant_id=access.tenant.id,
        after={
            "name": name,
            "kind": info.kind,
            "allowed_host": info.allowed_host,
            "value": REDACTED,
        },
    )
    await access.commit(publish=access.tenant.id)
    return SecretOut.model_validate(asdict(info))


@router.get("", operation_id="list_secrets", responses=tenant_errors())
async def list_secrets(access: Reader) -> SecretList:
    """Names and metadata of the tenant's secrets (never values)."""
    infos = await access.resources.secrets.list(access.session, access.tenant.id)
    return SecretList(items=[SecretOut.model_validate(asdict(info)) for info in infos])


@router.get("/{name}", operation_id="get_secret", responses=tenant_errors())
async def get_secret(name: SecretName, access: Reader) -> SecretOut:
    """One secret's name, kind and metadata (never its value)."""
    info = await access.resources.secrets.info(access.session, access.tenant.id, name)
    if info is None:
        raise NotFoundError("secret")
    return SecretOut.model_validate(asdict(info))


@router.delete(
    "/{name}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="delete_secret",
    responses=tenant_errors(409),
)
async def delete_secret(name: SecretName, access: Writer) -> Response:
    """Deletes a secret nothing uses (409 ``secret_in_use`` naming the live or latest agent
    versions and telephony fields that reference it)."""
    referrers = await secret_referrers(access.session, access.tenant, name)
    if referrers:
        raise SecretInUseError(name, referrers)
    if not await access.resources.secrets.delete(access.session, access.tenant.id, name):
        raise NotFoundError("secret")
    await access.audit(
        "secret.deleted", name, tenant_id=access.tenant.id, before={"name": name, "value": REDACTED}
    )
    await access.commit(publish=access.tenant.id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
