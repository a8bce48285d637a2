"""Consumes ``sb:v1:events`` (group ``control-plane``): store, commit, then acknowledge."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from typing import Any

from pydantic import ValidationError
from redis.asyncio import Redis
from redis.exceptions import RedisError, ResponseError

from switchboard_common.contract import parse_call_event
from switchboard_common.contract.keys import EVENT_FIELD, EVENTS_CONSUMER_GROUP, EVENTS_STREAM
from switchboard_control_plane.calls.store import store_event
from switchboard_control_plane.db.session import SessionFactory
from switchboard_control_plane.usage.meter import UsageMeter

logger = logging.getLogger("switchboard.control_plane.events")
MAX_BACKOFF_S = 2.0


class EventsConsumer:
    """At-least-once delivery made exactly-once in effect by the processed-events table.

    Entries are acknowledged only after their database commit; entries another consumer took
    but never acknowledged (it crashed) are reclaimed with XAUTOCLAIM once idle for
    ``claim_idle_ms``. Entries that are not valid events are logged and acknowledged.
    """

    def __init__(
        self,
        sessions: SessionFactory,
        redis: Redis,
        *,
        consumer_name: str | None = None,
        claim_idle_ms: int = 30_000,
        block_ms: int = 1_000,
        batch: int = 100,
        meter: UsageMeter | None = None,
    ) -> None:
        self._sessions = sessions
        self._meter = meter
        self._redis = redis
        self.name = consumer_name or f"{socket.gethostname()}-{os.getpid()}"
        self._claim_idle_ms = claim_idle_ms
        self._block_ms = block_ms
        self._batch = batch

    async def ensure_group(self) -> None:
        try:
            await self._redis.xgroup_create(
                EVENTS_STREAM, EVENTS_CONSUMER_GROUP, id="0", mkstream=True
            )
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def run(self) -> None:
        backoff_s = 0.05
        while True:
            try:
                await self.ensure_group()
                while True:
                    await self.step()
                    backoff_s = 0.05
            except (RedisError, OSError):
                logger.warning("events.redis_unavailable", extra={"fields": {"retry_s": backoff_s}})
                await asyncio.sleep(backoff_s)
                backoff_s = min(backoff_s * 2, MAX_BACKOFF_S)

    async def step(self) -> int:
        """Handles reclaimed entries, then one blocking read; returns how many it handled."""
        entries = await self._reclaim()
        response = await self._redis.xreadgroup(
            EVENTS_CONSUMER_GROUP,
            self.name,
            {EVENTS_STREAM: ">"},
            count=self._batch,
            block=self._block_ms,
        )
        stream_entries: list[Any] = list(response or [])
        for _stream, fresh in stream_entries:
            entries.extend(fresh)
        for entry_id, fields in entries:
            await self.handle(entry_id, fields)
        return len(entries)

    async def _reclaim(self) -> list[tuple[Any, dict[Any, Any]]]:
        result = await self._redis.xautoclaim(
            EVENTS_STREAM,
            EVENTS_CONSUMER_GROUP,
            self.name,
            min_idle_time=self._claim_idle_ms,
            start_id="0-0",
            count=self._batch,
        )
        return [entry for entry in result[1] if entry[1]]

    async def handle(self, entry_id: Any, fields: dict[Any, Any]) -> None:
        raw = fields.get(EVENT_FIELD.encode()) or fields.get(EVENT_FIELD)
        try:
            event = parse_call_event(raw if raw is not None else b"")
        except ValidationError:
            logger.warning("events.invalid", extra={"fields": {"entry_id": str(entry_id)}})
        else:
            async with self._sessions() as session:
                await store_event(session, event, self._meter)
        await self._redis.xack(EVENTS_STREAM, EVENTS_CONSUMER_GROUP, entry_id)
