"""With Kafka: audit entries reach switchboard.audit; calls can come from switchboard.calls."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer  # type: ignore[import-untyped]
from redis.asyncio import Redis

from switchboard_common.kafka_sink import KafkaCallEventSink, KafkaEventProducer, KafkaSettings
from switchboard_common.kafka_testing import TansuBroker, start_tansu
from switchboard_common.test_endpoints import database_name, database_url, redis_url
from switchboard_control_plane.db.migrate import upgrade
from tests.integration.builders import ok, tenant
from tests.integration.conftest import (
    Harness,
    drop_database,
    ensure_database,
    make_settings,
    start_harness,
)
from tests.integration.test_calls import call_events, wait_for_call

pytestmark = pytest.mark.integration

KAFKA_DB = database_name("switchboard_cp_kafka")
KAFKA_DATABASE_URL = database_url("switchboard_cp_kafka")
REDIS_URL = redis_url(7)
DEADLINE_S = 30.0


@pytest.fixture(scope="module")
def kafka_broker() -> Iterator[TansuBroker]:
    broker = start_tansu()
    yield broker
    broker.stop()


@pytest.fixture(scope="module")
def kafka_database() -> Iterator[str]:
    asyncio.run(ensure_database(KAFKA_DB, fresh=True))
    upgrade(KAFKA_DATABASE_URL)
    yield KAFKA_DATABASE_URL
    asyncio.run(drop_database(KAFKA_DB))


def _kafka(broker: TansuBroker) -> KafkaSettings:
    # Tansu refuses InitProducerId, so the idempotent producer (the default) is off here.
    return KafkaSettings(
        enabled=True,
        bootstrap_servers=broker.bootstrap_servers,
        enable_idempotence=False,
        request_timeout_ms=2000,
        retry_backoff_ms=50,
        consumer_group=f"cp-{uuid.uuid4().hex}",
    )


@pytest.fixture
async def redis7() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    await client.flushdb()
    yield client
    await client.flushdb()
    await client.aclose()


@asynccontextmanager
async def _harness(database_url: str, redis: Redis, **overrides: Any) -> AsyncIterator[Harness]:
    settings = make_settings(database_url, redis_url=REDIS_URL, **overrides)
    harness, lifespan = await start_harness(settings, redis)
    yield harness
    await harness.client.aclose()
    await lifespan.__aexit__(None, None, None)


async def _audit_records(broker: TansuBroker, key: bytes) -> list[dict[str, Any]]:
    consumer = AIOKafkaConsumer(
        "switchboard.audit",
        bootstrap_servers=broker.bootstrap_servers,
        group_id=f"reader-{uuid.uuid4().hex}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        async with asyncio.timeout(DEADLINE_S):
            while True:
                batches = await consumer.getmany(timeout_ms=500)
                found = [r for rs in batches.values() for r in rs if r.key == key]
                if found:
                    return [json.loads(r.value) for r in found]
    finally:
        await consumer.stop()


async def test_a_committed_audit_entry_reaches_switchboard_audit(
    kafka_broker: TansuBroker, kafka_database: str, redis7: Redis
) -> None:
    async with _harness(kafka_database, redis7, kafka=_kafka(kafka_broker)) as harness:
        tenant_id = await tenant(harness.client, "Kafka Audit")
        entries = await ok(harness.client.get(f"/v1/tenants/{tenant_id}/audit"))
    records = await _audit_records(kafka_broker, tenant_id.encode())
    assert [(r["action"], r["seq"], r["target"]) for r in records] == [
        ("tenant.created", 1, tenant_id)
    ]
    assert records[0]["hash"] == entries["items"][0]["hash"]


async def test_events_source_kafka_stores_calls_from_switchboard_calls(
    kafka_broker: TansuBroker, kafka_database: str, redis7: Redis
) -> None:
    kafka = _kafka(kafka_broker)
    async with _harness(kafka_database, redis7, kafka=kafka, events_source="kafka") as harness:
        tenant_id = await tenant(harness.client, "Kafka Calls")
        producer = KafkaEventProducer(kafka)
        await producer.start()
        sink = KafkaCallEventSink(producer)
        for event in call_events(tenant_id, f"call-{uuid.uuid4().hex[:6]}"):
            await sink.publish(event)
        await producer.close()
        call = await wait_for_call(harness, tenant_id, event.call_id, 2)
        assert call["outcome"] == "answered" and call["duration_s"] == 90.0
        listing = await ok(harness.client.get(f"/v1/tenants/{tenant_id}/calls"))
        assert [c["id"] for c in listing["items"]] == [event.call_id]
