"""soxr resampling keeps a telephone-band tone clean, in one shot and in a stream."""

from __future__ import annotations

import numpy as np

from switchboard_common.audio import Resampler, resample


def _sine(freq_hz: float, rate_hz: int, seconds: float, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(rate_hz * seconds)) / rate_hz
    return (np.sin(2 * np.pi * freq_hz * t) * amplitude * 32767).astype(np.int16)


def _snr_db(reference: np.ndarray, signal: np.ndarray) -> float:
    ref = reference.astype(np.float64)
    noise = ref - signal.astype(np.float64)
    return float(10 * np.log10(np.sum(ref**2) / np.sum(noise**2)))


def test_8k_to_16k_to_8k_round_trip_of_1khz_sine_keeps_snr_above_40_db() -> None:
    original = _sine(1000, 8000, 1.0)
    round_trip = resample(resample(original, 8000, 16000), 16000, 8000)
    assert round_trip.size == original.size
    trim = 200  # filter edges
    assert _snr_db(original[trim:-trim], round_trip[trim:-trim]) > 40


def test_streaming_resampler_matches_length_and_quality_of_one_shot() -> None:
    original = _sine(440, 16000, 1.0)
    stream = Resampler(16000, 8000)
    chunks = [stream.process(original[i : i + 320]) for i in range(0, original.size, 320)]
    out = np.concatenate([*chunks, stream.flush()])
    assert abs(out.size - 8000) <= 1
    reference = _sine(440, 8000, 1.0)
    assert _snr_db(reference[200:-200], out[200:-200]) > 40


def test_same_rate_is_passthrough() -> None:
    pcm = _sine(300, 8000, 0.1)
    assert np.array_equal(resample(pcm, 8000, 8000), pcm)
    assert np.array_equal(Resampler(8000, 8000).process(pcm), pcm)
