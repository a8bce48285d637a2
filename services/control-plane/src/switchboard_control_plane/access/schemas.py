"""Bodies of the API-key, membership and identity routes."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from switchboard_control_plane.access.principal import Role, TenantRole
from switchboard_control_plane.db.base import UtcDatetime

ApiKeyScope = Literal["realtime"]
API_KEY_SCOPES: tuple[ApiKeyScope, ...] = ("realtime",)


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"name": "ci deploys", "role": "editor"}]}
    )

    name: str = Field(min_length=1, max_length=200)
    role: TenantRole = "viewer"
    expires_at: UtcDatetime | None = None
    scopes: list[ApiKeyScope] = Field(
        default_factory=list,
        max_length=len(API_KEY_SCOPES),
        description="`realtime`: the key may also open realtime sessions (WS /v1/realtime on "
        "the voice runtime) with any live agent of the tenant",
    )


class PlatformApiKeyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"name": "ops automation"}]}
    )

    name: str = Field(min_length=1, max_length=200)
    expires_at: UtcDatetime | None = None


class ApiKeyOut(BaseModel):
    id: str
    tenant_id: str | None = Field(description="None: platform scope")
    name: str
    role: Role
    prefix: str = Field(description="The first characters of the key, to recognise it")
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None
    scopes: list[str] = Field(default_factory=list)


class ApiKeyCreated(ApiKeyOut):
    key: str = Field(description="The key itself: shown once, store it now")


class ApiKeyList(BaseModel):
    items: list[ApiKeyOut]


class MembershipWrite(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"role": "editor"}]})

    role: TenantRole


class MembershipOut(BaseModel):
    tenant_id: str | None
    subject: str = Field(description="The OIDC `sub` of the member")
    role: Role
    created_by: str
    created_at: datetime


class MembershipList(BaseModel):
    items: list[MembershipOut]


class Me(BaseModel):
    subject: str
    kind: str
    platform_admin: bool
    roles: dict[str, TenantRole]
