"""The calls this process runs: a registry for status callbacks and draining, and what a call is."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from switchboard_common.contract.events import EndReason
from switchboard_voice_runtime.call.ports import CallContext, CallControl, EventSink, MediaSink
from switchboard_voice_runtime.call.turn_control import TurnControl

logger = logging.getLogger(__name__)


class LiveCall(Protocol):
    """The part of CallSession the carrier edge drives."""

    async def run(self) -> object:
        """Runs the call to its end; returns its outcome."""

    def push_audio(self, payload: bytes) -> None: ...

    def mark_played(self, name: str) -> None: ...

    def press_digit(self, digit: str) -> None: ...

    def hang_up(self, reason: EndReason = "caller_hangup") -> None: ...

    @property
    def ended(self) -> bool: ...


@runtime_checkable
class SteerableCall(LiveCall, Protocol):
    """A call whose turns a client may steer (a realtime session's CallSession)."""

    @property
    def turn_control(self) -> TurnControl: ...


async def run_live_call(
    session: LiveCall,
    reader: Coroutine[Any, Any, None],
    heartbeat: Coroutine[Any, Any, None],
    *,
    reader_name: str,
) -> object:
    """Runs ``session`` with its media reader and its lease heartbeat in one TaskGroup; both
    are cancelled once the session has ended. Returns the session's outcome."""
    async with asyncio.TaskGroup() as tasks:
        reader_task = tasks.create_task(reader, name=reader_name)
        heartbeat_task = tasks.create_task(heartbeat, name="lease-heartbeat")
        try:
            return await session.run()
        finally:
            reader_task.cancel()
            heartbeat_task.cancel()


SessionFactory = Callable[[CallContext, MediaSink, CallControl, EventSink], LiveCall]
"""Builds the session of one call from its context, media path, call control and event sink."""


@dataclass(slots=True)
class RegisteredCall:
    call_id: str
    carrier_call_id: str
    session: LiveCall
    carrier_status: str | None = None


@dataclass(slots=True)
class CallRegistry:
    """Live calls by id and by carrier call id."""

    _calls: dict[str, RegisteredCall] = field(default_factory=dict)
    _by_carrier: dict[str, str] = field(default_factory=dict)
    _idle: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        self._idle.set()

    def __len__(self) -> int:
        return len(self._calls)

    def add(self, call: RegisteredCall) -> None:
        self._calls[call.call_id] = call
        self._by_carrier[call.carrier_call_id] = call.call_id
        self._idle.clear()

    def remove(self, call_id: str) -> None:
        call = self._calls.pop(call_id, None)
        if call is not None:
            self._by_carrier.pop(call.carrier_call_id, None)
        if not self._calls:
            self._idle.set()

    def by_carrier_id(self, carrier_call_id: str) -> RegisteredCall | None:
        call_id = self._by_carrier.get(carrier_call_id)
        return self._calls.get(call_id) if call_id else None

    def carrier_status(self, call_id: str) -> str | None:
        call = self._calls.get(call_id)
        return call.carrier_status if call else None

    def hang_up_all(self, reason: EndReason) -> int:
        calls = list(self._calls.values())
        for call in calls:
            if not call.session.ended:
                call.session.hang_up(reason)
        return len(calls)

    async def wait_idle(self, timeout_s: float) -> bool:
        """Waits until no call is live; False when ``timeout_s`` passed first."""
        try:
            async with asyncio.timeout(timeout_s):
                await self._idle.wait()
        except TimeoutError:
            return False
        return True


class Drain:
    """Stops new calls, lets live ones finish up to a deadline, then ends the rest."""

    def __init__(self, calls: CallRegistry, timeout_s: float, grace_s: float = 10.0) -> None:
        self._calls = calls
        self._timeout_s = timeout_s
        self._grace_s = grace_s
        self.draining = False
        self.done = asyncio.Event()

    async def run(self) -> None:
        """Idempotent: a second call waits for the first drain to finish."""
        if self.draining:
            await self.done.wait()
            return
        self.draining = True
        logger.info("drain.started", extra={"fields": {"live_calls": len(self._calls)}})
        if not await self._calls.wait_idle(self._timeout_s):
            ended = self._calls.hang_up_all("drained")
            logger.warning("drain.ending_calls", extra={"fields": {"calls": ended}})
            if not await self._calls.wait_idle(self._grace_s):
                logger.error(
                    "drain.calls_still_live", extra={"fields": {"calls": len(self._calls)}}
                )
        logger.info("drain.finished")
        self.done.set()

    async def readiness(self) -> None:
        if self.draining:
            raise RuntimeError("draining")
