"""Turn-taking hysteresis: onset, speculative pause, resume, sustained speech, end of turn."""

from __future__ import annotations

from switchboard_common.contract.tenant_config import TurnTakingConfig
from switchboard_voice_runtime.call.turns import (
    SpeechPaused,
    SpeechResumed,
    SpeechStarted,
    SpeechSustained,
    TurnDetector,
    TurnEnded,
    TurnEvent,
    UtteranceAudio,
)


def _feed(detector: TurnDetector, pattern: str) -> list[tuple[float, TurnEvent]]:
    events = []
    for index, flag in enumerate(pattern):
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
