"""Trimming caller audio to its speech keeps weak onsets and endings."""

import numpy as np

from switchboard_callsim.energy import SILENCE_BYTE, trim_silence
from switchboard_common.audio import mulaw_encode

FRAME_BYTES = 160
SILENCE = bytes([SILENCE_BYTE]) * FRAME_BYTES


def noise(duration_ms: int, rms: float, seed: int = 1) -> bytes:
    """Breath-like noise at about ``rms`` (PCM16 units), 8 kHz mu-law."""
    samples = np.random.default_rng(seed).normal(0.0, rms, duration_ms * 8)
    return mulaw_encode(samples.clip(-32768, 32767).astype(np.int16))


def vowel(duration_ms: int) -> bytes:
    t = np.arange(duration_ms * 8) / 8000.0
    return mulaw_encode((8000 * np.sin(2 * np.pi * 220 * t)).astype(np.int16))


def test_a_breathy_onset_below_the_voiced_level_is_kept() -> None:
    """What "Hi" looks like from Piper: an "h" at RMS ~120 for two frames, then the vowel."""
    onset = noise(40, rms=120)
    audio = SILENCE * 10 + onset + vowel(200) + SILENCE * 10
    trimmed = trim_silence(audio)
    assert trimmed == SILENCE + onset + vowel(200)


def test_a_weak_released_ending_is_kept() -> None:
    release = noise(60, rms=80, seed=2)
    audio = SILENCE * 5 + vowel(200) + release + SILENCE * 10
    assert trim_silence(audio).endswith(vowel(200)[-FRAME_BYTES:] + release)


def test_the_quiet_of_a_synthetic_voice_is_still_trimmed() -> None:
    quiet = noise(200, rms=5, seed=3)
    audio = quiet + vowel(200) + quiet
    trimmed = trim_silence(audio)
    assert len(trimmed) == len(vowel(200)) + FRAME_BYTES
    assert trim_silence(quiet) == b""
