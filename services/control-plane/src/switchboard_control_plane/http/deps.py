"""Annotated dependencies of the HTTP edge: session, principal, tenant access (the unit of work
itself, ``Access``/``TenantAccess``, lives below the edge in ``unit_of_work.py``)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Header, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.access.principal import Actor, Principal
from switchboard_control_plane.audit import service as audit
from switchboard_control_plane.db.scope import scope_session
from switchboard_control_plane.errors import NotFoundError, UnauthorizedError
from switchboard_control_plane.resources import Resources
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.unit_of_work import Access, TenantAccess

__all__ = [
    "Access",
    "PrincipalDep",
    "ResourcesDep",
    "SessionDep",
    "TenantAccess",
    "TenantHeader",
    "actor_of",
    "bearer",
    "get_principal",
    "get_resources",
    "get_session",
    "platform_access",
    "tenant_access",
]

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="An API key (`sb_...`) or an OIDC access token (JWT).",
)


async def get_resources(request: Request) -> Resources:
    """Async on purpose: FastAPI runs a sync dependency in its thread pool on every request."""
    resources: Resources = request.app.state.resources
    return resources


ResourcesDep = Annotated[Resources, Depends(get_resources)]


async def get_session(resources: ResourcesDep) -> AsyncIterator[AsyncSession]:
    async with resources.sessions() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]


def actor_of(request: Request, principal: Principal) -> Actor:
    client = request.client.host if request.client else None
    request_id = getattr(request.state, "request_id", None)
    return Actor(principal, client, request_id if isinstance(request_id, str) else None)


async def get_principal(
    request: Request,
    resources: ResourcesDep,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    if credentials is None:
        raise UnauthorizedError()
    # Verifies the credential and counts the request against its rate limit.
    client = request.client.host if request.client else None
    auth = await resources.authenticator.authenticate(
        session, credentials.credentials, client_address=client
    )
    key = auth.first_use_of
    if key is not None:
        after = {"key_id": key.id, "name": key.name, "role": key.role}
        await audit.record(
            session,
            actor_of(request, auth.principal),
            "api_key.first_used",
            key.id,
            tenant_id=key.tenant_id,
            after=after,
        )
    if session.dirty or session.new:
        await session.commit()
        await resources.audit_stream.publish_committed(session)
    return auth.principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def platform_access(action: str) -> Callable[..., Awaitable[Access]]:
    async def dependency(
        request: Request, resources: ResourcesDep, session: SessionDep, principal: PrincipalDep
    ) -> Access:
        access = Access(principal, actor_of(request, principal), session, resources)
        await access.authorize(action, None)
        return access

    return dependency


def tenant_access(action: str) -> Callable[..., Awaitable[TenantAccess]]:
    """Unknown tenant or not a member: 404 (nothing leaks); member without the role: 403."""

    async def dependency(
        request: Request,
        resources: ResourcesDep,
        session: SessionDep,
        principal: PrincipalDep,
        tenant_id: Annotated[str, Path(max_length=64)],
    ) -> TenantAccess:
        if not principal.can_see(tenant_id):
            raise NotFoundError("tenant")
        tenant = await session.get(Tenant, tenant_id)
        if tenant is None or tenant.deleted_at is not None:
            raise NotFoundError("tenant")
        scope_session(session, tenant_id)
        access = TenantAccess(principal, actor_of(request, principal), session, resources, tenant)
        await access.authorize(action, tenant_id)
        return access

    return dependency


TenantHeader = Annotated[
    str | None,
    Header(
        alias="X-Tenant-ID",
        description="Selects (platform admin) or narrows (members) the tenant of routes "
        "without one in the path.",
    ),
]
