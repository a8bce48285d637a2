"""What the client heard of an assistant item, for the history the brain sees next.

Without a ``conversation.item.truncate`` everything sent counts as heard. With one, the client
played ``audio_end_ms`` of the item's audio: whole segments (sentences) up to there count, and of
the segment it cut, the words whose middle falls before the cut (speech time is taken as
proportional to characters within a segment, which is close enough for a sentence of TTS).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class SpokenSegment:
    """One spoken piece of an assistant item and how much audio of it was sent, in ms."""

    text: str
    audio_ms: float


def item_audio_ms(segments: Sequence[SpokenSegment]) -> float:
    """The item's audio duration as sent; ``audio_end_ms`` beyond it is clamped to it."""
    return sum(max(0.0, s.audio_ms) for s in segments)


def heard_text(segments: Sequence[SpokenSegment], audio_end_ms: float | None = None) -> str:
    """The words heard of an item: all of them when ``audio_end_ms`` is None (not truncated)."""
    if audio_end_ms is None:
        return _join(s.text for s in segments)
    remaining_ms = max(0.0, audio_end_ms)
    heard: list[str] = []
    for segment in segments:
        duration_ms = max(0.0, segment.audio_ms)
        if remaining_ms >= duration_ms:
            heard.append(segment.text)
            remaining_ms -= duration_ms
            continue
        heard.append(_partial(segment.text, remaining_ms / duration_ms))
        break
    return _join(heard)


def _partial(text: str, fraction: float) -> str:
    """The words of ``text`` whose middle lies within the first ``fraction`` of it."""
    total = len(text)
    if total == 0 or fraction <= 0:
        return ""
    words = [m for m in _WORD.finditer(text) if (m.start() + m.end()) / 2 / total <= fraction]
    return " ".join(m.group() for m in words)


def _join(parts: Iterable[str]) -> str:
    return " ".join(part.strip() for part in parts if part.strip())
