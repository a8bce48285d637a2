"""``/v1/tenants/{tenant_id}/runtime``: what is published, drift, and re-publish."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, status
from redis.exceptions import RedisError
from sqlalchemy import func, select

from switchboard_control_plane.errors import ControlPlaneError
from switchboard_control_plane.http.deps import TenantAccess, tenant_access
from switchboard_control_plane.http.docs import error_responses, tenant_errors
from switchboard_control_plane.publishing.models import OutboxEntry
from switchboard_control_plane.publishing.problems import live_problems
from switchboard_control_plane.publishing.reconciler import drift
from switchboard_control_plane.publishing.schemas import PublishQueued, RuntimeState

router = APIRouter(prefix="/v1/tenants/{tenant_id}/runtime", tags=["runtime"])


class RedisUnavailableError(ControlPlaneError):
    status_code = 503
    code = "redis_unavailable"


@router.get(
    "", operation_id="get_runtime_state", responses={**tenant_errors(), **error_responses(429)}
)
async def runtime_state(
    access: Annotated[TenantAccess, Depends(tenant_access("runtime.read"))],
) -> RuntimeState:
    """The published revision, any drift between Postgres and Redis, and what is wrong with
    the live configuration (``problems``)."""
    session, tenant = access.session, access.tenant
    published = await session.scalar(
        select(func.max(OutboxEntry.revision)).where(OutboxEntry.published_at.is_not(None))
    )
    pending = await session.scalar(
        select(func.count()).select_from(OutboxEntry).where(OutboxEntry.published_at.is_(None))
    )
    plan = await access.resources.outbox.builder.plan(session, tenant)
    assert plan.snapshot is not None
    try:
        report = await drift(access.resources.redis, plan.snapshot, plan.dids, plan.removed_dids)
    except (RedisError, OSError) as exc:
        raise RedisUnavailableError("Redis cannot be reached.") from exc
    return RuntimeState(
        tenant_id=tenant.id,
        revision=tenant.revision,
        published_revision=published,
        pending=pending or 0,
        redis_revision=report.redis_revision,
        in_sync=not report.differences,
        drift=report.differences,
        problems=await live_problems(
            access.resources.secrets,
            session,
            tenant,
            allow_private=access.resources.settings.allow_private_addresses,
        ),
    )


@router.post(
    "/publish",
    status_code=status.HTTP_202_ACCEPTED,
    operation_id="publish_runtime",
    responses=tenant_errors(),
)
async def publish_runtime(
    access: Annotated[TenantAccess, Depends(tenant_access("runtime.publish"))],
) -> PublishQueued:
    """Queues a fresh snapshot of the tenant (repairs drift once published)."""
    await access.commit(publish=access.tenant.id)
    return PublishQueued(tenant_id=access.tenant.id, revision=access.tenant.revision)
