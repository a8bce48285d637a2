"""The call's task group, as the dialogue's parts see it: spawn a task, know the current one."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import TypeVar, cast

_T = TypeVar("_T")


class CallTasks:
    """Spawns into the call's TaskGroup once the session has opened it (``start``)."""

    def __init__(self) -> None:
        self._group: asyncio.TaskGroup | None = None

    def start(self, group: asyncio.TaskGroup) -> None:
        self._group = group

    def spawn(self, coro: Coroutine[object, object, _T]) -> asyncio.Task[_T]:
        assert self._group is not None, "start() first"
        return self._group.create_task(coro)


def current_task() -> asyncio.Task[None]:
    task = asyncio.current_task()
    assert task is not None, "called outside a task"
    return cast("asyncio.Task[None]", task)
