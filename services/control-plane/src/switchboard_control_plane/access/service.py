"""Creates, lists and revokes API keys; sets and removes memberships."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from switchboard_control_plane.access.api_keys import new_token
from switchboard_control_plane.access.models import ApiKey, Membership
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.errors import NotFoundError
from switchboard_control_plane.unit_of_work import Access


def key_view(key: ApiKey) -> dict[str, Any]:
    return {
        "name": key.name,
        "role": key.role,
        "tenant_id": key.tenant_id,
        "expires_at": key.expires_at,
        "revoked_at": key.revoked_at,
    }


async def create_key(
    access: Access, tenant_id: str | None, name: str, role: str, expires_at: Any
) -> tuple[ApiKey, str]:
    """A new key and its token (the only time the token exists outside the caller)."""
    token = new_token()
    key = ApiKey(
        tenant_id=tenant_id,
        name=name,
        role=role,
        expires_at=expires_at,
        key_hash=access.resources.hasher.digest(token),
        prefix=token[:10],
        created_by=access.actor.subject,
    )
    access.session.add(key)
    await access.session.flush()
    await access.audit("api_key.created", key.id, tenant_id=tenant_id, after=key_view(key))
    await access.commit()
    return key, token


def _keys_query(tenant_id: str | None) -> Any:
    if tenant_id is not None:
        return select(ApiKey)
    return select(ApiKey).where(ApiKey.tenant_id.is_(None)).execution_options(**ALL_TENANTS)


async def list_keys(access: Access, tenant_id: str | None) -> Sequence[ApiKey]:
    query = _keys_query(tenant_id).order_by(ApiKey.created_at)
    return (await access.session.execute(query)).scalars().all()


async def revoke_key(access: Access, tenant_id: str | None, key_id: str) -> None:
    query = _keys_query(tenant_id).where(ApiKey.id == key_id)
    key = (await access.session.execute(query)).scalar_one_or_none()
    if key is None:
        raise NotFoundError("api key", code="api_key_not_found")
    if tenant_id is not None:
        await access.authorize("api_keys.write", tenant_id, target_role=key.role)
    before = key_view(key)
    if key.revoked_at is None:
        key.revoked_at = utcnow()
    await access.audit(
        "api_key.revoked", key.id, tenant_id=tenant_id, before=before, after=key_view(key)
    )
    await access.commit()
    await access.resources.authenticator.forget_key(key.id)


def _members_query(tenant_id: str | None) -> Any:
    if tenant_id is not None:
        return select(Membership)
    query = select(Membership).where(Membership.tenant_id.is_(None))
    return query.execution_options(**ALL_TENANTS)


async def list_members(access: Access, tenant_id: str | None) -> Sequence[Membership]:
    query = _members_query(tenant_id).order_by(Membership.created_at)
    return (await access.session.execute(query)).scalars().all()


async def set_member(access: Access, tenant_id: str | None, subject: str, role: str) -> Membership:
    query = _members_query(tenant_id).where(Membership.subject == subject)
    member = (await access.session.execute(query)).scalar_one_or_none()
    if member is not None and tenant_id is not None:
        await access.authorize("members.write", tenant_id, target_role=member.role)
    before = {"role": member.role} if member else None
    if member is None:
        member = Membership(
            tenant_id=tenant_id, subject=subject, role=role, created_by=access.actor.subject
        )
        access.session.add(member)
    member.role = role
    await access.audit(
        "member.set", subject, tenant_id=tenant_id, before=before, after={"role": role}
    )
    await access.commit()
    return member


async def remove_member(access: Access, tenant_id: str | None, subject: str) -> None:
    query = _members_query(tenant_id).where(Membership.subject == subject)
    member = (await access.session.execute(query)).scalar_one_or_none()
    if member is None:
        raise NotFoundError("member")
    if tenant_id is not None:
        await access.authorize("members.write", tenant_id, target_role=member.role)
    await access.session.delete(member)
    await access.audit("member.removed", subject, tenant_id=tenant_id, before={"role": member.role})
    await access.commit()
