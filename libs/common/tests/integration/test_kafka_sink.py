"""Call, usage and audit events through a real Kafka-protocol broker, including a broker restart."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from prometheus_client import CollectorRegistry

from switchboard_common.contract.events import CallEnded, CallStarted, CallTurn
from switchboard_common.kafka_sink import (
    KafkaCallEventSink,
    KafkaEventProducer,
    KafkaSettings,
    UsageRecord,
)
from switchboard_common.kafka_source import consume_call_events
from switchboard_common.kafka_testing import read_records

from .conftest import TansuBroker

pytestmark = pytest.mark.integration

_DEADLINE_S = 60.0
NOW = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


def _settings(broker: TansuBroker, retry_backoff_ms: int = 50) -> KafkaSettings:
    # Tansu's in-memory engine answers InitProducerId with an error, so the idempotent producer
    # (the production default, see the unit tests) cannot run against it; acks=all still holds.
    return KafkaSettings(
        enabled=True,
        bootstrap_servers=broker.bootstrap_servers,
        enable_idempotence=False,
        request_timeout_ms=2000,
        retry_backoff_ms=retry_backoff_ms,
        consumer_group=f"test-{uuid.uuid4().hex}",
    )


@pytest.fixture
async def producer(kafka_broker: TansuBroker) -> AsyncIterator[KafkaEventProducer]:
    sink = KafkaEventProducer(_settings(kafka_broker), registry=CollectorRegistry())
    await sink.start()
    yield sink
    await sink.close(timeout_s=5)


def _call_events(tenant_id: str, call_id: str) -> list[CallStarted | CallTurn | CallEnded]:
    common = {"tenant_id": tenant_id, "call_id": call_id, "occurred_at": NOW}
    return [
        CallStarted(
            event_id=f"{call_id}-1",
            agent_id="agent-1",
            agent_version=3,
            number_id="num-1",
            carrier="twilio",
            carrier_call_id="CA123",
            from_number="+15550001111",
            to_number="+15550002222",
            **common,
        ),
        CallTurn(
            event_id=f"{call_id}-2", turn_index=0, caller_text="hi", agent_text="hello", **common
        ),
        CallEnded(
            event_id=f"{call_id}-3",
            reason="caller_hangup",
            started_at=NOW,
            duration_s=61.5,
            turns=1,
            **common,
        ),
    ]


async def test_call_events_round_trip_through_kafka(
    kafka_broker: TansuBroker, producer: KafkaEventProducer
) -> None:
    tenant_id = f"t-{uuid.uuid4().hex[:8]}"
    sent = _call_events(tenant_id, "call-rt")
    sink = KafkaCallEventSink(producer)
    for event in sent:
        await sink.publish(event)
    await producer.flush(timeout_s=_DEADLINE_S)

    received: list[CallStarted | CallTurn | CallEnded] = []
    events = consume_call_events(_settings(kafka_broker))
    async with asyncio.timeout(_DEADLINE_S):
        async for event in events:
            if event.tenant_id == tenant_id:
                received.append(event)
            if len(received) == len(sent):
                break
    await events.aclose()
    assert received == sent

    usage = await read_records(
        kafka_broker,
        "switchboard.usage",
        lambda r: r.key == tenant_id.encode(),
        1,
        deadline_s=_DEADLINE_S,
    )
    record = UsageRecord.model_validate_json(usage[0].value)
    assert (record.call_id, record.billable_minutes, record.event_id) == (
        "call-rt",
        2,
        "call-rt-3:usage",
    )


async def test_messages_are_keyed_by_tenant_and_keep_order_per_tenant(
    kafka_broker: TansuBroker, producer: KafkaEventProducer
) -> None:
    run = uuid.uuid4().hex[:8]
    tenants = [f"{run}-{n}" for n in range(4)]
    for seq in range(5):
        for tenant in tenants:
            await producer.publish("audit", tenant, f'{{"tenant": "{tenant}", "seq": {seq}}}')
    await producer.flush(timeout_s=_DEADLINE_S)

    records = await read_records(
        kafka_broker,
        "switchboard.audit",
        lambda r: r.key.decode().startswith(run),
        20,
        deadline_s=_DEADLINE_S,
    )
    for tenant in tenants:
        mine = [r for r in records if r.key == tenant.encode()]
        assert len({r.partition for r in mine}) == 1
        assert [r.value for r in mine] == [
            f'{{"tenant": "{tenant}", "seq": {seq}}}'.encode() for seq in range(5)
        ]


async def test_nothing_is_lost_while_the_broker_is_briefly_away(kafka_broker: TansuBroker) -> None:
    # A slower reconnect lets the restarted broker create its topics before the producer returns.
    producer = KafkaEventProducer(_settings(kafka_broker, retry_backoff_ms=1000))
    await producer.start()
    tenant_id = f"away-{uuid.uuid4().hex[:8]}"
    await producer.publish("calls", tenant_id, '{"seq": -1}')
    await producer.flush(timeout_s=_DEADLINE_S)

    kafka_broker.stop()
    try:
        for seq in range(30):
            await producer.publish("calls", tenant_id, f'{{"seq": {seq}}}')
        with pytest.raises(TimeoutError):
            await producer.flush(timeout_s=0.5)
    finally:
        kafka_broker.start()
    await producer.flush(timeout_s=_DEADLINE_S)
    await producer.close()

    # The in-memory broker forgot what it held before the restart; everything sent while it was
    # away must arrive after it, in order.
    records = await read_records(
        kafka_broker,
        "switchboard.calls",
        lambda r: r.key == tenant_id.encode(),
        30,
        deadline_s=_DEADLINE_S,
    )
    assert [r.value for r in records] == [f'{{"seq": {seq}}}'.encode() for seq in range(30)]
