"""Reads call events back from ``switchboard.calls`` for the control plane (at-least-once)."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, Callable

from aiokafka import AIOKafkaConsumer, TopicPartition  # type: ignore[import-untyped]
from aiokafka.structs import OffsetAndMetadata  # type: ignore[import-untyped]
from pydantic import ValidationError

from switchboard_common.contract.events import CallEnded, CallStarted, CallTurn, parse_call_event
from switchboard_common.kafka_sink import TOPICS, KafkaSettings, connection_options

logger = logging.getLogger(__name__)


def consumer_options(settings: KafkaSettings) -> dict[str, object]:
    """``AIOKafkaConsumer`` keyword arguments: consumer group, manual commits, from the start."""
    return {
        "bootstrap_servers": settings.bootstrap_servers.split(","),
        "client_id": settings.client_id,
        "group_id": settings.consumer_group,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        **connection_options(settings),
    }


async def consume_call_events(
    settings: KafkaSettings,
    *,
    consumer_factory: Callable[[], AIOKafkaConsumer] | None = None,
) -> AsyncGenerator[CallStarted | CallTurn | CallEnded]:
    """Yields call events from ``switchboard.calls`` in the settings' consumer group.

    An event's offset is committed when the caller asks for the next one, so an event the caller
    did not finish handling (crash, cancellation) is read again: handlers must dedupe on
    ``event_id``. Messages that are not valid events are logged and skipped. Closing the iterator
    (``aclose`` or leaving ``async for``) stops the consumer.
    """
    consumer = (consumer_factory or _default_consumer(settings))()
    await consumer.start()
    try:
        async for record in consumer:
            partition = TopicPartition(record.topic, record.partition)
            event = _parse(record.value, partition, record.offset)
            if event is not None:
                yield event
            await consumer.commit({partition: OffsetAndMetadata(record.offset + 1, "")})
    finally:
        await consumer.stop()


def _default_consumer(settings: KafkaSettings) -> Callable[[], AIOKafkaConsumer]:
    return lambda: AIOKafkaConsumer(TOPICS["calls"], **consumer_options(settings))


def _parse(
    value: bytes | None, partition: TopicPartition, offset: int
) -> CallStarted | CallTurn | CallEnded | None:
    try:
        return parse_call_event(value or b"")
    except ValidationError as exc:
        logger.warning(
            "invalid call event skipped",
            extra={
                "fields": {
                    "partition": partition.partition,
                    "offset": offset,
                    "errors": exc.error_count(),
                }
            },
        )
        return None
