"""The verified caller of a request and its roles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

TenantRole = Literal["owner", "admin", "editor", "viewer"]
Role = Literal["owner", "admin", "editor", "viewer", "platform_admin"]
TENANT_ROLES: tuple[TenantRole, ...] = ("owner", "admin", "editor", "viewer")
CredentialKind = Literal["bootstrap", "api_key", "jwt"]


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: ``subject`` names them in audit entries; ``roles`` maps tenant -> role."""

    subject: str
    kind: CredentialKind
    credential_id: str
    platform_admin: bool = False
    roles: Mapping[str, TenantRole] = field(default_factory=dict)

    def role_in(self, tenant_id: str) -> TenantRole | None:
        return self.roles.get(tenant_id)

    def can_see(self, tenant_id: str) -> bool:
        return self.platform_admin or tenant_id in self.roles


@dataclass(frozen=True, slots=True)
class Actor:
    """The principal plus where the request came from, as recorded in the audit log."""

    principal: Principal
    ip: str | None = None
    request_id: str | None = None

    @property
    def subject(self) -> str:
        return self.principal.subject
