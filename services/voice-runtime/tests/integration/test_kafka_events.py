"""With Kafka enabled, the runtime's call events reach the Redis stream and switchboard.calls."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiokafka import ConsumerRecord  # type: ignore[import-untyped]
from fastapi import FastAPI
from redis.asyncio import Redis

from switchboard_common.contract import CallEnded, CallStarted, keys, parse_call_event
from switchboard_common.kafka_sink import KafkaSettings, UsageRecord
from switchboard_common.kafka_testing import TansuBroker, read_records, start_tansu
from switchboard_common.test_endpoints import redis_url
from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.runtime import Runtime
from switchboard_voice_runtime.settings import Settings

pytestmark = pytest.mark.integration

REDIS_URL = redis_url(8)
DEADLINE_S = 30.0
NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def kafka_broker() -> Iterator[TansuBroker]:
    broker = start_tansu()
    yield broker
    broker.stop()


@pytest.fixture
async def redis7() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    await client.flushdb()
    yield client
    await client.flushdb()
    await client.aclose()


@pytest.fixture
async def app(
    kafka_broker: TansuBroker, redis7: Redis, make_settings: Callable[..., Settings]
) -> AsyncIterator[FastAPI]:
    # Tansu refuses InitProducerId, so the idempotent producer (the default) is off here.
    kafka = KafkaSettings(
        enabled=True,
        bootstrap_servers=kafka_broker.bootstrap_servers,
        enable_idempotence=False,
        request_timeout_ms=2000,
        retry_backoff_ms=50,
    )
    app = create_app(make_settings(redis_url=REDIS_URL, kafka=kafka))
    async with app.router.lifespan_context(app):
        yield app


def _events(tenant_id: str) -> tuple[CallStarted, CallEnded]:
    common = {"tenant_id": tenant_id, "call_id": "c1", "occurred_at": NOW}
    started = CallStarted(
        event_id="c1-start",
        agent_id="a1",
        agent_version=1,
        number_id="n1",
        carrier="twilio",
        carrier_call_id="CA1",
        from_number="+15550001111",
        to_number="+15550002222",
        **common,
    )
    ended = CallEnded(
        event_id="c1-end",
        reason="caller_hangup",
        started_at=NOW,
        duration_s=75.0,
        turns=2,
        **common,
    )
    return started, ended


async def _read(
    broker: TansuBroker, topic: str, key: bytes, count: int
) -> list[ConsumerRecord[bytes, bytes]]:
    return await read_records(broker, topic, lambda r: r.key == key, count, deadline_s=DEADLINE_S)


async def _stream_event_ids(redis: Redis, count: int) -> list[str]:
    ids: list[str] = []
    last_id = "0"
    async with asyncio.timeout(DEADLINE_S):
        while len(ids) < count:
            response: Any = await redis.xread({keys.EVENTS_STREAM: last_id}, block=500)
            for _stream, entries in response:
                for entry_id, fields in entries:
                    last_id = entry_id
                    ids.append(parse_call_event(fields[keys.EVENT_FIELD.encode()]).event_id)
    return ids


async def test_runtime_events_go_to_redis_and_kafka(
    app: FastAPI, kafka_broker: TansuBroker, redis7: Redis
) -> None:
    tenant_id = f"t-{uuid.uuid4().hex[:8]}"
    runtime: Runtime = app.state.runtime
    for event in _events(tenant_id):
        await runtime.events.publish(event)

    calls = await _read(kafka_broker, "switchboard.calls", tenant_id.encode(), 2)
    assert [parse_call_event(r.value).event_id for r in calls] == ["c1-start", "c1-end"]
    usage = await _read(kafka_broker, "switchboard.usage", tenant_id.encode(), 1)
    record = UsageRecord.model_validate_json(usage[0].value)
    assert (record.call_id, record.billable_minutes, record.turns) == ("c1", 2, 2)

    assert await _stream_event_ids(redis7, 2) == ["c1-start", "c1-end"]
    registry = app.state.registry
    delivered = registry.get_sample_value(
        "switchboard_kafka_delivered_total", {"topic": "switchboard.calls"}
    )
    assert delivered == 2.0
