"""Sentence cutting of streamed LLM text."""

from __future__ import annotations

from switchboard_voice_runtime.call.sentences import SentenceSplitter


def _stream(splitter: SentenceSplitter, tokens: list[str]) -> list[str]:
    out = [sentence for token in tokens for sentence in splitter.push(token)]
    return out + splitter.flush()


def test_sentences_are_cut_once_the_next_token_shows_whitespace() -> None:
    splitter = SentenceSplitter()
    assert splitter.push("We open at 9.") == []
    assert splitter.push("30 daily. Bye") == ["We open at 9.30 daily."]
    assert splitter.flush() == ["Bye"]


def test_a_long_first_clause_is_cut_at_a_comma_but_later_ones_are_not() -> None:
    tokens = ["Thanks for calling the downtown salon today, ", "we open at nine, ", "and close."]
    assert _stream(SentenceSplitter(), tokens) == [
        "Thanks for calling the downtown salon today,",
        "we open at nine, and close.",
    ]


def test_a_short_first_clause_waits_for_the_sentence_end() -> None:
    assert _stream(SentenceSplitter(), ["Sure, ", "nine to five. ", "Anything else?"]) == [
        "Sure, nine to five.",
        "Anything else?",
    ]


def test_titles_initials_and_decimals_do_not_end_a_sentence() -> None:
    tokens = [
        "Dr",
        ". Smith",
        " on",
        " Main",
        " St",
        ". sees",
        " you",
        " at",
        " 3",
        ".5",
        " p",
        ".m",
        ". ",
        "Bye",
        ".",
    ]
    assert _stream(SentenceSplitter(), tokens) == [
        "Dr. Smith on Main St. sees you at 3.5 p.m.",
        "Bye.",
    ]
