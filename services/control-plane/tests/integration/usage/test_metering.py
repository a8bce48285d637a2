"""Every ended call is metered once by call id; the usage report sums it per day or month."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from switchboard_common.contract.keys import EVENT_FIELD, EVENTS_STREAM
from switchboard_common.contract.usage import CallUsage
from switchboard_control_plane.db.session import SessionFactory
from tests.integration.builders import api_key, ok, tenant
from tests.integration.conftest import Harness
from tests.integration.usage.events import Metering, ended

pytestmark = pytest.mark.integration
DAY1 = datetime(2026, 10, 30, 9, 0, tzinfo=UTC)
DAY2 = datetime(2026, 10, 31, 23, 59, 30, tzinfo=UTC)
DAY3 = datetime(2026, 11, 1, 0, 0, 10, tzinfo=UTC)
USAGE = CallUsage(
    stt_audio_seconds=20.5,
    tts_characters=410,
    llm_prompt_tokens=1200,
    llm_completion_tokens=150,
    tool_calls=2,
)


def _metering(harness: Harness) -> Metering:
    sessions: SessionFactory = harness.app.state.resources.sessions
    return Metering(sessions, harness.redis)


def _usage(
    report: dict[str, object], key: str = "totals"
) -> tuple[object, object, object, object, object]:
    totals = report[key]
    assert isinstance(totals, dict)
    return (
        totals["calls"],
        totals["billable_seconds"],
        totals["billable_minutes"],
        totals["tts_characters"],
        totals["tool_calls"],
    )


async def test_the_same_call_ended_twice_is_metered_once(quiet_harness: Harness) -> None:
    client = quiet_harness.client
    tenant_id = await tenant(client)
    metering = _metering(quiet_harness)
    first = ended(tenant_id, "call-1", DAY1, 61.0, usage=USAGE)
    assert await metering.store(first)
    assert not await metering.store(first)
    # A second call.ended for the same call (a new event id) is stored but not metered again.
    again = ended(tenant_id, "call-1", DAY1, 300.0, event_id="call-1-end-again", usage=USAGE)
    assert await metering.store(again)
    url = f"/v1/tenants/{tenant_id}/usage?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z"
    report = await ok(client.get(url))
    assert _usage(report) == (1, 61.0, 2, 410, 2)
    assert report["totals"]["llm_prompt_tokens"] == 1200
    assert report["totals"]["llm_completion_tokens"] == 150
    assert report["totals"]["stt_audio_seconds"] == 20.5
    assert metering.sample("switchboard_usage_calls_total", tenant_id) == 1.0
    assert metering.sample("switchboard_usage_billable_minutes_total", tenant_id) == 2.0
    assert metering.sample("switchboard_usage_llm_prompt_tokens_total", tenant_id) == 1200.0


async def test_usage_is_bucketed_by_utc_day_and_month(quiet_harness: Harness) -> None:
    client = quiet_harness.client
    tenant_id = await tenant(client)
    metering = _metering(quiet_harness)
    for call_id, at, duration_s in (
        ("a", DAY1, 30.0),
        ("b", DAY1 + timedelta(hours=3), 125.0),
        ("c", DAY2, 60.0),
        ("d", DAY3, 0.5),
    ):
        assert await metering.store(ended(tenant_id, call_id, at, duration_s, usage=USAGE))
    base = f"/v1/tenants/{tenant_id}/usage?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z"
    daily = await ok(client.get(base + "&granularity=day"))
    assert [p["start"] for p in daily["periods"]] == [
        "2026-10-30T00:00:00Z",
        "2026-10-31T00:00:00Z",
        "2026-11-01T00:00:00Z",
    ]
    assert [(p["calls"], p["billable_minutes"]) for p in daily["periods"]] == [
        (2, 4),
        (1, 1),
        (1, 1),
    ]
    assert _usage(daily) == (4, 215.5, 6, 4 * 410, 8)
    monthly = await ok(client.get(base + "&granularity=month"))
    assert [(p["start"], p["calls"], p["billable_minutes"]) for p in monthly["periods"]] == [
        ("2026-10-01T00:00:00Z", 3, 5),
        ("2026-11-01T00:00:00Z", 1, 1),
    ]
    assert monthly["totals"] == daily["totals"]
    october = await ok(
        client.get(
            f"/v1/tenants/{tenant_id}/usage?from=2026-10-31T00:00:00Z&to=2026-11-01T00:00:00Z"
        )
    )
    assert _usage(october) == (1, 60.0, 1, 410, 2)


async def test_usage_is_tenant_isolated_and_read_by_viewers(quiet_harness: Harness) -> None:
    client = quiet_harness.client
    mine, theirs = await tenant(client, "Mine"), await tenant(client, "Theirs")
    metering = _metering(quiet_harness)
    assert await metering.store(ended(mine, "m1", DAY1, 90.0))
    assert await metering.store(ended(theirs, "t1", DAY1, 600.0))
    viewer = quiet_harness.as_(await api_key(client, mine, "viewer"))
    url = "/v1/tenants/{}/usage?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z"
    report = await ok(client.get(url.format(mine), headers=viewer))
    assert _usage(report) == (1, 90.0, 2, 0, 0)
    other = await client.get(url.format(theirs), headers=viewer)
    assert (other.status_code, other.json()["error"]["code"]) == (404, "tenant_not_found")
    empty = await client.get(url.format(mine).replace("from=2026-10-01", "from=2026-11-02"))
    assert (empty.status_code, empty.json()["error"]["code"]) == (422, "validation_error")
    bad = await client.get(url.format(mine) + "&granularity=week")
    assert bad.status_code == 422


async def test_the_events_consumer_meters_call_ended(harness: Harness) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    now = datetime.now(UTC).replace(microsecond=0)
    event = ended(tenant_id, "via-stream", now - timedelta(seconds=130), 130.0)
    for _ in range(2):
        await redis.xadd(EVENTS_STREAM, {EVENT_FIELD: event.model_dump_json()})
    url = f"/v1/tenants/{tenant_id}/usage"
    async with asyncio.timeout(10):
        while (await ok(client.get(url)))["totals"]["calls"] == 0:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
    report = await ok(client.get(url))
    assert _usage(report) == (1, 130.0, 3, 0, 0)
    metrics = (await client.get("/metrics")).text
    assert f'switchboard_usage_billable_minutes_total{{tenant_id="{tenant_id}"}} 3.0' in metrics
