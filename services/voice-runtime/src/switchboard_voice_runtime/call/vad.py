"""Caller audio in: mu-law decoded, cut in 20 ms frames of 8 kHz PCM16, voiced or not."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import webrtcvad

from switchboard_common.audio import mulaw_decode, resample

VAD_RATE_HZ = 8_000
"""The carrier's own rate. WebRTC's VAD works at 8 kHz internally (it would downsample 16 kHz
input first), so resampling every frame up for it cost CPU and decided nothing better; the
utterance is resampled once, for STT, when it is transcribed."""
FRAME_MS = 20
FRAME_SAMPLES = VAD_RATE_HZ * FRAME_MS // 1000
SPEECH_FLOOR_RMS = 100.0
"""About -50 dBFS: quieter frames are never speech. WebRTC's VAD holds its speech decision for
several frames after the voice stops (its "overhang"); without this floor the end of the caller's
speech, and so every end-of-turn decision, would land ~100 ms late."""
STT_RATE_HZ = 16_000


def to_stt_rate(pcm: bytes) -> bytes:
    """An utterance of 8 kHz PCM16 at Whisper's 16 kHz, resampled in one pass (soxr HQ)."""
    return resample(np.frombuffer(pcm, dtype=np.int16), VAD_RATE_HZ, STT_RATE_HZ).tobytes()


class Vad(Protocol):
    def is_speech(self, frame: bytes) -> bool:
        """Whether one 20 ms frame of 8 kHz PCM16 holds speech."""


class WebRtcVad:
    """WebRTC's GMM voice detector; ``aggressiveness`` 0 (lenient) to 3 (strict)."""

    def __init__(self, aggressiveness: int = 2) -> None:
        self._vad = webrtcvad.Vad(aggressiveness)

    def is_speech(self, frame: bytes) -> bool:
        return bool(self._vad.is_speech(frame, VAD_RATE_HZ))


class CallerAudio:
    """Turns carrier payloads into 20 ms 8 kHz PCM16 frames with a voiced flag each.

    One per call, not thread-safe. The per-frame path is a table lookup (mu-law), one dot product
    (the energy floor) and one webrtcvad call; nothing here awaits or allocates tasks.
    """

    def __init__(self, vad: Vad | None = None, *, floor_rms: float = SPEECH_FLOOR_RMS) -> None:
        self._vad = vad or WebRtcVad()
        self._floor_energy = floor_rms * floor_rms * FRAME_SAMPLES
        self._pending = np.zeros(0, dtype=np.int16)

    def feed(self, payload: bytes) -> list[tuple[bytes, bool]]:
        """Every complete frame the payload finishes, as (pcm16 bytes, voiced)."""
        pcm = mulaw_decode(payload)
        if self._pending.size:
            pcm = np.concatenate((self._pending, pcm))
        count = pcm.size // FRAME_SAMPLES
        frames = []
        for index in range(count):
            block = pcm[index * FRAME_SAMPLES : (index + 1) * FRAME_SAMPLES]
            samples = block.astype(np.float32)
            loud = float(np.dot(samples, samples)) >= self._floor_energy
            frame = block.tobytes()
            frames.append((frame, loud and self._vad.is_speech(frame)))
        self._pending = pcm[count * FRAME_SAMPLES :]
        return frames
