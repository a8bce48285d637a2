"""Runs blocking inference (speech models) on a bounded thread pool with a bounded wait queue,
and the gauges that show its load."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from prometheus_client import CollectorRegistry, Gauge

T = TypeVar("T")


class QueueFullError(Exception):
    """Every worker is busy and the wait queue is full."""


class InferencePool:
    """At most `max_concurrency` jobs run at once; at most `max_queue` more wait.

    A job counts until its thread finishes, even when the awaiting task is cancelled (a thread
    cannot be stopped), so the limits hold for the work actually running.
    """

    def __init__(
        self,
        max_concurrency: int,
        max_queue: int,
        *,
        on_change: Callable[[int, int], None] | None = None,
        thread_name_prefix: str = "inference",
    ) -> None:
        self.max_concurrency = max_concurrency
        self.max_queue = max_queue
        self._pending = 0
        self._on_change = on_change
        self._executor = ThreadPoolExecutor(max_concurrency, thread_name_prefix=thread_name_prefix)

    @property
    def running(self) -> int:
        return min(self._pending, self.max_concurrency)

    @property
    def waiting(self) -> int:
        return max(0, self._pending - self.max_concurrency)

    def has_free_worker(self) -> bool:
        return self._pending < self.max_concurrency

    def ensure_capacity(self) -> None:
        """Raises QueueFullError when a new queued job would be refused."""
        if self._pending >= self.max_concurrency + self.max_queue:
            raise QueueFullError

    async def run(self, job: Callable[[], T], *, queue: bool = True) -> T:
        """Runs `job` on a worker thread. Raises QueueFullError instead of waiting past the queue
        limit, or (with `queue=False`) instead of waiting at all."""
        limit = self.max_concurrency + (self.max_queue if queue else 0)
        if self._pending >= limit:
            raise QueueFullError
        return await self._submit(job)

    async def run_unbounded(self, job: Callable[[], T]) -> T:
        """Runs `job` whatever the queue holds (the next step of work already admitted)."""
        return await self._submit(job)

    async def _submit(self, job: Callable[[], T]) -> T:
        loop = asyncio.get_running_loop()
        future = self._executor.submit(job)
        self._pending += 1
        self._changed()
        future.add_done_callback(lambda _: self._finished_in_thread(loop))
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _finished_in_thread(self, loop: asyncio.AbstractEventLoop) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody counts any more
            loop.call_soon_threadsafe(self._finished)

    def _finished(self) -> None:
        self._pending -= 1
        self._changed()

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change(self.running, self.waiting)


@dataclass(frozen=True, slots=True)
class InferencePoolGauges:
    """`{service}_running_jobs` and `{service}_queue_depth`; pass `update` as the pool's
    `on_change`."""

    running: Gauge
    queue_depth: Gauge

    @classmethod
    def create(
        cls, registry: CollectorRegistry, service: str, *, running_help: str, waiting_help: str
    ) -> InferencePoolGauges:
        return cls(
            running=Gauge(f"{service}_running_jobs", running_help, registry=registry),
            queue_depth=Gauge(f"{service}_queue_depth", waiting_help, registry=registry),
        )

    def update(self, running: int, waiting: int) -> None:
        self.running.set(running)
        self.queue_depth.set(waiting)
