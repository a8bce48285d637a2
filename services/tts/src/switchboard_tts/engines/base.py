"""The speech engine port: text in, audio chunks out, one sentence at a time."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

Pcm16 = npt.NDArray[np.int16]


@dataclass(frozen=True, slots=True)
class VoiceInfo:
    """A voice an engine offers; `id` is how clients address it: `engine:voice`."""

    engine: str
    name: str
    language: str
    sample_rate_hz: int
    description: str = ""

    @property
    def id(self) -> str:
        return f"{self.engine}:{self.name}"


@dataclass(frozen=True, slots=True)
class AudioChunk:
    """Mono PCM16 audio at the voice's native rate."""

    pcm: Pcm16
    sample_rate_hz: int


class SpeechEngine(Protocol):
    """A text-to-speech engine hosting one or more voices.

    `synthesize` is blocking and is called on worker threads, possibly several at once: an
    engine must be thread-safe or serialize internally. The service cuts text into sentences
    before calling it, so one call covers one sentence (or clause) and returns quickly; an
    engine that streams within a sentence may yield several chunks. Engines are built by a
    factory in `engines/catalog.py` when the app starts and closed when it stops.
    """

    @property
    def name(self) -> str:
        """The engine's name, the part of a voice id before the colon (`piper`)."""

    def voices(self) -> Sequence[VoiceInfo]: ...

    def synthesize(self, text: str, voice: str, *, speed: float) -> Iterator[AudioChunk]:
        """Audio for `text` in `voice` (a name from `voices()`); `speed` 1.0 is natural,
        2.0 twice as fast. Raises KeyError for a voice it does not have."""

    def close(self) -> None: ...


@runtime_checkable
class FirstAudioEngine(SpeechEngine, Protocol):
    """An engine that can trade work for an earlier first chunk: the service calls
    `synthesize_first` for the first piece of a request (what a listener waits for) and
    `synthesize` for the others."""

    def synthesize_first(self, text: str, voice: str, *, speed: float) -> Iterator[AudioChunk]:
        """Like `synthesize`, with the first chunk as early as the engine can make it."""
