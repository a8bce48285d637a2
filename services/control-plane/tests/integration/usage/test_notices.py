"""Threshold and cap notices fire once per tenant and period; a lost call is billed too."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from switchboard_common.contract import CallStarted, CallTurn
from switchboard_control_plane.calls.store import store_event
from switchboard_control_plane.calls.sweeper import LostCallSweeper
from switchboard_control_plane.db.scope import scope_session
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.usage.models import UsageNotice
from switchboard_control_plane.webhooks.models import WebhookEvent
from tests.integration.builders import ok, tenant
from tests.integration.conftest import Harness
from tests.integration.usage.events import Metering, ended

pytestmark = pytest.mark.integration
USAGE_EVENTS = ("usage.threshold_reached", "usage.cap_reached")
OCTOBER = datetime(2026, 10, 5, 12, 0, tzinfo=UTC)
NOVEMBER = datetime(2026, 11, 5, 12, 0, tzinfo=UTC)
PLAN = {
    "name": "Small",
    "included_minutes": 10,
    "hard_cap_minutes": 12,
    "threshold_percent": 50,
    "max_concurrent_calls": 5,
    "calls_per_minute": 60,
}


def _sessions(harness: Harness) -> SessionFactory:
    sessions: SessionFactory = harness.app.state.resources.sessions
    return sessions


async def _notices(harness: Harness, tenant_id: str) -> list[tuple[str, str, int, int]]:
    async with _sessions(harness)() as session:
        scope_session(session, tenant_id)
        query = select(UsageNotice).order_by(UsageNotice.period, UsageNotice.type)
        rows = (await session.execute(query)).scalars().all()
    return [(n.period, n.type, n.used_minutes, n.limit_minutes) for n in rows]


async def _on_plan(harness: Harness) -> str:
    client = harness.client
    tenant_id = await tenant(client)
    plan = await ok(client.post("/v1/plans", json=PLAN), 201)
    await ok(client.put(f"/v1/tenants/{tenant_id}/plan", json={"plan_id": plan["id"]}))
    return tenant_id


async def _webhook_events(harness: Harness, tenant_id: str) -> list[tuple[str, dict[str, Any]]]:
    async with _sessions(harness)() as session:
        scope_session(session, tenant_id)
        query = select(WebhookEvent).order_by(WebhookEvent.created_at)
        rows = (await session.execute(query)).scalars().all()
    return [(row.type, json.loads(row.body)["data"]) for row in rows]


async def test_threshold_and_cap_notices_fire_once_per_period(quiet_harness: Harness) -> None:
    tenant_id = await _on_plan(quiet_harness)
    hook = {"url": "http://127.0.0.1:9/hook", "event_types": list(USAGE_EVENTS)}
    await ok(quiet_harness.client.post(f"/v1/tenants/{tenant_id}/webhooks", json=hook), 201)
    metering = Metering(_sessions(quiet_harness), quiet_harness.redis)
    at = OCTOBER
    for index, minutes in enumerate((4, 1, 2, 6, 3)):  # 4, 5 (threshold), 7, 13 (cap), 16
        call = ended(tenant_id, f"oct-{index}", at, minutes * 60.0)
        assert await metering.store(call)
        at += timedelta(hours=1)
    assert await _notices(quiet_harness, tenant_id) == [
        ("2026-10", "usage.cap_reached", 13, 12),
        ("2026-10", "usage.threshold_reached", 5, 5),
    ]
    # A new period starts over.
    assert await metering.store(ended(tenant_id, "nov-0", NOVEMBER, 300.0))
    assert ("2026-11", "usage.threshold_reached", 5, 5) in await _notices(quiet_harness, tenant_id)
    assert len(await _notices(quiet_harness, tenant_id)) == 3
    # Each notice went to the tenant's webhook endpoint once.
    assert await _webhook_events(quiet_harness, tenant_id) == [
        ("usage.threshold_reached", {"period": "2026-10", "used_minutes": 5, "limit_minutes": 5}),
        ("usage.cap_reached", {"period": "2026-10", "used_minutes": 13, "limit_minutes": 12}),
        ("usage.threshold_reached", {"period": "2026-11", "used_minutes": 5, "limit_minutes": 5}),
    ]


async def test_a_tenant_without_a_plan_gets_no_notices(quiet_harness: Harness) -> None:
    tenant_id = await tenant(quiet_harness.client)
    metering = Metering(_sessions(quiet_harness), quiet_harness.redis)
    assert await metering.store(ended(tenant_id, "big", OCTOBER, 100_000.0))
    assert await _notices(quiet_harness, tenant_id) == []


async def test_a_call_closed_as_runtime_lost_is_billed_until_its_own_end_arrives(
    quiet_harness: Harness,
) -> None:
    client, redis, sessions = quiet_harness.client, quiet_harness.redis, _sessions(quiet_harness)
    tenant_id = await tenant(client)
    started_at = datetime.now(UTC) - timedelta(minutes=10)
    started = CallStarted(
        event_id="lost-started",
        tenant_id=tenant_id,
        call_id="lost",
        occurred_at=started_at,
        agent_id="agt_1",
        agent_version=1,
        number_id="num_1",
        carrier="twilio",
        carrier_call_id="CA" + "7" * 32,
        from_number="+15559990000",
        to_number="+15557770001",
    )
    turn = CallTurn(
        event_id="lost-turn",
        tenant_id=tenant_id,
        call_id="lost",
        occurred_at=started_at + timedelta(seconds=70),
        turn_index=0,
        caller_text="Hello?",
        agent_text="Hi.",
    )
    for event in (started, turn):
        async with sessions() as session:
            assert await store_event(session, event)
    metering = Metering(sessions, redis)
    now = datetime.now(UTC)
    sweeper = LostCallSweeper(
        sessions, redis, lost_after_s=60, interval_s=1, clock=lambda: now, meter=metering.meter
    )
    assert await sweeper.sweep_once() == 0
    now += timedelta(seconds=61)
    assert await sweeper.sweep_once() == 1
    usage = f"/v1/tenants/{tenant_id}/usage"
    report = await ok(client.get(usage))
    # Billed from its start to its last recorded event (70 s: 2 started minutes).
    assert (report["totals"]["calls"], report["totals"]["billable_minutes"]) == (1, 2)
    # The runtime's own call.ended, arriving late, replaces the estimate; once.
    assert await metering.store(ended(tenant_id, "lost", started_at, 125.0))
    assert await metering.store(ended(tenant_id, "lost", started_at, 999.0, event_id="again"))
    report = await ok(client.get(usage))
    assert (report["totals"]["calls"], report["totals"]["billable_minutes"]) == (1, 3)
    assert metering.sample("switchboard_usage_calls_total", tenant_id) == 1.0
    assert metering.sample("switchboard_usage_billable_minutes_total", tenant_id) == 3.0
