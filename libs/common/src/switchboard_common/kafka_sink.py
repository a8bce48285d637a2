"""Kafka event sink: call, audit and usage events keyed by tenant, buffered through outages."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from aiokafka import AIOKafkaProducer  # type: ignore[import-untyped]
from aiokafka.errors import KafkaError  # type: ignore[import-untyped]
from prometheus_client import CollectorRegistry, Counter, Gauge
from pydantic import BaseModel, Field, SecretStr

from switchboard_common.contract.events import CallEnded, CallStarted, CallTurn
from switchboard_common.contract.usage import UsageRecord as UsageRecord

TopicKey = Literal["calls", "audit", "usage"]
TOPICS: dict[TopicKey, str] = {
    "calls": "switchboard.calls",
    "audit": "switchboard.audit",
    "usage": "switchboard.usage",
}
_MAX_BATCH_MESSAGES = 500
_MAX_BACKOFF_S = 5.0

logger = logging.getLogger(__name__)


class KafkaSettings(BaseModel):
    """Kafka connection and delivery settings (nested as ``<PREFIX>KAFKA__<FIELD>``)."""

    enabled: bool = False
    bootstrap_servers: str = Field(
        default="127.0.0.1:9092", description="Comma-separated host:port list"
    )
    client_id: str = "switchboard"
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    enable_idempotence: bool = Field(
        default=True, description="Exactly-once per partition; needs broker InitProducerId support"
    )
    buffer_max_messages: int = Field(
        default=10_000, ge=1, description="Messages held while the broker is away; then rejected"
    )
    request_timeout_ms: int = Field(default=30_000, ge=1)
    retry_backoff_ms: int = Field(default=200, ge=1)
    linger_ms: int = Field(default=5, ge=0)
    consumer_group: str = "control-plane"


def producer_options(settings: KafkaSettings) -> dict[str, Any]:
    """The ``AIOKafkaProducer`` keyword arguments: acks=all, idempotent unless turned off."""
    options: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers.split(","),
        "client_id": settings.client_id,
        "acks": "all",
        "enable_idempotence": settings.enable_idempotence,
        "request_timeout_ms": settings.request_timeout_ms,
        "retry_backoff_ms": settings.retry_backoff_ms,
        "linger_ms": settings.linger_ms,
    }
    return options | connection_options(settings)


def connection_options(settings: KafkaSettings) -> dict[str, Any]:
    """Security options shared by producers and consumers."""
    options: dict[str, Any] = {"security_protocol": settings.security_protocol}
    if settings.sasl_mechanism is not None:
        options["sasl_mechanism"] = settings.sasl_mechanism
        options["sasl_plain_username"] = settings.sasl_username
        if settings.sasl_password is not None:
            options["sasl_plain_password"] = settings.sasl_password.get_secret_value()
    return options


class KafkaBufferFullError(Exception):
    """The broker has been away so long that the bounded buffer is full; the event is refused."""


class TopicPublisher(Protocol):
    """Publishes one JSON payload to a Switchboard topic, keyed by tenant (ordered per tenant)."""

    async def publish(self, topic_key: TopicKey, tenant_id: str, payload_json: str) -> None: ...


@dataclass(frozen=True, slots=True)
class _Outgoing:
    topic: str
    key: bytes
    value: bytes


class _Metrics:
    def __init__(self, registry: CollectorRegistry, buffered: Callable[[], int]) -> None:
        self.delivered = Counter(
            "switchboard_kafka_delivered_total",
            "Messages acknowledged by Kafka",
            ["topic"],
            registry=registry,
        )
        self.rejected = Counter(
            "switchboard_kafka_rejected_total",
            "Messages refused because the delivery buffer was full",
            ["topic"],
            registry=registry,
        )
        self.retries = Counter(
            "switchboard_kafka_delivery_retries_total",
            "Message sends that failed and were retried",
            registry=registry,
        )
        self.buffered = Gauge(
            "switchboard_kafka_buffered_messages",
            "Messages waiting for delivery",
            registry=registry,
        )
        self.buffered.set_function(lambda: float(buffered()))


class KafkaEventProducer:
    """Delivers messages in the background, retrying until Kafka acknowledges each one.

    ``publish`` only enqueues: it never waits for the broker. While the broker is away messages
    wait in a buffer of ``buffer_max_messages``; past that ``publish`` raises
    ``KafkaBufferFullError`` and ``switchboard_kafka_rejected_total`` counts the loss. Messages
    with the same tenant key keep their order (one partition per key, retried in order).
    """

    def __init__(
        self,
        settings: KafkaSettings,
        *,
        registry: CollectorRegistry | None = None,
        producer_factory: Callable[[], AIOKafkaProducer] | None = None,
    ) -> None:
        self._settings = settings
        self._queue: asyncio.Queue[_Outgoing] = asyncio.Queue(settings.buffer_max_messages)
        self._metrics = _Metrics(registry or CollectorRegistry(), self._queue.qsize)
        self._factory = producer_factory or (lambda: AIOKafkaProducer(**producer_options(settings)))
        self._producer: AIOKafkaProducer | None = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Starts the delivery task; the broker may still be unreachable."""
        if self._task is None:
            self._task = asyncio.create_task(self._deliver_forever(), name="kafka-delivery")

    async def publish(self, topic_key: TopicKey, tenant_id: str, payload_json: str) -> None:
        topic = TOPICS[topic_key]
        message = _Outgoing(topic, tenant_id.encode(), payload_json.encode())
        try:
            self._queue.put_nowait(message)
        except asyncio.QueueFull:
            self._metrics.rejected.labels(topic=topic).inc()
            logger.error("kafka buffer full", extra={"fields": {"topic": topic}})
            raise KafkaBufferFullError(
                f"{topic}: {self._queue.maxsize} messages await delivery"
            ) from None

    async def flush(self, timeout_s: float) -> None:
        """Waits until every published message is acknowledged (TimeoutError past ``timeout_s``)."""
        async with asyncio.timeout(timeout_s):
            await self._queue.join()

    async def close(self, timeout_s: float = 10.0) -> None:
        """Delivers what is buffered (up to ``timeout_s``), then stops; leftovers are logged."""
        with contextlib.suppress(TimeoutError):
            await self.flush(timeout_s)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if not self._queue.empty():
            logger.error("kafka messages undelivered", extra={"fields": {"count": self.buffered}})
        await self._reset_producer()

    @property
    def buffered(self) -> int:
        return self._queue.qsize()

    async def _deliver_forever(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while len(batch) < _MAX_BATCH_MESSAGES and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                await self._deliver(batch)
            finally:
                for _ in batch:
                    self._queue.task_done()

    async def _deliver(self, batch: list[_Outgoing]) -> None:
        pending, backoff_s = batch, self._settings.retry_backoff_ms / 1000
        while pending:
            producer = await self._ready_producer()
            pending = await self._send(producer, pending)
            if pending:
                self._metrics.retries.inc(len(pending))
                await asyncio.sleep(backoff_s)
                backoff_s = min(backoff_s * 2, _MAX_BACKOFF_S)

    async def _send(self, producer: AIOKafkaProducer, batch: list[_Outgoing]) -> list[_Outgoing]:
        """Sends a batch; returns the messages that failed, in their original order."""
        sent: list[tuple[int, asyncio.Future[Any]]] = []
        failed: list[int] = []
        for index, message in enumerate(batch):
            try:
                future = await producer.send(message.topic, message.value, key=message.key)
            except KafkaError as exc:
                await self._note_failure(exc)
                failed.append(index)
            else:
                sent.append((index, future))
        results = await asyncio.gather(*(future for _, future in sent), return_exceptions=True)
        for (index, _), result in zip(sent, results, strict=True):
            if isinstance(result, BaseException):
                await self._note_failure(result)
                failed.append(index)
            else:
                self._metrics.delivered.labels(topic=batch[index].topic).inc()
        return [batch[index] for index in sorted(failed)]

    async def _note_failure(self, exc: BaseException) -> None:
        logger.warning("kafka send failed", extra={"fields": {"error": type(exc).__name__}})
        if not (isinstance(exc, KafkaError) and exc.retriable):
            await self._reset_producer()

    async def _ready_producer(self) -> AIOKafkaProducer:
        backoff_s = self._settings.retry_backoff_ms / 1000
        while self._producer is None:
            producer = self._factory()
            try:
                await producer.start()
            except KafkaError as exc:
                logger.warning("kafka unreachable", extra={"fields": {"error": type(exc).__name__}})
                await producer.stop()
                await asyncio.sleep(backoff_s)
                backoff_s = min(backoff_s * 2, _MAX_BACKOFF_S)
            else:
                self._producer = producer
        return self._producer

    async def _reset_producer(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(KafkaError):
                await producer.stop()


class KafkaCallEventSink:
    """The runtime's ``EventSink`` over Kafka: every event to ``switchboard.calls``, keyed by
    tenant; a ``CallEnded`` also yields a ``UsageRecord`` on ``switchboard.usage``."""

    def __init__(self, publisher: TopicPublisher) -> None:
        self._publisher = publisher

    async def publish(self, event: CallStarted | CallTurn | CallEnded) -> None:
        await self._publisher.publish("calls", event.tenant_id, event.model_dump_json())
        if isinstance(event, CallEnded):
            usage = event.usage_record()
            await self._publisher.publish("usage", event.tenant_id, usage.model_dump_json())
