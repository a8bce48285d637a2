"""Call events from ``sb:v1:events`` become call records, listings and analytics."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import CallEnded, CallStarted, CallTurn, ToolCallReport, TurnStages
from switchboard_common.contract.events import TranscriptEntry
from switchboard_common.contract.keys import EVENT_FIELD, EVENTS_CONSUMER_GROUP, EVENTS_STREAM
from switchboard_control_plane.calls.consumer import EventsConsumer
from tests.integration.builders import ok, tenant
from tests.integration.conftest import Harness, make_settings, start_harness, truncate_all

pytestmark = pytest.mark.integration
T0 = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def call_events(tenant_id: str, call_id: str, *, turns: int = 2) -> list[Any]:
    events: list[Any] = [
        CallStarted(
            event_id=f"{call_id}-start",
            tenant_id=tenant_id,
            call_id=call_id,
            occurred_at=T0,
            agent_id="agt_x",
            agent_version=1,
            number_id="num_x",
            carrier="twilio",
            carrier_call_id=f"CA{call_id}",
            from_number="+14155550000",
            to_number="+14155550100",
        )
    ]
    for index in range(turns):
        stages = TurnStages(
            caller_stopped_ms=1000.0 * index, first_frame_out_ms=1000.0 * index + 400 + 100 * index
        )
        events.append(
            CallTurn(
                event_id=f"{call_id}-turn-{index}",
                tenant_id=tenant_id,
                call_id=call_id,
                occurred_at=T0 + timedelta(seconds=index),
                turn_index=index,
                caller_text=f"question {index}",
                agent_text=f"answer {index}",
                stages=stages,
                tool_calls=(
                    ToolCallReport(name="find_slot", ok=False, status_code=503, duration_ms=120.5),
                )
                if index == 1
                else (),
            )
        )
    events.append(
        CallEnded(
            event_id=f"{call_id}-end",
            tenant_id=tenant_id,
            call_id=call_id,
            occurred_at=T0 + timedelta(seconds=90),
            reason="caller_hangup",
            started_at=T0,
            duration_s=90.0,
            turns=turns,
            recording_ref="s3://recordings/x.wav",
            transcript=(TranscriptEntry(role="agent", text="Hello", at_ms=0.0),),
        )
    )
    return events


async def publish(redis: Redis, events: list[Any]) -> None:
    for event in events:
        await redis.xadd(EVENTS_STREAM, {EVENT_FIELD: event.model_dump_json()})


async def _pending(redis: Redis) -> int:
    info = await redis.xpending(EVENTS_STREAM, EVENTS_CONSUMER_GROUP)
    return int(info["pending"])


async def wait_for_call(harness: Harness, tenant_id: str, call_id: str, turns: int) -> Any:
    async with asyncio.timeout(10):
        while True:
            response = await harness.client.get(f"/v1/tenants/{tenant_id}/calls/{call_id}")
            if (
                response.status_code == 200
                and response.json()["ended_at"]
                and len(response.json()["turn_details"]) == turns
            ):
                return response.json()
            await asyncio.sleep(0.05)


async def test_events_become_a_call_with_transcript_and_latency(harness: Harness) -> None:
    tenant_id = await tenant(harness.client)
    events = call_events(tenant_id, "call-1")
    await publish(harness.redis, [*events, events[1]])
    await harness.redis.xadd(EVENTS_STREAM, {EVENT_FIELD: "{not json"})
    call = await wait_for_call(harness, tenant_id, "call-1", 2)
    assert call["outcome"] == "answered" and call["duration_s"] == 90.0
    assert call["recording_ref"] == "s3://recordings/x.wav"
    assert [t["voice_to_voice_ms"] for t in call["turn_details"]] == [400.0, 500.0]
    assert [t["tool_calls"] for t in call["turn_details"]] == [
        [],
        [{"name": "find_slot", "ok": False, "status_code": 503, "duration_ms": 120.5}],
    ]
    assert call["transcript"][0]["text"] == "Hello"
    async with asyncio.timeout(10):
        while await _pending(harness.redis):  # noqa: ASYNC110 - the ack happens in Redis
            await asyncio.sleep(0.05)


async def test_calls_list_filters_and_analytics(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    await publish(
        harness.redis, call_events(tenant_id, "call-a") + call_events(tenant_id, "call-b", turns=0)
    )
    await wait_for_call(harness, tenant_id, "call-b", 0)
    await wait_for_call(harness, tenant_id, "call-a", 2)
    base = f"/v1/tenants/{tenant_id}"
    missed = await ok(client.get(f"{base}/calls", params={"outcome": "missed"}))
    assert [c["id"] for c in missed["items"]] == ["call-b"]
    assert missed["items"][0]["carrier_call_id"] == "CAcall-b"
    by_number = await ok(client.get(f"{base}/calls", params={"number": "+1 415 555 0100"}))
    assert len(by_number["items"]) == 2
    page = await ok(client.get(f"{base}/calls", params={"limit": 1}))
    rest = await ok(client.get(f"{base}/calls", params={"limit": 1, "cursor": page["next_cursor"]}))
    assert {page["items"][0]["id"], rest["items"][0]["id"]} == {"call-a", "call-b"}
    later = await ok(client.get(f"{base}/calls", params={"since": "2027-01-01T00:00:00Z"}))
    assert later["items"] == []
    days = (await ok(client.get(f"{base}/analytics")))["days"]
    assert days == [
        {
            "day": "2026-03-02",
            "calls": 2,
            "minutes": 3.0,
            "answered": 1,
            "missed": 1,
            "latency_p50_ms": 450.0,
            "latency_p95_ms": 495.0,
        }
    ]


@pytest.fixture
async def quiet_harness(migrated_database: str, redis: Redis) -> AsyncIterator[Harness]:
    """A harness without background workers: the test drives the consumers itself."""
    await truncate_all(migrated_database)
    settings = make_settings(migrated_database, run_workers=False)
    harness, lifespan = await start_harness(settings, redis)
    yield harness
    await harness.client.aclose()
    await lifespan.__aexit__(None, None, None)


async def test_entries_of_a_crashed_consumer_are_reclaimed(quiet_harness: Harness) -> None:
    harness = quiet_harness
    tenant_id = await tenant(harness.client)
    redis = harness.redis
    sessions = harness.app.state.resources.sessions
    crashed = EventsConsumer(sessions, redis, consumer_name="crashed", block_ms=10)
    await crashed.ensure_group()
    await publish(redis, call_events(tenant_id, "call-r", turns=0))
    await redis.xreadgroup(EVENTS_CONSUMER_GROUP, "crashed", {EVENTS_STREAM: ">"}, count=10)
    rescuer = EventsConsumer(sessions, redis, consumer_name="rescuer", claim_idle_ms=1, block_ms=10)
    await asyncio.sleep(0.01)
    assert await rescuer.step() == 2
    call = await wait_for_call(harness, tenant_id, "call-r", 0)
    assert call["outcome"] == "missed"
    assert (await redis.xpending(EVENTS_STREAM, EVENTS_CONSUMER_GROUP))["pending"] == 0
