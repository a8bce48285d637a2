"""Which mark echoes mean "the caller heard the audio before it". Pure: times are passed in.

A carrier echoes a mark when the audio sent before it has finished playing, but Telnyx also
echoes one at once when it has nothing playing or queued (the audio has not reached its queue
yet, or was dropped), and every pending mark comes back on ``clear``. Playback runs in real
time, so it cannot end before the audio sent so far could have played: ``PlayoutMarks`` keeps
that earliest end and judges each echo against it. A media connection holds an ``early`` echo
until ``last_plays_until_ms``, so history trimming never counts unheard audio as heard.
"""

from __future__ import annotations

from enum import StrEnum

DEFAULT_SLACK_MS = 60.0
"""How much earlier than the estimate an echo may come and still count (clock and send-time
jitter; a 20 ms frame is the carrier's unit)."""


class MarkEcho(StrEnum):
    HEARD = "heard"
    """The audio before the mark has had time to play."""
    EARLY = "early"
    """Echoed before the audio sent ahead of it could have played."""
    CLEARED = "cleared"
    """Returned by a ``clear`` (barge-in): its audio was not played to the end."""
    UNKNOWN = "unknown"
    """Not a mark we sent (or echoed twice)."""


class PlayoutMarks:
    def __init__(self, *, slack_ms: float = DEFAULT_SLACK_MS) -> None:
        self._slack_ms = slack_ms
        self._plays_until_ms = 0.0
        self._pending: dict[str, float] = {}
        self._cleared: set[str] = set()
        self.last_plays_until_ms = 0.0
        """When the audio before the mark last judged can have finished playing."""

    def sent_audio(self, duration_ms: float, now_ms: float) -> None:
        """``duration_ms`` of audio sent at ``now_ms``: it plays after what is queued."""
        self._plays_until_ms = max(self._plays_until_ms, now_ms) + duration_ms

    def sent_mark(self, name: str, now_ms: float) -> None:
        """A mark sent at ``now_ms`` after the audio sent so far."""
        self._pending[name] = max(self._plays_until_ms, now_ms)

    def sent_clear(self, now_ms: float) -> None:
        """A ``clear``: queued audio is dropped; the pending marks will come back unheard."""
        self._plays_until_ms = now_ms
        self._cleared.update(self._pending)

    def echoed(self, name: str, now_ms: float) -> MarkEcho:
        """Judges the carrier's echo of ``name`` arriving at ``now_ms``."""
        plays_until_ms = self._pending.pop(name, None)
        if plays_until_ms is None:
            return MarkEcho.UNKNOWN
        self.last_plays_until_ms = plays_until_ms
        if name in self._cleared:
            self._cleared.discard(name)
            return MarkEcho.CLEARED
        if now_ms < plays_until_ms - self._slack_ms:
            return MarkEcho.EARLY
        return MarkEcho.HEARD

    @property
    def pending(self) -> tuple[str, ...]:
        return tuple(self._pending)
