"""Caller audio in: PCM16 at the call's rate, cut in 20 ms frames, voiced or not."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import webrtcvad

from switchboard_common.audio import Resampler, resample

WEBRTC_RATES_HZ = frozenset({8_000, 16_000, 32_000, 48_000})
"""The rates WebRTC's VAD takes; other call rates are resampled to 16 kHz for it (only)."""
VAD_FALLBACK_RATE_HZ = 16_000
FRAME_MS = 20
SPEECH_FLOOR_RMS = 100.0
"""About -50 dBFS: quieter frames are never speech. WebRTC's VAD holds its speech decision for
several frames after the voice stops (its "overhang"); without this floor the end of the caller's
speech, and so every end-of-turn decision, would land ~100 ms late."""
STT_RATE_HZ = 16_000


def to_stt_rate(pcm: bytes, sample_rate_hz: int = 8_000) -> bytes:
    """An utterance of PCM16 at Whisper's 16 kHz, resampled in one pass (soxr HQ); audio
    already at 16 kHz goes as it is."""
    if sample_rate_hz == STT_RATE_HZ:
        return pcm
    return resample(np.frombuffer(pcm, dtype=np.int16), sample_rate_hz, STT_RATE_HZ).tobytes()


class Vad(Protocol):
    def is_speech(self, frame: bytes) -> bool:
        """Whether one 20 ms frame of PCM16 (at the rate the detector was made for) holds
        speech."""


class WebRtcVad:
    """WebRTC's GMM voice detector; ``aggressiveness`` 0 (lenient) to 3 (strict)."""

    def __init__(self, aggressiveness: int = 2, *, sample_rate_hz: int = 8_000) -> None:
        self._vad = webrtcvad.Vad(aggressiveness)
        self._rate_hz = sample_rate_hz

    def is_speech(self, frame: bytes) -> bool:
        return bool(self._vad.is_speech(frame, self._rate_hz))


class CallerAudio:
    """Turns the caller's PCM16 (at ``sample_rate_hz``) into 20 ms frames with a voiced flag.

    One per call, not thread-safe. The per-frame path is one dot product (the energy floor) and
    one webrtcvad call (WebRTC works at 8 kHz internally, so the carrier's own rate decides as
    well as any); nothing here awaits or allocates tasks.
    """

    def __init__(
        self,
        vad: Vad | None = None,
        *,
        floor_rms: float = SPEECH_FLOOR_RMS,
        sample_rate_hz: int = 8_000,
    ) -> None:
        native = sample_rate_hz in WEBRTC_RATES_HZ
        self._vad_rate_hz = sample_rate_hz if native else VAD_FALLBACK_RATE_HZ
        self._vad = vad or WebRtcVad(sample_rate_hz=self._vad_rate_hz)
        self._samples = sample_rate_hz * FRAME_MS // 1000
        self._floor_energy = floor_rms * floor_rms * self._samples
        self._pending = np.zeros(0, dtype=np.int16)
        self._to_vad = None if native else Resampler(sample_rate_hz, VAD_FALLBACK_RATE_HZ)
        self._vad_pending = np.zeros(0, dtype=np.int16)

    def feed(self, payload: bytes) -> list[tuple[bytes, bool]]:
        """Every complete frame the PCM16 payload finishes, as (pcm16 bytes, voiced)."""
        pcm = np.frombuffer(payload, dtype="<i2")
        if self._pending.size:
            pcm = np.concatenate((self._pending, pcm))
        count = pcm.size // self._samples
        frames = []
        for index in range(count):
            block = pcm[index * self._samples : (index + 1) * self._samples]
            samples = block.astype(np.float32)
            loud = float(np.dot(samples, samples)) >= self._floor_energy
            frame = block.tobytes()
            frames.append((frame, loud and self._is_speech(block, frame)))
        self._pending = pcm[count * self._samples :]
        return frames

    def _is_speech(self, block: np.ndarray[tuple[int], np.dtype[np.int16]], frame: bytes) -> bool:
        if self._to_vad is None:
            return self._vad.is_speech(frame)
        size = self._vad_rate_hz * FRAME_MS // 1000
        pending = np.concatenate((self._vad_pending, self._to_vad.process(block)))
        vad_frame, self._vad_pending = pending[:size], pending[size:]
        if vad_frame.size < size:  # the resampler's first output is short by its delay
            vad_frame = np.pad(vad_frame, (size - vad_frame.size, 0))
        return self._vad.is_speech(vad_frame.tobytes())
