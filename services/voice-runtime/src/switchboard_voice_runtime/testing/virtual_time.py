"""An asyncio loop on virtual time: whenever every task waits on a timer, time jumps ahead.

All timers (asyncio.sleep, asyncio.timeout, call_at) run on the virtual clock, so a scripted
call of minutes runs in milliseconds and always in the same order. Real I/O still works (ready
file descriptors are polled first); only when nothing is ready and no timer is pending does the
loop block for real. Work handed to a worker thread (``run_in_executor``, ``asyncio.to_thread``)
takes no virtual time: while any is running the clock stands still and the loop waits for it,
so a model's verdict lands at the same virtual instant however loaded the machine is.
"""

from __future__ import annotations

import asyncio
import selectors
from collections.abc import Callable, Coroutine, Mapping
from concurrent.futures import Executor
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar, TypeVarTuple

_T = TypeVar("_T")
_Ts = TypeVarTuple("_Ts")


class _VirtualSelector(selectors.BaseSelector):
    def __init__(self) -> None:
        self._inner = selectors.DefaultSelector()
        self.now_s = 0.0
        self.threads_busy = 0

    def register(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        return self._inner.register(fileobj, events, data)

    def unregister(self, fileobj: Any) -> selectors.SelectorKey:
        return self._inner.unregister(fileobj)

    def modify(self, fileobj: Any, events: int, data: Any = None) -> selectors.SelectorKey:
        return self._inner.modify(fileobj, events, data)

    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        ready = self._inner.select(0)
        if ready or timeout == 0:
            return ready
        if timeout is None or self.threads_busy:
            return self._inner.select(None)
        self.now_s += timeout
        return []

    def get_map(self) -> Mapping[Any, selectors.SelectorKey]:
        return self._inner.get_map()

    def close(self) -> None:
        self._inner.close()


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """``time()`` is virtual and starts at 0."""

    def __init__(self) -> None:
        self._virtual = _VirtualSelector()
        super().__init__(self._virtual)

    def time(self) -> float:
        return self._virtual.now_s

    def run_in_executor(
        self,
        executor: Executor | None,
        func: Callable[[*_Ts], _T],
        *args: *_Ts,
    ) -> asyncio.Future[_T]:
        """As the base loop's, but the clock stands still until the worker is done."""
        future = super().run_in_executor(executor, func, *args)
        self._virtual.threads_busy += 1

        def done(_: asyncio.Future[_T]) -> None:
            self._virtual.threads_busy -= 1

        future.add_done_callback(done)
        return future


def run_virtual(main: Coroutine[Any, Any, _T]) -> _T:
    """Runs a coroutine to completion on a fresh virtual-time loop."""
    with asyncio.Runner(loop_factory=VirtualTimeLoop) as runner:
        return runner.run(main)


class VirtualClock:
    """The session Clock on the running loop's time (virtual under VirtualTimeLoop)."""

    def __init__(self, wall_start: datetime | None = None) -> None:
        self._wall_start = wall_start or datetime(2025, 6, 2, 15, 0, tzinfo=UTC)

    def now(self) -> float:
        return asyncio.get_running_loop().time()

    def wall(self) -> datetime:
        return self._wall_start + timedelta(seconds=self.now())

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)
