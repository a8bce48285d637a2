"""Telling voiced audio from silence: RMS energy of decoded mu-law frames."""

from __future__ import annotations

import numpy as np

from switchboard_common.audio import mulaw_decode

DEFAULT_VOICED_RMS = 300.0
"""About -40 dBFS: above line noise and dithered silence, below any spoken syllable."""

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
    mulaw: bytes, frame_bytes: int = 160, threshold_rms: float = DEFAULT_VOICED_RMS
) -> bytes:
    """The audio from its first voiced frame to its last (empty when nothing is voiced)."""
    frames = [mulaw[i : i + frame_bytes] for i in range(0, len(mulaw), frame_bytes)]
    voiced = [i for i, frame in enumerate(frames) if is_voiced(frame, threshold_rms)]
    if not voiced:
        return b""
    return b"".join(frames[voiced[0] : voiced[-1] + 1])
