"""``emit``: writes an event and its pending deliveries in the caller's transaction.

Other domains call this (calls, usage, analysis); the delivery worker sends what committed.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.webhooks.events import checked_data
from switchboard_control_plane.webhooks.models import (
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from switchboard_control_plane.webhooks.wakeup import notify


def event_body(event_type: str, data: Mapping[str, object]) -> str:
    """The exact JSON text posted (and signed) for an event: ``{"type","timestamp","data"}``."""
    body = {
        "type": event_type,
        "timestamp": utcnow().isoformat().replace("+00:00", "Z"),
        "data": checked_data(event_type, dict(data)),
    }
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False, default=str)


async def emit(
    session: AsyncSession,
    tenant_id: str | uuid.UUID,
    event_type: str,
    data: Mapping[str, object],
    *,
    ordering_key: str | None = None,
) -> None:
    """Adds the event and one pending delivery per enabled endpoint of the tenant subscribed to
    ``event_type``; nothing is sent until the caller commits. Deliveries sharing an
    ``ordering_key`` (e.g. a call id) reach each endpoint in the order they were emitted.
    ``ValueError`` for an unknown event type or ``data`` that does not fit its schema."""
    tenant = str(tenant_id)
    body = event_body(event_type, data)
    query = (
        select(WebhookEndpoint)
        .where(WebhookEndpoint.tenant_id == tenant, WebhookEndpoint.enabled.is_(True))
        .execution_options(**ALL_TENANTS)
    )
    endpoints = [
        endpoint
        for endpoint in (await session.execute(query)).scalars()
        if event_type in endpoint.event_types
    ]
    if not endpoints:
        return
    event = WebhookEvent(
        id=f"msg_{uuid.uuid4().hex}",
        tenant_id=tenant,
        type=event_type,
        ordering_key=ordering_key,
        body=body,
    )
    session.add(event)
    await session.flush()
    for endpoint in endpoints:
        session.add(
            WebhookDelivery(
                tenant_id=tenant,
                event_id=event.id,
                endpoint_id=endpoint.id,
                ordering_key=ordering_key,
                next_attempt_at=utcnow(),
            )
        )
    await session.flush()
    await notify(session)
