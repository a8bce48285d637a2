"""``/v1/tenants/{tenant_id}/webhooks``: endpoints (admin), their delivery log (viewer)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from switchboard_control_plane.http.deps import TenantAccess, tenant_access
from switchboard_control_plane.http.docs import tenant_errors
from switchboard_control_plane.webhooks import service
from switchboard_control_plane.webhooks.models import WebhookDelivery, WebhookEndpoint
from switchboard_control_plane.webhooks.schemas import (
    AttemptOut,
    DeliveryDetail,
    DeliveryOut,
    DeliveryPage,
    DeliveryStatus,
    SecretRotate,
    SecretRotated,
    WebhookEndpointCreate,
    WebhookEndpointCreated,
    WebhookEndpointOut,
    WebhookEndpointPage,
    WebhookEndpointUpdate,
)

router = APIRouter(prefix="/v1/tenants/{tenant_id}/webhooks", tags=["webhooks"])
Reader = Annotated[TenantAccess, Depends(tenant_access("webhooks.read"))]
Writer = Annotated[TenantAccess, Depends(tenant_access("webhooks.write"))]


def endpoint_out(endpoint: WebhookEndpoint) -> WebhookEndpointOut:
    return WebhookEndpointOut.model_validate(endpoint, from_attributes=True)


def delivery_out(delivery: WebhookDelivery, event_type: str) -> DeliveryOut:
    fields = DeliveryOut.model_fields.keys() - {"event_type"}
    values = {name: getattr(delivery, name) for name in fields}
    return DeliveryOut(event_type=event_type, **values)


@router.post("", status_code=201, operation_id="create_webhook_endpoint", responses=tenant_errors())
async def create_endpoint(body: WebhookEndpointCreate, access: Writer) -> WebhookEndpointCreated:
    """Registers an endpoint; the response carries its signing secret, shown only this once."""
    endpoint, secret = await service.create_endpoint(access, body)
    return WebhookEndpointCreated(**endpoint_out(endpoint).model_dump(), secret=secret)


@router.get("", operation_id="list_webhook_endpoints", responses=tenant_errors())
async def list_endpoints(access: Reader) -> WebhookEndpointPage:
    return WebhookEndpointPage(
        items=[endpoint_out(e) for e in await service.list_endpoints(access)]
    )


@router.get("/{endpoint_id}", operation_id="get_webhook_endpoint", responses=tenant_errors())
async def get_endpoint(endpoint_id: str, access: Reader) -> WebhookEndpointOut:
    return endpoint_out(await service.get_endpoint(access, endpoint_id))


@router.patch("/{endpoint_id}", operation_id="update_webhook_endpoint", responses=tenant_errors())
async def update_endpoint(
    endpoint_id: str, body: WebhookEndpointUpdate, access: Writer
) -> WebhookEndpointOut:
    """Changes the URL, event types, description or enabled flag."""
    return endpoint_out(await service.update_endpoint(access, endpoint_id, body))


@router.delete(
    "/{endpoint_id}",
    status_code=204,
    operation_id="delete_webhook_endpoint",
    responses=tenant_errors(),
)
async def delete_endpoint(endpoint_id: str, access: Writer) -> Response:
    """Removes the endpoint with its pending deliveries and log."""
    await service.delete_endpoint(access, endpoint_id)
    return Response(status_code=204)


@router.post(
    "/{endpoint_id}/rotate-secret",
    operation_id="rotate_webhook_secret",
    responses=tenant_errors(),
)
async def rotate_secret(endpoint_id: str, body: SecretRotate, access: Writer) -> SecretRotated:
    """A new signing secret; the previous one keeps signing too until the overlap ends."""
    endpoint, secret = await service.rotate_secret(access, endpoint_id, body)
    assert endpoint.previous_secret_expires_at is not None
    return SecretRotated(
        secret=secret, previous_secret_expires_at=endpoint.previous_secret_expires_at
    )


@router.get(
    "/{endpoint_id}/deliveries", operation_id="list_webhook_deliveries", responses=tenant_errors()
)
async def list_deliveries(
    endpoint_id: str,
    access: Reader,
    status: DeliveryStatus | None = None,
    before: Annotated[int | None, Query(ge=1, le=2**63 - 1)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> DeliveryPage:
    """The delivery log, newest first: status, attempts, last status code, next retry."""
    rows, cursor = await service.list_deliveries(access, endpoint_id, status, before, limit)
    return DeliveryPage(items=[delivery_out(d, t) for d, t in rows], next_cursor=cursor)


@router.get(
    "/{endpoint_id}/deliveries/{delivery_id}",
    operation_id="get_webhook_delivery",
    responses=tenant_errors(),
)
async def get_delivery(endpoint_id: str, delivery_id: str, access: Reader) -> DeliveryDetail:
    """One delivery with its body and every attempt (status code, latency, error)."""
    delivery, event, attempts = await service.get_delivery(access, endpoint_id, delivery_id)
    return DeliveryDetail(
        **delivery_out(delivery, event.type).model_dump(),
        body=event.body,
        attempt_log=[AttemptOut.model_validate(a, from_attributes=True) for a in attempts],
    )


@router.post(
    "/{endpoint_id}/deliveries/{delivery_id}/redeliver",
    status_code=202,
    operation_id="redeliver_webhook",
    responses=tenant_errors(),
)
async def redeliver(endpoint_id: str, delivery_id: str, access: Writer) -> DeliveryOut:
    """Sends the delivery again (same `webhook-id`), as soon as its turn comes."""
    delivery = await service.redeliver(access, endpoint_id, delivery_id)
    _d, event, _a = await service.get_delivery(access, endpoint_id, delivery_id)
    return delivery_out(delivery, event.type)
