"""The benchmark's figures: the carrier's jitter-buffer model and histogram quantiles."""

from __future__ import annotations

from voicebench.figures import Pacing, histogram_quantiles, percentile


def test_frames_sent_ahead_are_never_late_however_bursty() -> None:
    pacing = Pacing()
    pacing.add_segment([0.0, 0.1, 0.2, 60.0, 60.1, 60.2, 120.0])  # bursts of three, 60 ms apart
    assert pacing.late_frames == 0
    assert max(pacing.lateness_ms or [1.0]) == 0.0


def test_a_stall_is_one_underrun_and_playback_restarts_from_the_late_frame() -> None:
    pacing = Pacing()
    pacing.add_segment([0.0, 20.0, 40.0, 110.0, 130.0, 150.0])  # 50 ms gap after frame 2
    assert pacing.late_frames == 1
    assert pacing.lateness_ms == [0.0, 0.0, 50.0, 0.0, 0.0]


def test_nearest_rank_percentiles() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile([], 50) is None


def test_histogram_quantiles_use_only_the_observations_in_between() -> None:
    before = {0.001: 10.0, 0.02: 10.0, 0.04: 10.0, float("inf"): 10.0}
    after = {0.001: 108.0, 0.02: 109.0, 0.04: 110.0, float("inf"): 110.0}
    quantiles = histogram_quantiles(before, after, (50, 99))
    assert quantiles == {"n": 100.0, "p50_le": 1.0, "p99_le": 20.0}
