"""The delivery worker: sends due deliveries, at least once, in order per ordering key.

Each delivery is claimed with ``FOR UPDATE SKIP LOCKED`` in its own transaction, which stays
open for the attempt: another instance skips it, and if this process dies the lock goes with
its connection, so the delivery is simply due again. A delivery waits while an earlier one of
the same endpoint and ordering key is still pending. A failed attempt is retried on the
``retry_schedule_s`` (exponential, over more than a day by default), then the delivery is
``failed``; an endpoint whose attempts failed ``disable_after_failures`` times in a row is
disabled, with an audit entry and a ``webhook.endpoint_disabled`` notice to the tenant's other
endpoints.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta

import httpx
from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from switchboard_common.contract import Keyring
from switchboard_control_plane.access.principal import Actor, Principal
from switchboard_control_plane.audit import service as audit
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.settings import WebhookSettings
from switchboard_control_plane.webhooks.events import ENDPOINT_DISABLED
from switchboard_control_plane.webhooks.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from switchboard_control_plane.webhooks.outbox import emit
from switchboard_control_plane.webhooks.sender import AttemptResult, post
from switchboard_control_plane.webhooks.signing import signed_headers, unseal
from switchboard_control_plane.webhooks.wakeup import WakeupListener

logger = logging.getLogger("switchboard.control_plane.webhooks")
WORKER_ACTOR = Actor(Principal("system:webhooks", "bootstrap", "webhook-worker"))
DISABLED_FAILING = "consecutive_failures"

CLAIM = text(
    """
    SELECT d.id FROM webhook_deliveries d
    JOIN webhook_endpoints e ON e.id = d.endpoint_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND e.enabled
      AND NOT EXISTS (
        SELECT 1 FROM webhook_deliveries p
        WHERE p.endpoint_id = d.endpoint_id AND p.ordering_key = d.ordering_key
          AND p.status = 'pending' AND p.seq < d.seq)
    ORDER BY d.next_attempt_at, d.seq
    LIMIT 1
    FOR UPDATE OF d SKIP LOCKED
    """
)


def live_secrets(keyring: Keyring, endpoint: WebhookEndpoint) -> list[str]:
    """The endpoint's current secret, plus the previous one while its overlap lasts."""
    found = [unseal(keyring, endpoint.tenant_id, endpoint.secret)]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret is not None and expires is not None and expires > utcnow():
        found.append(unseal(keyring, endpoint.tenant_id, endpoint.previous_secret))
    return found


async def attempt(
    session: AsyncSession,
    delivery: WebhookDelivery,
    client: httpx.AsyncClient,
    keyring: Keyring,
    settings: WebhookSettings,
    *,
    allow_private: bool,
) -> AttemptResult:
    """Sends ``delivery`` once and records the attempt, its outcome and the endpoint's run of
    failures in ``session`` (the caller commits)."""
    endpoint = await session.get(
        WebhookEndpoint, delivery.endpoint_id, execution_options=ALL_TENANTS
    )
    event = await session.get(WebhookEvent, delivery.event_id, execution_options=ALL_TENANTS)
    assert endpoint is not None and event is not None  # foreign keys, cascading deletes
    now = utcnow()
    headers = signed_headers(live_secrets(keyring, endpoint), event.id, now, event.body)
    result = await post(
        client,
        endpoint.url,
        headers,
        event.body,
        timeout_s=settings.attempt_timeout_s,
        allow_private=allow_private,
    )
    session.add(
        WebhookAttempt(
            tenant_id=delivery.tenant_id,
            delivery_id=delivery.id,
            attempted_at=now,
            status_code=result.status_code,
            error=result.error,
            latency_ms=round(result.latency_ms, 3),
        )
    )
    delivery.attempts += 1
    delivery.last_status_code = result.status_code
    delivery.last_error = result.error
    if result.ok:
        delivery.status, delivery.completed_at, delivery.next_attempt_at = "succeeded", now, None
        await _count_failures(session, endpoint, reset=True)
        return result
    schedule = settings.retry_schedule_s
    if delivery.attempts > len(schedule):
        delivery.status, delivery.completed_at, delivery.next_attempt_at = "failed", now, None
    else:
        delivery.next_attempt_at = now + timedelta(seconds=schedule[delivery.attempts - 1])
    await _count_failures(session, endpoint, reset=False)
    if endpoint.enabled and endpoint.consecutive_failures >= settings.disable_after_failures:
        await disable_failing(session, endpoint)
    return result


async def _count_failures(session: AsyncSession, endpoint: WebhookEndpoint, *, reset: bool) -> None:
    """Resets or bumps the endpoint's run of failed attempts atomically (concurrent attempts to
    one endpoint each count), refreshing ``endpoint`` from the row."""
    value = 0 if reset else WebhookEndpoint.consecutive_failures + 1
    statement = (
        update(WebhookEndpoint)
        .where(WebhookEndpoint.id == endpoint.id)
        .values(consecutive_failures=value)
        .returning(WebhookEndpoint.consecutive_failures, WebhookEndpoint.enabled)
        .execution_options(synchronize_session=False, **ALL_TENANTS)
    )
    failures, enabled = (await session.execute(statement)).one()
    set_committed_value(endpoint, "consecutive_failures", failures)
    set_committed_value(endpoint, "enabled", enabled)


async def disable_failing(session: AsyncSession, endpoint: WebhookEndpoint) -> None:
    endpoint.enabled, endpoint.disabled_reason = False, DISABLED_FAILING
    await session.flush()
    await audit.record(
        session,
        WORKER_ACTOR,
        "webhook_endpoint.disabled",
        endpoint.id,
        tenant_id=endpoint.tenant_id,
        before={"enabled": True},
        after={"enabled": False, "reason": DISABLED_FAILING},
    )
    data = {
        "endpoint_id": endpoint.id,
        "url": endpoint.url,
        "reason": DISABLED_FAILING,
        "consecutive_failures": endpoint.consecutive_failures,
        "disabled_at": utcnow(),
    }
    await emit(session, endpoint.tenant_id, ENDPOINT_DISABLED, data)
    logger.warning(
        "webhooks.endpoint_disabled",
        extra={"fields": {"endpoint_id": endpoint.id, "tenant_id": endpoint.tenant_id}},
    )


class DeliveryWorker:
    """Runs ``concurrency`` senders that each claim, send and record one delivery at a time;
    an idle sender waits for a NOTIFY from ``emit`` (``wakeup.py``), or ``poll_s`` at most."""

    def __init__(
        self,
        sessions: SessionFactory,
        keyring: Keyring,
        settings: WebhookSettings,
        *,
        allow_private: bool,
        database_url: str | None = None,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        self._sessions = sessions
        self._keyring = keyring
        self._settings = settings
        self._allow_private = allow_private
        self._client = client
        self.wakeup = asyncio.Event()
        self._listener = WakeupListener(database_url, self.wakeup) if database_url else None

    async def run(self) -> None:
        async with httpx.AsyncClient(follow_redirects=False) as own:
            client = self._client or own
            async with asyncio.TaskGroup() as group:
                if self._listener is not None:
                    group.create_task(self._listener.run())
                for _ in range(self._settings.concurrency):
                    group.create_task(self._sender(client))

    async def _sender(self, client: httpx.AsyncClient) -> None:
        while True:
            self.wakeup.clear()
            if await self.deliver_one(client):
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wakeup.wait(), self._settings.poll_s)

    def notify(self) -> None:
        self.wakeup.set()

    async def deliver_one(self, client: httpx.AsyncClient) -> bool:
        """Claims one due delivery and attempts it; False when none was due."""
        async with self._sessions() as session:
            delivery_id = (await session.execute(CLAIM)).scalar_one_or_none()
            if delivery_id is None:
                await session.rollback()
                return False
            delivery = await session.get(
                WebhookDelivery, delivery_id, execution_options=ALL_TENANTS
            )
            assert delivery is not None
            await attempt(
                session,
                delivery,
                client,
                self._keyring,
                self._settings,
                allow_private=self._allow_private,
            )
            await session.commit()
            return True
