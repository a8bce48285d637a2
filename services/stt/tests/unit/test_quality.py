"""Word error rate over normalized words."""

from __future__ import annotations

import pytest

from switchboard_stt.quality import PHONE_AGENT_SENTENCES, normalize_words, word_error_rate


def test_normalization_ignores_case_punctuation_and_contractions() -> None:
    assert normalize_words("I'm sorry, I DIDN'T catch that!") == normalize_words(
        "i am sorry i did not catch that"
    )


def test_wer_counts_substitutions_insertions_and_deletions() -> None:
    assert word_error_rate([("a b c d", "a x c d")]) == 0.25
    assert word_error_rate([("a b c d", "a b c d e")]) == 0.25
    assert word_error_rate([("a b c d", "a b")]) == 0.5


def test_wer_is_pooled_over_the_corpus() -> None:
    assert word_error_rate([("a b c", "a b c"), ("d", "x")]) == 0.25


def test_wer_needs_reference_words() -> None:
    with pytest.raises(ValueError, match="reference"):
        word_error_rate([("", "anything")])


def test_the_fixture_set_has_at_least_ten_sentences() -> None:
    assert len(PHONE_AGENT_SENTENCES) >= 10
