"""Tenant scoping: every ORM query on a tenant-owned table is filtered by the session's tenant.

A session is scoped with ``scope_session(session, tenant_id)``. A query touching a
``TenantOwned`` table in an unscoped session raises ``MissingTenantScopeError`` instead of
returning every tenant's rows; cross-tenant work (the publisher, the events consumer, platform
listings) opts out explicitly with ``ALL_TENANTS`` execution options.
"""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from switchboard_control_plane.db.base import TenantOwned

TENANT_KEY: Final = "tenant_id"
ALL_TENANTS: Final[dict[str, Any]] = {"all_tenants": True}


class MissingTenantScopeError(RuntimeError):
    """A tenant-owned table was queried without a tenant scope."""


def scope_session(session: AsyncSession, tenant_id: str) -> AsyncSession:
    if not tenant_id:
        raise MissingTenantScopeError("an empty tenant id is not a scope")
    session.info[TENANT_KEY] = tenant_id
    return session


def session_tenant(session: AsyncSession | Session) -> str | None:
    value = session.info.get(TENANT_KEY)
    return value if isinstance(value, str) else None


def _tenant_classes(state: ORMExecuteState) -> list[Any]:
    return [m.class_ for m in state.all_mappers if issubclass(m.class_, TenantOwned)]


def _scope_statement(state: ORMExecuteState) -> None:
    if not (state.is_select or state.is_update or state.is_delete):
        return
    classes = _tenant_classes(state)
    if state.execution_options.get("all_tenants") or not classes:
        return
    tenant_id = session_tenant(state.session)
    if tenant_id is None:
        raise MissingTenantScopeError("query on a tenant-owned table without a tenant scope")
    state.statement = state.statement.options(
        *(
            with_loader_criteria(cls, cls.tenant_id == tenant_id, include_aliases=True)
            for cls in classes
        )
    )


def _check_new_rows(session: Session, _ctx: object, _instances: object) -> None:
    tenant_id = session_tenant(session)
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, TenantOwned):
            continue
        if tenant_id is not None and getattr(obj, "tenant_id", None) != tenant_id:
            raise MissingTenantScopeError("a row of another tenant was written in a scoped session")


class ScopedSession(Session):
    """The sync session behind every control-plane ``AsyncSession``; carries the tenant guard."""


def install_tenant_guard() -> None:
    """Attaches the scoping hooks to ``ScopedSession`` (idempotent)."""
    if not event.contains(ScopedSession, "do_orm_execute", _scope_statement):
        event.listen(ScopedSession, "do_orm_execute", _scope_statement)
        event.listen(ScopedSession, "before_flush", _check_new_rows)
