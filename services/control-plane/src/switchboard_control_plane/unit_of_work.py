"""The unit of work of one authorized request, below the HTTP edge: who acts, from where, in
which session, with which resources. Domain services take an ``Access``/``TenantAccess`` and
never import ``http/``; the edge (``http/deps.py``) builds them from the request."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.access.principal import Actor, Principal
from switchboard_control_plane.audit import service as audit
from switchboard_control_plane.errors import ForbiddenError
from switchboard_control_plane.resources import Resources
from switchboard_control_plane.tenants.models import Tenant


@dataclass(slots=True)
class Access:
    """An authorized request: who, from where, the session and the resources."""

    principal: Principal
    actor: Actor
    session: AsyncSession
    resources: Resources

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
        policy_input: dict[str, Any] = {
            "principal": {
                "platform_admin": self.principal.platform_admin,
                "role": self.principal.role_in(tenant_id) if tenant_id else None,
            },
            "action": action,
            "tenant_id": tenant_id,
        }
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
