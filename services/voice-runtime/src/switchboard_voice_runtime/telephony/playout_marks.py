"""Which mark echoes mean "the caller heard the audio before it". Pure: times are passed in.

A carrier echoes a mark when the audio sent before it has finished playing, but also at once
when nothing is playing or queued (Telnyx), and for every pending mark on ``clear``. Only the
first kind says the audio was heard: playback runs in real time, so it cannot end before the
audio sent so far could have played. ``PlayoutMarks`` keeps that earliest possible end and
judges each echo against it (history trimming should count only ``heard`` marks).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DEFAULT_SLACK_MS = 60.0
"""How much earlier than the estimate an echo may come and still count (clock and send-time
jitter; a 20 ms frame is the carrier's unit)."""


class MarkEcho(StrEnum):
    HEARD = "heard"
    """The audio before the mark has had time to play."""
    EARLY = "early"
    """Echoed before its audio could have played: nothing was queued, or it was dropped."""
    CLEARED = "cleared"
    """Returned by a ``clear`` (barge-in): its audio was not played to the end."""
    UNKNOWN = "unknown"
    """Not a mark we sent (or echoed twice)."""


@dataclass(slots=True)
class _Pending:
    plays_until_ms: float
    carries_audio: bool


class PlayoutMarks:
    def __init__(self, *, slack_ms: float = DEFAULT_SLACK_MS) -> None:
        self._slack_ms = slack_ms
        self._plays_until_ms = 0.0
        self._audio_since_mark = False
        self._pending: dict[str, _Pending] = {}
        self._cleared: set[str] = set()

    def sent_audio(self, duration_ms: float, now_ms: float) -> None:
        """``duration_ms`` of audio sent at ``now_ms``: it plays after what is queued."""
        self._plays_until_ms = max(self._plays_until_ms, now_ms) + duration_ms
        self._audio_since_mark = self._audio_since_mark or duration_ms > 0

    def sent_mark(self, name: str, now_ms: float) -> None:
        """A mark sent at ``now_ms`` after the audio sent so far."""
        queued = self._plays_until_ms > now_ms
        self._pending[name] = _Pending(self._plays_until_ms, queued and self._audio_since_mark)
        self._audio_since_mark = False

    def sent_clear(self, now_ms: float) -> None:
        """A ``clear``: queued audio is dropped; the pending marks will come back unheard."""
        self._plays_until_ms = now_ms
        self._cleared.update(self._pending)
        self._audio_since_mark = False

    def echoed(self, name: str, now_ms: float) -> MarkEcho:
        """Judges the carrier's echo of ``name`` arriving at ``now_ms``."""
        pending = self._pending.pop(name, None)
        if pending is None:
            return MarkEcho.UNKNOWN
        if name in self._cleared:
            self._cleared.discard(name)
            return MarkEcho.CLEARED
        if not pending.carries_audio or now_ms < pending.plays_until_ms - self._slack_ms:
            return MarkEcho.EARLY
        return MarkEcho.HEARD

    @property
    def pending(self) -> tuple[str, ...]:
        return tuple(self._pending)
