"""Text is cut into sentences, the first one short, without breaking abbreviations."""

from __future__ import annotations

from switchboard_tts.sentences import split_for_speech


def _split(text: str, first_max_chars: int = 40, max_chars: int = 300) -> list[str]:
    return split_for_speech(text, first_max_chars=first_max_chars, max_chars=max_chars)


def test_sentences_are_split_at_their_ends() -> None:
    assert _split("Hello. How are you? Fine!") == ["Hello.", "How are you?", "Fine!"]


def test_a_long_first_sentence_is_cut_at_a_clause() -> None:
    pieces = _split("Thanks for calling Acme Dental, this is Joe, your assistant. Go on.")
    assert pieces == ["Thanks for calling Acme Dental,", "this is Joe, your assistant.", "Go on."]


def test_a_long_first_sentence_without_clauses_is_cut_at_a_word() -> None:
    pieces = _split("Our office is open from early in the morning until late at night every day.")
    assert len(pieces[0]) <= 40
    assert " ".join(pieces) == (
        "Our office is open from early in the morning until late at night every day."
    )


def test_abbreviations_and_lower_case_continuations_do_not_end_sentences() -> None:
    assert _split("Dr. Smith sees you at 3 p.m. tomorrow. Bye.", first_max_chars=100) == [
        "Dr. Smith sees you at 3 p.m. tomorrow.",
        "Bye.",
    ]


def test_long_later_sentences_are_bounded() -> None:
    long = "word " * 100
    pieces = _split("Hi. " + long.strip() + ".", max_chars=120)
    assert all(len(piece) <= 120 for piece in pieces)
    assert " ".join(pieces).split() == ("Hi. " + long.strip() + ".").split()


def test_lines_are_separate_pieces_and_blank_text_has_none() -> None:
    assert _split("First line\nSecond line") == ["First line", "Second line"]
    assert _split("   \n  ") == []
