"""Turn-taking hysteresis: onset, speculative pause, resume, sustained speech, end of turn."""

from __future__ import annotations

from switchboard_common.contract.tenant_config import TurnTakingConfig
from switchboard_voice_runtime.call.turns import (
    MediaClock,
    SpeechPaused,
    SpeechResumed,
    SpeechStarted,
    SpeechSustained,
    TurnDetector,
    TurnEnded,
    TurnEvent,
    UtteranceAudio,
    shifted,
)


def _feed(
    detector: TurnDetector, pattern: str, *, first_frame: int = 0
) -> list[tuple[float, TurnEvent]]:
    events = []
    for index, flag in enumerate(pattern, start=first_frame):
        event = detector.on_frame(flag == "1", round((index + 1) * 0.02, 2))
        if event is not None:
            events.append((round((index + 1) * 0.02, 2), event))
    return events


def test_turn_ends_after_the_configured_silence_and_reports_the_last_voiced_frame() -> None:
    detector = TurnDetector(TurnTakingConfig(end_of_turn_silence_ms=400))
    events = _feed(detector, "1" * 25 + "0" * 25)
    kinds = [type(event) for _, event in events]
    assert kinds == [SpeechStarted, SpeechSustained, SpeechPaused, TurnEnded]
    ended = events[-1][1]
    assert isinstance(ended, TurnEnded)
    assert ended.stopped_at_s == 0.5 and abs(ended.decided_at_s - 0.9) < 1e-9
    paused_at = events[2][0]
    assert abs(paused_at - 0.68) < 1e-9  # speculative transcription 180 ms into the silence


def test_a_single_voiced_blip_neither_starts_nor_resumes_speech() -> None:
    detector = TurnDetector(TurnTakingConfig(end_of_turn_silence_ms=400))
    assert _feed(detector, "0101001000") == []
    events = _feed(detector, "11111" + "0" * 10 + "1" + "0" * 15)
    assert [type(event) for _, event in events] == [SpeechStarted, SpeechPaused, TurnEnded]


def test_speech_after_a_pause_resumes_the_same_turn() -> None:
    detector = TurnDetector(TurnTakingConfig(end_of_turn_silence_ms=500))
    events = _feed(detector, "11111" + "0" * 12 + "111" + "0" * 30)
    assert [type(event) for _, event in events] == [
        SpeechStarted,
        SpeechPaused,
        SpeechResumed,
        SpeechSustained,  # 300 ms since the onset, pause included
        SpeechPaused,
        TurnEnded,
    ]


def test_utterance_audio_keeps_a_pre_roll_before_onset() -> None:
    audio = UtteranceAudio(pre_roll_frames=2)
    for frame in (b"a", b"b", b"c"):
        audio.add(frame)
    audio.start()
    audio.add(b"d")
    assert audio.finish() == b"bcd"
    audio.add(b"e")
    assert audio.snapshot() == b""


def test_media_clock_counts_audio_not_arrivals() -> None:
    clock = MediaClock(max_lag_s=1.0)
    assert clock.advance(10.0) == 10.0
    # a burst: five frames arriving at the same instant still span 100 ms of audio
    burst = [clock.advance(10.3) for _ in range(5)]
    assert [round(at_s, 2) for at_s in burst] == [10.02, 10.04, 10.06, 10.08, 10.1]


def test_media_clock_counts_a_long_gap_beyond_its_lag_allowance() -> None:
    clock = MediaClock(max_lag_s=1.0)
    clock.advance(0.0)
    assert clock.advance(3.0) == 2.0  # 3 s without frames: all but the 1 s allowance is time
    assert round(clock.advance(3.0), 2) == 2.02


def test_events_move_to_wall_time_with_their_durations_unchanged() -> None:
    ended = shifted(TurnEnded(stopped_at_s=1.0, decided_at_s=1.4, speech_ms=900.0), 0.25)
    assert ended == TurnEnded(stopped_at_s=1.25, decided_at_s=1.65, speech_ms=900.0)
    assert shifted(SpeechStarted(2.0), -0.5) == SpeechStarted(1.5)
    assert shifted(SpeechSustained(2.0), 0.5) == SpeechSustained(2.5)
    assert shifted(SpeechPaused(2.0), 0.5) == SpeechPaused(2.5)
    assert shifted(SpeechResumed(2.0), 0.5) == SpeechResumed(2.5)


def test_with_a_model_the_pause_comes_early_and_end_now_ends_that_pause_only() -> None:
    config = TurnTakingConfig(end_of_turn_pause_ms=120, incomplete_max_wait_ms=1_600)
    detector = TurnDetector(config, model=True)
    events = _feed(detector, "11111" + "000000")
    assert [type(event) for _, event in events] == [SpeechStarted, SpeechPaused]
    paused_at, paused = events[-1]
    assert isinstance(paused, SpeechPaused) and abs(paused_at - 0.22) < 1e-9
    assert detector.end_now(paused.pause + 1, 0.25) is None  # not this pause
    ended = detector.end_now(paused.pause, 0.25)
    assert ended is not None and ended.stopped_at_s == 0.1 and ended.decided_at_s == 0.25
    assert not detector.in_speech
    assert detector.end_now(paused.pause, 0.3) is None  # already ended


def test_with_a_model_a_resumed_caller_voids_the_verdict_and_silence_waits_the_maximum() -> None:
    config = TurnTakingConfig(end_of_turn_pause_ms=120, incomplete_max_wait_ms=1_000)
    detector = TurnDetector(config, model=True)
    events = _feed(detector, "11111" + "000000" + "11")
    paused = events[1][1]
    assert isinstance(paused, SpeechPaused) and isinstance(events[-1][1], SpeechResumed)
    assert detector.end_now(paused.pause, 0.3) is None
    events = _feed(detector, "0" * 60, first_frame=13)
    ended = [event for _, event in events if isinstance(event, TurnEnded)]
    assert len(ended) == 1 and abs(ended[0].decided_at_s - ended[0].stopped_at_s - 1.0) < 1e-9
