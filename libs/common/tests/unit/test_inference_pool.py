"""The worker pool bounds running and waiting jobs, and counts a job until its thread ends."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

import pytest
from prometheus_client import CollectorRegistry

from switchboard_common.inference_pool import InferencePool, InferencePoolGauges, QueueFullError


class Watched:
    """A pool whose count changes are awaitable (and passed on to `also`)."""

    def __init__(
        self,
        max_concurrency: int,
        max_queue: int,
        also: Callable[[int, int], None] | None = None,
    ) -> None:
        self.changes: list[tuple[int, int]] = []
        self._also = also
        self._changed = asyncio.Event()
        self.pool = InferencePool(max_concurrency, max_queue, on_change=self._on_change)

    def _on_change(self, running: int, waiting: int) -> None:
        self.changes.append((running, waiting))
        if self._also is not None:
            self._also(running, waiting)
        self._changed.set()

    async def reach(self, running: int, waiting: int) -> None:
        while (self.pool.running, self.pool.waiting) != (running, waiting):
            self._changed.clear()
            await self._changed.wait()


async def test_jobs_beyond_workers_and_queue_are_refused() -> None:
    release = threading.Event()
    watched = Watched(1, 1)
    pool = watched.pool
    try:
        first = asyncio.create_task(pool.run(release.wait))
        second = asyncio.create_task(pool.run(release.wait))
        await watched.reach(1, 1)
        with pytest.raises(QueueFullError):
            await pool.run(release.wait)
        with pytest.raises(QueueFullError):
            pool.ensure_capacity()
        release.set()
        assert await first and await second
        assert (pool.running, pool.waiting) == (0, 0)
    finally:
        release.set()
        pool.close()


async def test_best_effort_jobs_never_wait() -> None:
    release = threading.Event()
    watched = Watched(1, 5)
    pool = watched.pool
    try:
        busy = asyncio.create_task(pool.run(release.wait))
        await watched.reach(1, 0)
        assert not pool.has_free_worker()
        with pytest.raises(QueueFullError):
            await pool.run(release.wait, queue=False)
        release.set()
        await busy
        assert await pool.run(lambda: 42, queue=False) == 42
    finally:
        release.set()
        pool.close()


async def test_a_cancelled_caller_keeps_its_slot_until_the_thread_ends() -> None:
    release = threading.Event()
    watched = Watched(1, 0)
    pool = watched.pool
    try:
        task = asyncio.create_task(pool.run(release.wait))
        await watched.reach(1, 0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert pool.running == 1
        with pytest.raises(QueueFullError):
            await pool.run(release.wait)
        release.set()
        assert await pool.run_unbounded(lambda: "next") == "next"
        await watched.reach(0, 0)
        assert watched.changes[0] == (1, 0)
    finally:
        release.set()
        pool.close()


async def test_gauges_follow_the_running_and_waiting_jobs() -> None:
    registry = CollectorRegistry()
    gauges = InferencePoolGauges.create(registry, "demo", running_help="r", waiting_help="w")
    watched = Watched(1, 1, also=gauges.update)
    release = threading.Event()
    pool = watched.pool
    try:
        first = asyncio.create_task(pool.run(release.wait))
        second = asyncio.create_task(pool.run(release.wait))
        await watched.reach(1, 1)
        assert registry.get_sample_value("demo_running_jobs") == 1
        assert registry.get_sample_value("demo_queue_depth") == 1
        release.set()
        await first
        await second
        await watched.reach(0, 0)
        assert registry.get_sample_value("demo_running_jobs") == 0
        assert registry.get_sample_value("demo_queue_depth") == 0
    finally:
        release.set()
        pool.close()
