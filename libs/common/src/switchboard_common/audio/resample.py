"""Sample-rate conversion through soxr (one-shot and streaming)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import soxr

Pcm16 = npt.NDArray[np.int16]


def resample(pcm: Pcm16, in_rate_hz: int, out_rate_hz: int, *, quality: str = "HQ") -> Pcm16:
    """Resamples a whole mono PCM16 signal."""
    if in_rate_hz == out_rate_hz or pcm.size == 0:
        return pcm.astype(np.int16, copy=False)
    out = soxr.resample(pcm.astype(np.int16, copy=False), in_rate_hz, out_rate_hz, quality=quality)
    return np.asarray(out, dtype=np.int16)


class Resampler:
    """Streaming mono PCM16 resampler that keeps filter state across chunks.

    Not thread-safe; one per stream. Call ``flush()`` at the end of the stream for the tail.
    """

    def __init__(self, in_rate_hz: int, out_rate_hz: int, *, quality: str = "HQ") -> None:
        self.in_rate_hz = in_rate_hz
        self.out_rate_hz = out_rate_hz
        self._stream = (
            None
            if in_rate_hz == out_rate_hz
            else soxr.ResampleStream(in_rate_hz, out_rate_hz, 1, dtype="int16", quality=quality)
        )

    def process(self, pcm: Pcm16) -> Pcm16:
        if self._stream is None:
            return pcm.astype(np.int16, copy=False)
        return np.asarray(self._stream.resample_chunk(pcm.astype(np.int16, copy=False)), np.int16)

    def flush(self) -> Pcm16:
        if self._stream is None:
            return np.zeros(0, dtype=np.int16)
        empty = np.zeros(0, dtype=np.int16)
        return np.asarray(self._stream.resample_chunk(empty, last=True), np.int16)
