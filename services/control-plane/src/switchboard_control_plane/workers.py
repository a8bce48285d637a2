"""Background tasks of the process (publisher, reconciler, events consumer) and their shutdown."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from switchboard_control_plane.failure_log import ThrottledFailureLog

logger = logging.getLogger("switchboard.control_plane.workers")
RESTART_DELAY_S = 1.0
MAX_RESTART_DELAY_S = 30.0
HEALTHY_RUN_S = 60.0
"""A loop that ran this long before crashing starts a new run of failures (a fresh traceback,
the first restart delay again)."""
STOP_WAIT_S = 2.0
"""How long stop() waits after each cancellation."""
STOP_ATTEMPTS = 5


class Workers:
    """Runs long-lived loops; a loop that crashes is restarted after a delay that doubles while
    it keeps crashing (up to ``MAX_RESTART_DELAY_S``), logged at a bounded rate: one traceback,
    then a line a minute while the failure lasts."""

    def __init__(self, *, restart_delay_s: float = RESTART_DELAY_S) -> None:
        self._tasks: list[asyncio.Task[None]] = []
        self._restart_delay_s = restart_delay_s

    def start(self, name: str, loop: Callable[[], Awaitable[None]]) -> None:
        self._tasks.append(asyncio.create_task(self._supervise(name, loop), name=name))

    async def _supervise(self, name: str, loop: Callable[[], Awaitable[None]]) -> None:
        failures = ThrottledFailureLog(logger, "worker.crashed")
        fields: dict[str, object] = {"worker": name}
        delay_s = self._restart_delay_s
        while True:
            started_s = time.monotonic()
            try:
                await loop()
                return
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if time.monotonic() - started_s >= HEALTHY_RUN_S:
                    failures.recovered(fields)
                    delay_s = self._restart_delay_s
                failures.failed(exc, fields)
            await asyncio.sleep(delay_s)
            delay_s = min(delay_s * 2, MAX_RESTART_DELAY_S)

    async def stop(self) -> None:
        """Cancels every loop and waits for it; a loop whose cancellation was swallowed (a driver
        can turn it into its own error, which the loop then retries) is cancelled again, so
        shutdown never hangs on it."""
        pending = {task for task in self._tasks if not task.done()}
        for _ in range(STOP_ATTEMPTS):
            if not pending:
                break
            for task in pending:
                task.cancel()
            _done, pending = await asyncio.wait(pending, timeout=STOP_WAIT_S)
        if pending:
            logger.error(
                "workers.stop_abandoned",
                extra={"fields": {"workers": sorted(task.get_name() for task in pending)}},
            )
        self._tasks.clear()
