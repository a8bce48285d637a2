"""A truncated assistant item keeps only what was heard; without a truncate all sent counts."""

from __future__ import annotations

import pytest

from switchboard_voice_runtime.realtime.transcript_history import (
    SpokenSegment,
    heard_text,
    item_audio_ms,
)

SEGMENTS = (
    SpokenSegment("We open at nine.", 1200.0),
    SpokenSegment("We close at five on weekdays.", 2000.0),
    SpokenSegment("Anything else?", 800.0),
)


def test_without_a_truncate_everything_sent_counts_as_heard() -> None:
    assert heard_text(SEGMENTS) == ("We open at nine. We close at five on weekdays. Anything else?")


def test_whole_segments_up_to_the_cut_are_heard() -> None:
    assert heard_text(SEGMENTS, 1200) == "We open at nine."
    assert heard_text(SEGMENTS, 3200) == "We open at nine. We close at five on weekdays."
    assert heard_text(SEGMENTS, 10_000) == heard_text(SEGMENTS)


def test_a_cut_inside_a_segment_keeps_the_words_said_before_it() -> None:
    halfway = heard_text(SEGMENTS, 1200 + 1000)
    assert halfway.startswith("We open at nine. We close at")
    assert "weekdays" not in halfway
    assert heard_text(SEGMENTS, 1200 + 1990) == "We open at nine. We close at five on weekdays."


@pytest.mark.parametrize("audio_end_ms", [0, -5])
def test_a_cut_at_the_start_hears_nothing(audio_end_ms: float) -> None:
    assert heard_text(SEGMENTS, audio_end_ms) == ""


def test_silent_segments_and_empty_items() -> None:
    assert heard_text((), 500) == ""
    assert heard_text((SpokenSegment("", 0.0), SpokenSegment("Hi.", 300.0)), 300) == "Hi."
    assert item_audio_ms(SEGMENTS) == 4000.0
