"""Caller audio in: mu-law decoded, resampled to 16 kHz, cut in 20 ms frames, voiced or not."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import webrtcvad

from switchboard_common.audio import Resampler, mulaw_decode

VAD_RATE_HZ = 16_000
FRAME_MS = 20
FRAME_SAMPLES = VAD_RATE_HZ * FRAME_MS // 1000
SPEECH_FLOOR_RMS = 100.0
"""About -50 dBFS: quieter frames are never speech. WebRTC's VAD holds its speech decision for
several frames after the voice stops (its "overhang"); without this floor the end of the caller's
speech, and so every end-of-turn decision, would land ~100 ms late."""
RESAMPLE_QUALITY = "QQ"
"""soxr's quick (cubic) resampler: no look-ahead, so each 20 ms payload yields its 20 ms frame at
once. The higher qualities buffer about 100 ms and release it in bursts, which would delay every
speech start, barge-in and end of turn by up to that much; 8 kHz telephone audio loses nothing
a VAD or Whisper needs with the quick one."""


class Vad(Protocol):
    def is_speech(self, frame: bytes) -> bool:
        """Whether one 20 ms frame of 16 kHz PCM16 holds speech."""


class WebRtcVad:
    """WebRTC's GMM voice detector; ``aggressiveness`` 0 (lenient) to 3 (strict)."""

    def __init__(self, aggressiveness: int = 2) -> None:
        self._vad = webrtcvad.Vad(aggressiveness)

    def is_speech(self, frame: bytes) -> bool:
        return bool(self._vad.is_speech(frame, VAD_RATE_HZ))


class CallerAudio:
    """Turns carrier payloads into 20 ms 16 kHz PCM16 frames with a voiced flag each.

    One per call, not thread-safe. The per-frame path is numpy indexing, one soxr call and one
    webrtcvad call; nothing here awaits or allocates tasks.
    """

    def __init__(self, vad: Vad | None = None, *, floor_rms: float = SPEECH_FLOOR_RMS) -> None:
        self._vad = vad or WebRtcVad()
        self._floor_sq = floor_rms * floor_rms
        self._resampler = Resampler(8000, VAD_RATE_HZ, quality=RESAMPLE_QUALITY)
        self._pending = np.zeros(0, dtype=np.int16)

    def feed(self, payload: bytes) -> list[tuple[bytes, bool]]:
        """Every complete frame the payload finishes, as (pcm16 bytes, voiced)."""
        pcm = self._resampler.process(mulaw_decode(payload))
        if self._pending.size:
            pcm = np.concatenate((self._pending, pcm))
        count = pcm.size // FRAME_SAMPLES
        frames = []
        if count:
            blocks = pcm[: count * FRAME_SAMPLES].reshape(count, FRAME_SAMPLES).astype(np.float32)
            loud = np.mean(blocks * blocks, axis=1) >= self._floor_sq
        for index in range(count):
            frame = pcm[index * FRAME_SAMPLES : (index + 1) * FRAME_SAMPLES].tobytes()
            frames.append((frame, bool(loud[index]) and self._vad.is_speech(frame)))
        self._pending = pcm[count * FRAME_SAMPLES :]
        return frames
