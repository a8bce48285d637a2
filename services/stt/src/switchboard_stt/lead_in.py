"""Shortening the silent lead-in before a caller's first word.

The runtime's VAD pre-roll puts 200-300 ms of silence or line noise before the speech, and
greedy decoding in the fitted window then sometimes skips a short first word ("Hi, I need..."
heard as "I need..."). Cutting the lead-in to ``keep_ms`` before the onset kept every first
word in tools/bench/first_word.py where beam search (2-5) did not, at no measurable cost. The
onset is found relative to the clip's own loudest frame, so a quiet caller is treated like a
loud one, and the margin before it keeps weak onsets (a breathy "h", a soft "d").
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

SAMPLE_RATE_HZ = 16_000
Samples = npt.NDArray[np.float32]

FRAME_MS = 10
ONSET_BELOW_PEAK_DB = 35.0
"""A frame within this many dB of the clip's loudest frame counts as speech."""
NOISE_FLOOR_RMS = 0.002
"""About -54 dBFS: quieter frames never count as speech, however quiet the clip."""
KEEP_MS = 100
"""Lead-in left before the first speech frame."""


def trim_lead_in(samples: Samples, *, keep_ms: int = KEEP_MS) -> Samples:
    """The clip from ``keep_ms`` before its first speech frame (unchanged when the lead-in is
    already that short, or when nothing in it counts as speech)."""
    frame = SAMPLE_RATE_HZ * FRAME_MS // 1000
    count = samples.size // frame
    if count == 0:
        return samples
    frames = samples[: count * frame].reshape(count, frame).astype(np.float64)
    rms = np.sqrt(np.mean(frames * frames, axis=1))
    threshold = max(NOISE_FLOOR_RMS, float(rms.max()) * 10 ** (-ONSET_BELOW_PEAK_DB / 20))
    loud = np.flatnonzero(rms > threshold)
    if loud.size == 0:
        return samples
    start = max(0, int(loud[0]) * frame - SAMPLE_RATE_HZ * keep_ms // 1000)
    return samples[start:]
