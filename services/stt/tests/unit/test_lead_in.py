"""Cutting the lead-in before the first word, relative to the clip's own level."""

from __future__ import annotations

import numpy as np

from switchboard_stt.lead_in import trim_lead_in

RATE_HZ = 16_000


def tone(duration_ms: int, amplitude: float) -> np.ndarray[tuple[int], np.dtype[np.float32]]:
    t = np.arange(RATE_HZ * duration_ms // 1000) / RATE_HZ
    return (amplitude * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def silence(duration_ms: int) -> np.ndarray[tuple[int], np.dtype[np.float32]]:
    return np.zeros(RATE_HZ * duration_ms // 1000, dtype=np.float32)


def test_a_long_lead_in_is_cut_to_100_ms_before_the_onset() -> None:
    weak_onset = tone(40, 0.01)  # 34 dB under the vowel: still speech
    clip = np.concatenate([silence(300), weak_onset, tone(300, 0.5), silence(200)])
    trimmed = trim_lead_in(clip)
    assert trimmed.size == clip.size - RATE_HZ * 200 // 1000
    assert np.array_equal(trimmed[RATE_HZ // 10 :][: weak_onset.size], weak_onset)


def test_line_noise_in_the_lead_in_is_not_taken_for_speech() -> None:
    noise = np.random.default_rng(1).normal(0, 0.001, RATE_HZ * 3 // 10).astype(np.float32)
    clip = np.concatenate([noise, tone(300, 0.3)])
    assert trim_lead_in(clip).size == clip.size - RATE_HZ * 2 // 10


def test_a_short_lead_in_and_a_silent_clip_are_left_alone() -> None:
    short = np.concatenate([silence(50), tone(200, 0.2)])
    assert trim_lead_in(short).size == short.size
    assert trim_lead_in(silence(500)).size == silence(500).size
    assert trim_lead_in(silence(5)).size == silence(5).size
