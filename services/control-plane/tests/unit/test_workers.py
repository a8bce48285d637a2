"""Stopping the worker loops never hangs, even on a loop that swallowed its cancellation."""

from __future__ import annotations

import asyncio

from switchboard_control_plane.workers import Workers


async def test_stop_ends_a_loop_that_swallows_its_first_cancellation() -> None:
    swallowed: list[bool] = []

    async def stubborn() -> None:
        while True:
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                if swallowed:
                    raise
                swallowed.append(True)  # as a driver that turns a cancel into its own error

    workers = Workers()
    workers.start("stubborn", stubborn)
    await asyncio.sleep(0)
    async with asyncio.timeout(10):
        await workers.stop()
    assert swallowed == [True]
