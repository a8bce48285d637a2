"""Sentence ends shared by the runtime and TTS."""

from __future__ import annotations

from switchboard_common.sentences import sentence_ends, split_sentences


def test_sentences_end_at_their_marks_but_not_after_titles_initials_or_in_numbers() -> None:
    text = "Dr. Smith of St. Mary's sees Mr. J. Doe at 3.5 p.m. today. Is that fine? Yes!"
    assert split_sentences(text) == [
        "Dr. Smith of St. Mary's sees Mr. J. Doe at 3.5 p.m. today.",
        "Is that fine?",
        "Yes!",
    ]


def test_a_lower_case_continuation_is_not_a_new_sentence() -> None:
    assert split_sentences("We use approx. five tools, e.g. drills. ok. Then go.") == [
        "We use approx. five tools, e.g. drills. ok.",
        "Then go.",
    ]


def test_streamed_text_ends_a_sentence_before_the_next_word_but_not_after_a_title() -> None:
    assert sentence_ends("Hello there. ") == [13]
    assert sentence_ends("Please ask for Dr. ") == []
    assert sentence_ends("Please ask for Dr. Smith. ") == [26]


def test_a_line_break_always_ends_a_sentence() -> None:
    assert split_sentences("First line\nsecond line") == ["First line", "second line"]
