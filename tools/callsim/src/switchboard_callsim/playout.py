"""The carrier's playout of agent audio: a jitter buffer that plays 8000 bytes/s from arrival.

Pure bookkeeping on times the caller passes in (ms on the call timeline), so it is tested
without a clock. Audio that arrives while earlier audio still plays queues behind it; a mark is
due once the audio sent before it has played; ``clear`` drops what has not played yet and
returns every pending mark, as Twilio does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BYTES_PER_MS = 8.0
"""8 kHz mu-law: one byte per sample."""


@dataclass(slots=True)
class PlayedSegment:
    """Agent audio placed on the call timeline; ``tag`` is the caller step it answered."""

    start_ms: float
    audio: bytearray
    tag: int

    @property
    def end_ms(self) -> float:
        return self.start_ms + len(self.audio) / BYTES_PER_MS


@dataclass(frozen=True, slots=True)
class PendingMark:
    name: str
    received_ms: float
    due_ms: float


@dataclass(slots=True)
class AgentPlayout:
    """Where the agent's audio plays on the timeline, and which marks are due."""

    segments: list[PlayedSegment] = field(default_factory=list)
    pending_marks: list[PendingMark] = field(default_factory=list)
    play_end_ms: float = 0.0

    def push(self, audio: bytes, now_ms: float, tag: int = 0) -> PlayedSegment:
        """Queues audio that arrived at ``now_ms``; returns where it will play."""
        start_ms = max(now_ms, self.play_end_ms)
        segment = PlayedSegment(start_ms, bytearray(audio), tag)
        last = self.segments[-1] if self.segments else None
        if last is not None and last.tag == tag and last.end_ms == start_ms:
            last.audio += segment.audio
        else:
            self.segments.append(segment)
        self.play_end_ms = segment.end_ms
        return segment

    def mark(self, name: str, now_ms: float) -> None:
        """Queues a mark; it is due when everything pushed before it has played."""
        self.pending_marks.append(PendingMark(name, now_ms, max(now_ms, self.play_end_ms)))

    def due_marks(self, now_ms: float) -> list[PendingMark]:
        """Removes and returns the marks whose audio has played by ``now_ms``, in order."""
        due: list[PendingMark] = []
        while self.pending_marks and self.pending_marks[0].due_ms <= now_ms:
            due.append(self.pending_marks.pop(0))
        return due

    def clear(self, now_ms: float) -> list[PendingMark]:
        """Drops the audio not yet played at ``now_ms`` and returns every pending mark."""
        kept: list[PlayedSegment] = []
        for segment in self.segments:
            if segment.end_ms <= now_ms:
                kept.append(segment)
            elif segment.start_ms < now_ms:
                del segment.audio[int((now_ms - segment.start_ms) * BYTES_PER_MS) :]
                kept.append(segment)
        self.segments = kept
        self.play_end_ms = min(self.play_end_ms, now_ms)
        marks, self.pending_marks = self.pending_marks, []
        return marks

    def queued_ms(self, now_ms: float) -> float:
        """Audio still waiting to play at ``now_ms``."""
        return max(0.0, self.play_end_ms - now_ms)

    def audio_for(self, tag: int) -> bytes:
        """Every played byte answering caller step ``tag``, in timeline order (gaps removed)."""
        return b"".join(bytes(segment.audio) for segment in self.segments if segment.tag == tag)
