"""Telling voiced audio from silence: RMS energy of decoded mu-law frames."""

from __future__ import annotations

import numpy as np

from switchboard_common.audio import mulaw_decode

DEFAULT_VOICED_RMS = 300.0
"""About -40 dBFS: above line noise and dithered silence, below any spoken syllable."""

EDGE_RMS = 30.0
"""About -60 dBFS: the weak start and end of a word (a breathy "h", a released "t") are above
it, a synthetic voice's silence (RMS 2-10) and a quiet line are below."""

LEAD_FRAMES = 1
"""Frames kept before the first one above ``EDGE_RMS``: an onset rarely starts on a frame edge."""

SILENCE_BYTE = 0xFF
"""Mu-law code for zero amplitude; what a phone line sends when nobody speaks."""


def frame_rms(mulaw: bytes) -> float:
    """Root-mean-square amplitude of mu-law audio, in PCM16 units (0 for empty input)."""
    if not mulaw:
        return 0.0
    pcm = mulaw_decode(mulaw).astype(np.float64)
    return float(np.sqrt(np.mean(pcm * pcm)))


def is_voiced(mulaw: bytes, threshold_rms: float = DEFAULT_VOICED_RMS) -> bool:
    """True when the frame's energy is above ``threshold_rms``."""
    return frame_rms(mulaw) > threshold_rms


def trim_silence(
    mulaw: bytes,
    frame_bytes: int = 160,
    threshold_rms: float = DEFAULT_VOICED_RMS,
    edge_rms: float = EDGE_RMS,
) -> bytes:
    """The audio from its first voiced frame to its last, widened over the weak frames at both
    edges (a breathy "h", a final "t") and one frame of lead-in; empty when nothing is voiced.

    A voiced frame is above ``threshold_rms``; the edges extend while frames stay above
    ``edge_rms``, so a weak onset is sent as the caller said it ("Hi", not "I").
    """
    frames = [mulaw[i : i + frame_bytes] for i in range(0, len(mulaw), frame_bytes)]
    levels = [frame_rms(frame) for frame in frames]
    voiced = [i for i, level in enumerate(levels) if level > threshold_rms]
    if not voiced:
        return b""
    first, last = voiced[0], voiced[-1]
    while first > 0 and levels[first - 1] > edge_rms:
        first -= 1
    while last + 1 < len(frames) and levels[last + 1] > edge_rms:
        last += 1
    return b"".join(frames[max(0, first - LEAD_FRAMES) : last + 1])
