"""Annotated dependencies of the HTTP edge: session, principal, tenant access."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.access.principal import Actor, Principal
from switchboard_control_plane.audit import service as audit
from switchboard_control_plane.db.scope import scope_session
from switchboard_control_plane.errors import ForbiddenError, NotFoundError, UnauthorizedError
from switchboard_control_plane.resources import Resources
from switchboard_control_plane.tenants.models import Tenant

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


@dataclass(slots=True)
class Access:
    """An authorized request: who, from where, the session and the resources."""

    principal: Principal
    actor: Actor
    session: AsyncSession
    resources: Resources

    def policy_input(self, action: str, tenant_id: str | None = None) -> dict[str, Any]:
        """The policy's input for ``action`` by this principal in ``tenant_id``."""
        return {
            "principal": {
                "platform_admin": self.principal.platform_admin,
                "role": self.principal.role_in(tenant_id) if tenant_id else None,
            },
            "action": action,
            "tenant_id": tenant_id,
        }

    async def authorize(
        self,
        action: str,
        tenant_id: str | None,
        *,
        grant_role: str | None = None,
        target_role: str | None = None,
    ) -> None:
        """Raises 403 unless the policy allows it; ``grant_role`` is a role handed out,
        ``target_role`` the role of the key or membership acted on."""
        policy_input = self.policy_input(action, tenant_id)
        if grant_role is not None:
            policy_input["grant_role"] = grant_role
        if target_role is not None:
            policy_input["target_role"] = target_role
        decision = await self.resources.authorizer.decide(policy_input)
        if not decision.allowed:
            raise ForbiddenError(
                f"Not allowed to {action}.", code="forbidden", details={"reason": decision.reason}
            )

    async def audit(
        self,
        action: str,
        target: str,
        *,
        tenant_id: str | None,
        before: Mapping[str, Any] | None = None,
        after: Mapping[str, Any] | None = None,
    ) -> None:
        """Appends an audit entry, by this request's actor, to this request's transaction."""
        await audit.record(
            self.session,
            self.actor,
            action,
            target,
            tenant_id=tenant_id,
            before=before,
            after=after,
        )

    async def commit(self, *, publish: str | None = None, removed_dids: Iterable[str] = ()) -> None:
        """Commits the change; with ``publish`` its outbox row joins the same transaction."""
        if publish is not None:
            await self.resources.outbox.enqueue(self.session, publish, removed_dids)
        await self.session.commit()
        await self.resources.audit_stream.publish_committed(self.session)
        if publish is not None:
            self.resources.outbox.notify()


@dataclass(slots=True)
class TenantAccess(Access):
    """An authorized request inside one tenant; the session is scoped to it."""

    tenant: Tenant


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
