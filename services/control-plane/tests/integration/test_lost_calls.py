"""Calls whose runtime died are closed as ``runtime_lost`` once their lease stays gone."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import CallEnded, CallStarted, CallTurn, TurnStages
from switchboard_common.contract.keys import tenant_capacity_key
from switchboard_control_plane.calls.store import store_event
from switchboard_control_plane.calls.sweeper import LostCallSweeper
from switchboard_control_plane.db.session import SessionFactory
from switchboard_voice_runtime.capacity import CapacityManager, Lease
from tests.integration.builders import ok, tenant
from tests.integration.conftest import Harness, make_settings, start_harness, truncate_all

pytestmark = pytest.mark.integration

LOST_AFTER_S = 60.0
STARTED = datetime.now(UTC) - timedelta(minutes=10)


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
async def quiet_harness(migrated_database: str, redis: Redis) -> AsyncIterator[Harness]:
    """The API without background workers: only the test's sweeper sweeps."""
    await truncate_all(migrated_database)
    harness, lifespan = await start_harness(
        make_settings(migrated_database, run_workers=False), redis
    )
    yield harness
    await harness.client.aclose()
    await lifespan.__aexit__(None, None, None)


def _sessions(harness: Harness) -> SessionFactory:
    sessions: SessionFactory = harness.app.state.resources.sessions
    return sessions


async def _started(sessions: SessionFactory, tenant_id: str, call_id: str) -> None:
    event = CallStarted(
        event_id=f"{call_id}-started",
        tenant_id=tenant_id,
        call_id=call_id,
        occurred_at=STARTED,
        agent_id="agt_1",
        agent_version=1,
        number_id="num_1",
        carrier="twilio",
        carrier_call_id="CA" + call_id.rjust(32, "0"),
        from_number="+15559990000",
        to_number="+15557770001",
    )
    async with sessions() as session:
        assert await store_event(session, event)


async def _turn(sessions: SessionFactory, tenant_id: str, call_id: str, at_s: float) -> None:
    event = CallTurn(
        event_id=f"{call_id}-turn",
        tenant_id=tenant_id,
        call_id=call_id,
        occurred_at=STARTED + timedelta(seconds=at_s),
        turn_index=0,
        caller_text="Do you take new patients?",
        agent_text="Yes, we do.",
        stages=TurnStages(end_of_turn_ms=4000.0, first_frame_out_ms=4400.0),
    )
    async with sessions() as session:
        assert await store_event(session, event)


async def _hold_lease(redis: Redis, tenant_id: str, call_id: str) -> Lease:
    """Takes the call's lease exactly as the runtime does."""
    capacity = CapacityManager(redis, max_calls=10)
    return await capacity.acquire(
        tenant_id, call_id, max_concurrent_calls=5, calls_per_minute=60, ttl_s=30.0
    )


async def test_a_call_whose_lease_stays_gone_is_closed_with_what_was_recorded(
    quiet_harness: Harness,
) -> None:
    client, redis, sessions = quiet_harness.client, quiet_harness.redis, _sessions(quiet_harness)
    tenant_id = await tenant(client)
    for call_id in ("lost", "live"):
        await _started(sessions, tenant_id, call_id)
    await _turn(sessions, tenant_id, "lost", at_s=5.0)
    await _hold_lease(redis, tenant_id, "live")
    clock = Clock()
    sweeper = LostCallSweeper(
        sessions, redis, lost_after_s=LOST_AFTER_S, interval_s=1.0, clock=clock
    )

    assert await sweeper.sweep_once() == 0
    clock.advance(LOST_AFTER_S - 1)
    assert await sweeper.sweep_once() == 0
    clock.advance(1)
    assert await sweeper.sweep_once() == 1

    base = f"/v1/tenants/{tenant_id}/calls"
    lost = await ok(client.get(f"{base}/lost"))
    assert (lost["outcome"], lost["end_reason"], lost["turns"]) == ("failed", "runtime_lost", 1)
    assert datetime.fromisoformat(lost["ended_at"]) == STARTED + timedelta(seconds=5)
    assert lost["duration_s"] == 5.0
    assert [(e["role"], e["text"], e["at_ms"]) for e in lost["transcript"]] == [
        ("caller", "Do you take new patients?", 4000.0),
        ("agent", "Yes, we do.", 4400.0),
    ]
    assert [t["caller_text"] for t in lost["turn_details"]] == ["Do you take new patients?"]
    live = await ok(client.get(f"{base}/live"))
    assert live["outcome"] == "in_progress" and live["end_reason"] is None


async def test_a_lease_that_comes_back_after_a_redis_restart_keeps_the_call_open(
    quiet_harness: Harness,
) -> None:
    client, redis, sessions = quiet_harness.client, quiet_harness.redis, _sessions(quiet_harness)
    tenant_id = await tenant(client)
    await _started(sessions, tenant_id, "live")
    lease = await _hold_lease(redis, tenant_id, "live")
    clock = Clock()
    sweeper = LostCallSweeper(
        sessions, redis, lost_after_s=LOST_AFTER_S, interval_s=1.0, clock=clock
    )
    await redis.delete(tenant_capacity_key(tenant_id))  # Redis restarted empty
    assert await sweeper.sweep_once() == 0
    clock.advance(10)
    assert not await CapacityManager(redis, max_calls=10).renew(lease, 30.0)  # the heartbeat
    assert await sweeper.sweep_once() == 0
    clock.advance(LOST_AFTER_S)
    assert await sweeper.sweep_once() == 0
    live = await ok(client.get(f"/v1/tenants/{tenant_id}/calls/live"))
    assert live["outcome"] == "in_progress"


async def test_a_call_with_recent_turns_or_a_late_end_event_is_not_lost(
    quiet_harness: Harness,
) -> None:
    client, redis, sessions = quiet_harness.client, quiet_harness.redis, _sessions(quiet_harness)
    tenant_id = await tenant(client)
    await _started(sessions, tenant_id, "talking")
    clock = Clock()
    sweeper = LostCallSweeper(
        sessions, redis, lost_after_s=LOST_AFTER_S, interval_s=1.0, clock=clock
    )
    assert await sweeper.sweep_once() == 0
    clock.advance(LOST_AFTER_S)
    await _turn(sessions, tenant_id, "talking", at_s=(clock.now - STARTED).total_seconds() - 30)
    assert await sweeper.sweep_once() == 0
    clock.advance(LOST_AFTER_S)
    assert await sweeper.sweep_once() == 1
    ended = CallEnded(
        event_id="talking-ended",
        tenant_id=tenant_id,
        call_id="talking",
        occurred_at=clock.now,
        reason="caller_hangup",
        started_at=STARTED,
        duration_s=700.0,
        turns=1,
    )
    async with sessions() as session:
        assert await store_event(session, ended)
    call = await ok(client.get(f"/v1/tenants/{tenant_id}/calls/talking"))
    assert (call["outcome"], call["end_reason"]) == ("answered", "caller_hangup")
