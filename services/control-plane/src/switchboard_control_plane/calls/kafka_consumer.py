"""Consumes call events from Kafka (``switchboard.calls``) instead of the Redis stream."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable

from switchboard_common.contract import CallEnded, CallStarted, CallTurn
from switchboard_common.kafka_sink import KafkaSettings
from switchboard_common.kafka_source import consume_call_events
from switchboard_control_plane.calls.store import store_event
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.usage.meter import UsageMeter

EventStream = AsyncGenerator[CallStarted | CallTurn | CallEnded]


class KafkaEventsConsumer:
    """Stores each event (idempotent on its event id), then lets its offset be committed.

    An event whose store failed is read again after the supervisor restarts ``run``: its offset
    is committed only when the next one is asked for.
    """

    def __init__(
        self,
        sessions: SessionFactory,
        settings: KafkaSettings,
        *,
        source: Callable[[KafkaSettings], EventStream] = consume_call_events,
        meter: UsageMeter | None = None,
    ) -> None:
        self._sessions = sessions
        self._meter = meter
        self._settings = settings
        self._source = source

    async def run(self) -> None:
        events = self._source(self._settings)
        try:
            async for event in events:
                async with self._sessions() as session:
                    await store_event(session, event, self._meter)
        finally:
            await events.aclose()
