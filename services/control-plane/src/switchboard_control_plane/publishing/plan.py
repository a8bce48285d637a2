"""What one publish writes to Redis: the tenant snapshot (or its removal) and the DID routes."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from switchboard_common.contract import DidRoute, TenantRuntimeConfig


class PublishPlan(BaseModel):
    """The outbox payload. ``snapshot`` None means the tenant is gone: delete its key.

    ``removed_dids`` are deleted only while they still point at this tenant, so a number that
    moved to another tenant is never unpublished by a stale plan.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    tenant_id: str
    revision: int
    snapshot: TenantRuntimeConfig | None
    dids: dict[str, DidRoute]
    removed_dids: tuple[str, ...] = ()
