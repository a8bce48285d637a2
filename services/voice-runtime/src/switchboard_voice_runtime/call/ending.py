"""How a call ends: the first reason given wins, from inside (the dialogue) or outside."""

from __future__ import annotations

import asyncio

from switchboard_common.contract.events import EndReason


class CallEnding:
    """The call's end reason and the event its session waits on. The dialogue ends the call
    through it without knowing the session."""

    def __init__(self) -> None:
        self.reason: EndReason | None = None
        self.from_outside = False
        self._stop = asyncio.Event()

    @property
    def requested(self) -> bool:
        return self.reason is not None

    def hang_up(self, reason: EndReason = "caller_hangup") -> None:
        """Ends the call from outside (carrier stop, socket closed, drain); no carrier action."""
        if self.reason is None:
            self.reason, self.from_outside = reason, True
        self._stop.set()

    def end(self, reason: EndReason) -> None:
        """Ends the call from inside; the carrier is told to hang up unless it was a transfer."""
        if self.reason is None:
            self.reason = reason
        self._stop.set()

    async def wait(self) -> None:
        await self._stop.wait()
