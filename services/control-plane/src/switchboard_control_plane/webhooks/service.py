"""Webhook endpoints of a tenant: create (secret issued once), change, rotate, delete; the
delivery log and manual redelivery."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from switchboard_control_plane.agents.llm_checks import address_problem
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.errors import ConflictError, NotFoundError
from switchboard_control_plane.unit_of_work import TenantAccess
from switchboard_control_plane.webhooks.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
    new_endpoint_id,
)
from switchboard_control_plane.webhooks.schemas import (
    SecretRotate,
    WebhookEndpointCreate,
    WebhookEndpointUpdate,
)
from switchboard_control_plane.webhooks.signing import new_secret, seal

MAX_ENDPOINTS = 20
"""Endpoints one tenant may register."""


def _view(endpoint: WebhookEndpoint) -> dict[str, Any]:
    """What the audit log records of an endpoint (never a secret)."""
    return {"url": endpoint.url, "event_types": endpoint.event_types, "enabled": endpoint.enabled}


async def _check_url(access: TenantAccess, url: str) -> None:
    allow = access.resources.settings.allow_private_addresses
    problem = await address_problem("url", url, allow_private=allow)
    if problem is not None:
        raise problem.error()


async def get_endpoint(access: TenantAccess, endpoint_id: str) -> WebhookEndpoint:
    endpoint = await access.session.get(WebhookEndpoint, endpoint_id)
    if endpoint is None or endpoint.tenant_id != access.tenant.id:
        raise NotFoundError("webhook endpoint", code="webhook_endpoint_not_found")
    return endpoint


async def list_endpoints(access: TenantAccess) -> Sequence[WebhookEndpoint]:
    query = select(WebhookEndpoint).order_by(WebhookEndpoint.created_at, WebhookEndpoint.id)
    return (await access.session.execute(query)).scalars().all()


async def create_endpoint(
    access: TenantAccess, body: WebhookEndpointCreate
) -> tuple[WebhookEndpoint, str]:
    """The new endpoint and its secret (the only time the secret leaves the service)."""
    await _check_url(access, body.url)
    if len(await list_endpoints(access)) >= MAX_ENDPOINTS:
        raise ConflictError(
            f"A tenant has at most {MAX_ENDPOINTS} webhook endpoints.",
            code="webhook_endpoint_limit",
        )
    tenant_id = access.tenant.id
    endpoint = WebhookEndpoint(
        id=new_endpoint_id(),
        tenant_id=tenant_id,
        url=body.url,
        description=body.description,
        event_types=sorted(set(body.event_types)),
        enabled=body.enabled,
        consecutive_failures=0,
    )
    secret = new_secret()
    endpoint.secret = seal(access.resources.secret_keys, tenant_id, endpoint.id, secret)
    access.session.add(endpoint)
    await access.session.flush()
    await access.audit(
        "webhook_endpoint.created", endpoint.id, tenant_id=tenant_id, after=_view(endpoint)
    )
    await access.commit()
    return endpoint, secret


async def update_endpoint(
    access: TenantAccess, endpoint_id: str, body: WebhookEndpointUpdate
) -> WebhookEndpoint:
    endpoint = await get_endpoint(access, endpoint_id)
    before = _view(endpoint)
    changes = body.model_dump(exclude_unset=True)
    if changes.get("url") is not None:
        await _check_url(access, changes["url"])
        endpoint.url = changes["url"]
    if changes.get("event_types") is not None:
        endpoint.event_types = sorted(set(changes["event_types"]))
    if "description" in changes:
        endpoint.description = changes["description"]
    if changes.get("enabled") is not None:
        if changes["enabled"] and not endpoint.enabled:
            endpoint.consecutive_failures, endpoint.disabled_reason = 0, None
        endpoint.enabled = changes["enabled"]
    await access.audit(
        "webhook_endpoint.updated",
        endpoint.id,
        tenant_id=access.tenant.id,
        before=before,
        after=_view(endpoint),
    )
    await access.commit()
    return endpoint


async def delete_endpoint(access: TenantAccess, endpoint_id: str) -> None:
    endpoint = await get_endpoint(access, endpoint_id)
    before = _view(endpoint)
    await access.session.delete(endpoint)
    await access.audit(
        "webhook_endpoint.deleted", endpoint_id, tenant_id=access.tenant.id, before=before
    )
    await access.commit()


async def rotate_secret(
    access: TenantAccess, endpoint_id: str, body: SecretRotate
) -> tuple[WebhookEndpoint, str]:
    """A new secret; the current one becomes the previous one and keeps signing (both
    signatures on every delivery) for the overlap."""
    endpoint = await get_endpoint(access, endpoint_id)
    settings = access.resources.settings.webhooks
    overlap_s = settings.rotation_overlap_s if body.overlap_s is None else body.overlap_s
    secret = new_secret()
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_expires_at = utcnow() + timedelta(seconds=overlap_s)
    endpoint.secret = seal(access.resources.secret_keys, access.tenant.id, endpoint.id, secret)
    await access.audit(
        "webhook_endpoint.secret_rotated",
        endpoint.id,
        tenant_id=access.tenant.id,
        after={"overlap_s": overlap_s},
    )
    await access.commit()
    return endpoint, secret


async def list_deliveries(
    access: TenantAccess, endpoint_id: str, status: str | None, before: int | None, limit: int
) -> tuple[list[tuple[WebhookDelivery, str]], int | None]:
    """Deliveries to one endpoint, newest first, each with its event type."""
    await get_endpoint(access, endpoint_id)
    query = (
        select(WebhookDelivery, WebhookEvent.type)
        .join(WebhookEvent, WebhookEvent.id == WebhookDelivery.event_id)
        .where(WebhookDelivery.endpoint_id == endpoint_id)
        .order_by(WebhookDelivery.seq.desc())
        .limit(limit + 1)
    )
    if status is not None:
        query = query.where(WebhookDelivery.status == status)
    if before is not None:
        query = query.where(WebhookDelivery.seq < before)
    rows = [(row[0], row[1]) for row in (await access.session.execute(query)).all()]
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, rows[-1][0].seq if more and rows else None


async def get_delivery(
    access: TenantAccess, endpoint_id: str, delivery_id: str
) -> tuple[WebhookDelivery, WebhookEvent, Sequence[WebhookAttempt]]:
    await get_endpoint(access, endpoint_id)
    delivery = await access.session.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.endpoint_id != endpoint_id:
        raise NotFoundError("webhook delivery", code="webhook_delivery_not_found")
    event = await access.session.get(WebhookEvent, delivery.event_id)
    assert event is not None
    query = (
        select(WebhookAttempt)
        .where(WebhookAttempt.delivery_id == delivery_id)
        .order_by(WebhookAttempt.id)
    )
    return delivery, event, (await access.session.execute(query)).scalars().all()


async def redeliver(access: TenantAccess, endpoint_id: str, delivery_id: str) -> WebhookDelivery:
    """Queues the delivery again, due now (same event, same ``webhook-id``); the worker sends
    it in order behind the endpoint's earlier pending deliveries of its ordering key."""
    delivery, _event, _attempts = await get_delivery(access, endpoint_id, delivery_id)
    if delivery.status == "pending":
        delivery.next_attempt_at = utcnow()
    else:
        delivery.status, delivery.next_attempt_at, delivery.completed_at = (
            "pending",
            utcnow(),
            None,
        )
        # one more try from here: a failure schedules the next retry after the shortest delay
        delivery.attempts = 0
    await access.audit(
        "webhook_delivery.redelivered", delivery.id, tenant_id=access.tenant.id, after={}
    )
    await access.commit()
    return delivery
