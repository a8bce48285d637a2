"""Puts frames that carry a sequence number back in order and drops repeats, holding at most a
small window: a carrier (Telnyx) does not guarantee inbound order and may repeat a frame. Pure.

Feed it every frame that carries a sequence number (the numbers are shared by ``start``,
``media``, ``dtmf``, ``mark`` and ``stop``), not only the media, or every other event would look
like a gap. A gap that the window cannot bridge is given up: the missing numbers are counted as
lost and the frames after it go on, so one lost frame never stalls the call.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(slots=True)
class ReorderStats:
    reordered: int = 0
    """Frames that arrived ahead of one still missing, and were held until it came."""
    duplicates: int = 0
    """Frames dropped because their number was already passed on or already held."""
    late: int = 0
    """Frames dropped because their number had been given up as lost before they came."""
    lost: int = 0
    """Numbers given up when the window filled (a frame never came)."""


class SequenceReorderer(Generic[T]):
    """``push`` returns the frames now in order; ``flush`` returns what is still held.

    ``first`` is the number the stream starts at (Telnyx numbers from 1, the ``start`` frame);
    None takes the first number seen. ``window`` is how many frames may wait for a missing one
    (each media frame is 20 ms, so the default 5 delays audio by at most 100 ms).
    """

    def __init__(self, *, window: int = 5, first: int | None = 1) -> None:
        if window < 1:
            raise ValueError("window must be at least 1")
        self._window = window
        self._next = first
        self._held: dict[int, T] = {}
        self._given_up_below = first if first is not None else 0
        self.stats = ReorderStats()

    @property
    def next_expected(self) -> int | None:
        return self._next

    def push(self, sequence_number: int | None, item: T) -> list[T]:
        """The frames released by this one, in order (empty while it waits or is dropped).
        A frame without a number passes straight through."""
        if sequence_number is None:
            return [item]
        if self._next is None:
            self._next = self._given_up_below = sequence_number
        if sequence_number < self._next or sequence_number in self._held:
            if sequence_number < self._given_up_below:
                self.stats.late += 1
            else:
                self.stats.duplicates += 1
            return []
        self._held[sequence_number] = item
        if sequence_number != self._next:
            self.stats.reordered += 1
        released = self._release()
        if len(self._held) > self._window:
            oldest = min(self._held)
            self.stats.lost += oldest - self._next
            self._given_up_below = oldest
            self._next = oldest
            released += self._release()
        return released

    def flush(self) -> list[T]:
        """Everything still held, in order (the stream ended: no more frames will come)."""
        ordered = [self._held[number] for number in sorted(self._held)]
        if self._held and self._next is not None:
            last = max(self._held)
            self.stats.lost += last - self._next + 1 - len(self._held)
            self._next = self._given_up_below = last + 1
        self._held.clear()
        return ordered

    def _release(self) -> list[T]:
        released: list[T] = []
        while self._next is not None and self._next in self._held:
            released.append(self._held.pop(self._next))
            self._next += 1
        return released
