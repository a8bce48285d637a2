"""Virtual time stands still while a worker thread works."""

from __future__ import annotations

import asyncio
import time

from switchboard_voice_runtime.testing.virtual_time import run_virtual


def test_worker_threads_take_no_virtual_time_while_timers_wait() -> None:
    async def main() -> tuple[float, float]:
        loop = asyncio.get_running_loop()
        ticks = asyncio.create_task(asyncio.sleep(0.02))  # a timer that could make time jump
        start = loop.time()
        await asyncio.to_thread(time.sleep, 0.05)
        took = loop.time() - start
        await ticks
        return took, loop.time()

    took, end = run_virtual(main())
    assert took == 0.0 and end == 0.02
