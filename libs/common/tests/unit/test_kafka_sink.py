"""Kafka sink settings, the bounded buffer and the call-event adapter, without a broker."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from prometheus_client import CollectorRegistry
from pydantic import SecretStr

from switchboard_common.contract.events import CallEnded, CallTurn
from switchboard_common.kafka_sink import (
    KafkaBufferFullError,
    KafkaCallEventSink,
    KafkaEventProducer,
    KafkaSettings,
    TopicKey,
    UsageRecord,
    producer_options,
)

NOW = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


class RecordingPublisher:
    def __init__(self) -> None:
        self.sent: list[tuple[TopicKey, str, str]] = []

    async def publish(self, topic_key: TopicKey, tenant_id: str, payload_json: str) -> None:
        self.sent.append((topic_key, tenant_id, payload_json))


def test_producer_is_idempotent_and_waits_for_all_replicas_by_default() -> None:
    options = producer_options(KafkaSettings(bootstrap_servers="k1:9092,k2:9092"))
    assert options["acks"] == "all"
    assert options["enable_idempotence"] is True
    assert options["bootstrap_servers"] == ["k1:9092", "k2:9092"]
    assert "sasl_plain_password" not in options


def test_sasl_credentials_reach_the_producer() -> None:
    settings = KafkaSettings(
        security_protocol="SASL_SSL",
        sasl_mechanism="SCRAM-SHA-512",
        sasl_username="sb",
        sasl_password=SecretStr("pw"),
    )
    options = producer_options(settings)
    assert (options["sasl_plain_username"], options["sasl_plain_password"]) == ("sb", "pw")


async def test_full_buffer_refuses_the_event_and_counts_it() -> None:
    registry = CollectorRegistry()
    sink = KafkaEventProducer(KafkaSettings(buffer_max_messages=2), registry=registry)
    await sink.publish("calls", "t1", "{}")
    await sink.publish("calls", "t1", "{}")
    with pytest.raises(KafkaBufferFullError):
        await sink.publish("calls", "t1", "{}")
    rejected = registry.get_sample_value(
        "switchboard_kafka_rejected_total", {"topic": "switchboard.calls"}
    )
    assert rejected == 1.0
    assert registry.get_sample_value("switchboard_kafka_buffered_messages") == 2.0


async def test_call_ended_also_publishes_a_usage_record() -> None:
    publisher = RecordingPublisher()
    ended = CallEnded(
        event_id="e3",
        tenant_id="t1",
        call_id="c1",
        occurred_at=NOW,
        reason="agent_hangup",
        started_at=NOW,
        duration_s=120.0,
        turns=4,
    )
    await KafkaCallEventSink(publisher).publish(ended)
    assert [(topic, tenant) for topic, tenant, _ in publisher.sent] == [
        ("calls", "t1"),
        ("usage", "t1"),
    ]
    usage = UsageRecord.model_validate_json(publisher.sent[1][2])
    assert (usage.event_id, usage.billable_minutes, usage.turns) == ("e3:usage", 2, 4)


async def test_a_turn_goes_to_the_calls_topic_only() -> None:
    publisher = RecordingPublisher()
    turn = CallTurn(
        event_id="e2",
        tenant_id="t1",
        call_id="c1",
        occurred_at=NOW,
        turn_index=0,
        caller_text="hi",
        agent_text="hello",
    )
    await KafkaCallEventSink(publisher).publish(turn)
    assert [topic for topic, _, _ in publisher.sent] == ["calls"]
    assert CallTurn.model_validate_json(publisher.sent[0][2]) == turn
