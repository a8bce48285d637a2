"""Turn attribution and voice-to-voice latency on synthetic audio."""

import numpy as np

from switchboard_callsim.energy import SILENCE_BYTE, is_voiced, trim_silence
from switchboard_callsim.report import TurnRecord
from switchboard_callsim.timeline import FRAME_BYTES, CallTimeline
from switchboard_common.audio import mulaw_encode

SILENCE = bytes([SILENCE_BYTE]) * FRAME_BYTES


def tone(duration_ms: int, amplitude: int = 8000) -> bytes:
    t = np.arange(duration_ms * 8) / 8000.0
    return mulaw_encode((amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.int16))


def send_all(timeline: CallTimeline, start_ms: float, frames: int) -> float:
    now = start_ms
    for _ in range(frames):
        timeline.next_caller_frame(now)
        now += 20.0
    return now


def test_tone_is_voiced_and_line_silence_is_not() -> None:
    assert is_voiced(tone(20))
    assert not is_voiced(SILENCE)
    assert not is_voiced(tone(20, amplitude=50))


def test_trim_silence_keeps_the_voiced_span() -> None:
    audio = SILENCE * 3 + tone(100) + SILENCE * 4
    assert trim_silence(audio) == SILENCE + tone(100)  # one frame of lead-in
    assert trim_silence(SILENCE * 5) == b""


def test_latency_runs_from_the_last_voiced_caller_frame_to_the_first_voiced_agent_frame() -> None:
    timeline = CallTimeline()
    turn = TurnRecord(index=1, kind="say", step=0)
    timeline.queue_utterance(tone(200), turn)  # 10 frames
    end = send_all(timeline, 1000.0, 10)
    assert turn.caller_stopped_ms == 1180.0  # the 10th frame went out at 1180 ms
    assert timeline.turns[-1] is turn
    send_all(timeline, end, 5)
    assert timeline.agent_audio(SILENCE * 3, now_ms=1400.0) is None  # silence is not a reply
    started = timeline.agent_audio(SILENCE + tone(100), now_ms=1630.0)
    assert started is turn
    assert turn.latency_ms == 450.0
    assert timeline.agent_audio(tone(100), now_ms=1650.0) is None  # only the first frame counts


def test_the_first_voiced_caller_frame_is_timed_apart_from_a_weak_onset() -> None:
    timeline = CallTimeline()
    turn = TurnRecord(index=1, kind="say", step=0, caller_started_ms=1000.0)
    timeline.queue_utterance(tone(40, amplitude=50) + tone(100), turn)  # 2 weak frames, 5 loud
    send_all(timeline, 1000.0, 7)
    assert turn.caller_voiced_ms == 1040.0  # the third frame, the first above the voiced level
    assert turn.caller_stopped_ms == 1120.0


def test_agent_audio_during_caller_speech_answers_the_previous_turn() -> None:
    timeline = CallTimeline()
    timeline.agent_audio(tone(400), now_ms=0.0)  # greeting
    turn = TurnRecord(index=1, kind="say", step=0)
    timeline.queue_utterance(tone(100), turn)
    timeline.next_caller_frame(500.0)
    timeline.agent_audio(tone(40), now_ms=510.0)  # still the greeting: caller is mid-utterance
    send_all(timeline, 520.0, 4)
    assert turn.agent_first_audio_ms is None
    assert len(timeline.playout.audio_for(0)) == 3520
    assert timeline.turns[0].latency_ms is None


def test_agent_voiced_end_follows_playout_not_arrival() -> None:
    timeline = CallTimeline()
    timeline.agent_audio(tone(1000) + SILENCE * 10, now_ms=0.0)  # arrives at once, plays 1.2 s
    assert timeline.agent_voiced_end_ms == 1000.0
    timeline.agent_audio(tone(100), now_ms=50.0)  # queued behind: plays 1200-1300 ms
    assert timeline.agent_voiced_end_ms == 1300.0


def test_clear_stops_the_agent_and_returns_marks() -> None:
    timeline = CallTimeline()
    timeline.agent_audio(tone(2000), now_ms=0.0)
    timeline.playout.mark("t0-s1", now_ms=0.0)
    dropped_ms, marks = timeline.clear(now_ms=500.0)
    assert dropped_ms == 1500.0
    assert [mark.name for mark in marks] == ["t0-s1"]
    assert timeline.agent_voiced_end_ms == 500.0
