"""Mark echoes: only one that comes after its audio could have played counts as heard."""

from __future__ import annotations

from switchboard_voice_runtime.telephony.playout_marks import MarkEcho, PlayoutMarks


def test_a_mark_is_heard_once_its_audio_has_played() -> None:
    marks = PlayoutMarks()
    marks.sent_audio(1000.0, now_ms=0.0)
    marks.sent_mark("seg0", now_ms=5.0)
    marks.sent_audio(500.0, now_ms=10.0)  # queued behind the first second
    marks.sent_mark("seg1", now_ms=12.0)
    assert marks.echoed("seg0", now_ms=990.0) is MarkEcho.HEARD  # within the slack
    assert marks.echoed("seg1", now_ms=1200.0) is MarkEcho.EARLY  # 1500 ms not yet played
    assert marks.last_plays_until_ms == 1500.0
    assert marks.echoed("seg1", now_ms=1600.0) is MarkEcho.UNKNOWN  # already judged


def test_an_echo_at_once_while_its_audio_is_queued_is_early() -> None:
    marks = PlayoutMarks()
    marks.sent_audio(400.0, now_ms=100.0)
    marks.sent_mark("reply", now_ms=100.0)
    assert marks.echoed("reply", now_ms=102.0) is MarkEcho.EARLY  # Telnyx had nothing queued
    marks.sent_mark("empty", now_ms=600.0)  # audio long played: nothing left to hear
    assert marks.echoed("empty", now_ms=601.0) is MarkEcho.HEARD
    assert marks.echoed("never-sent", now_ms=700.0) is MarkEcho.UNKNOWN


def test_marks_returned_by_a_clear_are_cleared_not_heard() -> None:
    marks = PlayoutMarks()
    marks.sent_audio(3000.0, now_ms=0.0)
    marks.sent_mark("greeting", now_ms=0.0)
    marks.sent_clear(now_ms=800.0)
    assert marks.pending == ("greeting",)
    assert marks.echoed("greeting", now_ms=4000.0) is MarkEcho.CLEARED
    marks.sent_audio(100.0, now_ms=900.0)  # playback starts afresh after the clear
    marks.sent_mark("reply", now_ms=900.0)
    assert marks.echoed("reply", now_ms=1000.0) is MarkEcho.HEARD
