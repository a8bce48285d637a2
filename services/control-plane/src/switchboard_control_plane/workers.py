"""Background tasks of the process (publisher, reconciler, events consumer) and their shutdown."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

logger = logging.getLogger("switchboard.control_plane.workers")
RESTART_DELAY_S = 1.0


class Workers:
    """Runs long-lived loops; a loop that crashes is logged and restarted after a delay."""

    def __init__(self) -> None:
        self._tasks: list[asyncio.Task[None]] = []

    def start(self, name: str, loop: Callable[[], Awaitable[None]]) -> None:
        self._tasks.append(asyncio.create_task(self._supervise(name, loop), name=name))

    async def _supervise(self, name: str, loop: Callable[[], Awaitable[None]]) -> None:
        while True:
            try:
                await loop()
                return
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("worker.crashed", extra={"fields": {"worker": name}})
                await asyncio.sleep(RESTART_DELAY_S)

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
