"""Call events to the ``sb:v1:events`` stream, through a bounded buffer that rides out outages."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable, Sequence

from redis.asyncio import Redis
from redis.exceptions import RedisError

from switchboard_common.contract import CallEnded, CallStarted, CallTurn, keys
from switchboard_voice_runtime.call.ports import EventSink

logger = logging.getLogger(__name__)

_BATCH = 100
_RETRY_DELAYS_S = (0.1, 0.25, 0.5, 1.0, 2.0)


class RedisEventSink:
    """EventSink: ``publish`` only queues; a background task XADDs in order and retries.

    When the buffer is full the oldest event is dropped, counted through ``on_drop`` and logged as
    an error; nothing else is ever lost to a Redis outage while the process lives.
    """

    def __init__(
        self,
        redis: Redis,
        *,
        buffer_size: int = 10_000,
        stream_maxlen: int | None = 1_000_000,
        on_drop: Callable[[], None] | None = None,
    ) -> None:
        self._redis = redis
        self._buffer: deque[str] = deque()
        self._buffer_size = buffer_size
        self._maxlen = stream_maxlen
        self._on_drop = on_drop
        self._wake = asyncio.Event()
        self._empty = asyncio.Event()
        self._empty.set()
        self._task: asyncio.Task[None] | None = None

    @property
    def pending(self) -> int:
        return len(self._buffer)

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="event-sink-writer")

    async def publish(self, event: CallStarted | CallTurn | CallEnded) -> None:
        if len(self._buffer) >= self._buffer_size:
            self._buffer.popleft()
            logger.error("events.dropped_oldest", extra={"fields": {"buffer": self._buffer_size}})
            if self._on_drop is not None:
                self._on_drop()
        self._buffer.append(event.model_dump_json())
        self._empty.clear()
        self._wake.set()

    async def flush(self, timeout_s: float) -> bool:
        """Waits until every queued event is written; False when ``timeout_s`` ran out first."""
        try:
            async with asyncio.timeout(timeout_s):
                await self._empty.wait()
        except TimeoutError:
            return False
        return True

    async def close(self, timeout_s: float = 2.0) -> None:
        """Writes what it can within ``timeout_s``, then stops; what is left is logged."""
        if self._task is None:
            return
        await self.flush(timeout_s)
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        self._task = None
        if self._buffer:
            logger.error("events.unwritten_at_exit", extra={"fields": {"count": len(self._buffer)}})

    async def _run(self) -> None:
        failures = 0
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._buffer:
                try:
                    await self._write_batch()
                    failures = 0
                except (RedisError, OSError):
                    delay_s = _RETRY_DELAYS_S[min(failures, len(_RETRY_DELAYS_S) - 1)]
                    if failures == 0:
                        logger.warning(
                            "events.redis_unavailable",
                            extra={"fields": {"pending": len(self._buffer)}},
                        )
                    failures += 1
                    await asyncio.sleep(delay_s)
            self._empty.set()

    async def _write_batch(self) -> None:
        batch = [self._buffer[i] for i in range(min(_BATCH, len(self._buffer)))]
        async with self._redis.pipeline(transaction=False) as pipe:
            for payload in batch:
                pipe.xadd(
                    keys.EVENTS_STREAM,
                    {keys.EVENT_FIELD: payload},
                    maxlen=self._maxlen,
                    approximate=True,
                )
            await pipe.execute()
        # Drops may have removed items from the front meanwhile; remove only what was written.
        for payload in batch:
            if self._buffer and self._buffer[0] is payload:
                self._buffer.popleft()


class FanOutEventSink:
    """EventSink: each event to the primary sink (the Redis stream), then to every mirror (Kafka).

    A mirror that raises (its own buffer full, a bug) is logged and skipped: it never reaches the
    call nor keeps the event from the primary. Mirrors count their own losses in their metrics.
    """

    def __init__(self, primary: EventSink, mirrors: Sequence[EventSink]) -> None:
        self._primary = primary
        self._mirrors = tuple(mirrors)

    async def publish(self, event: CallStarted | CallTurn | CallEnded) -> None:
        await self._primary.publish(event)
        for mirror in self._mirrors:
            try:
                await mirror.publish(event)
            except Exception as exc:  # a mirror must never break a call
                logger.warning(
                    "events.mirror_failed",
                    extra={"fields": {"event": event.type, "error": type(exc).__name__}},
                )
