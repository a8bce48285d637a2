"""The STT word-error benchmark's set and its normalization of spelling that is not an error."""

from __future__ import annotations

from stt_wer import normalize
from stt_wer_set import BUSINESSES

from switchboard_common.contract.vocabulary import prompt_from_terms


def test_the_set_has_at_least_40_utterances_and_a_vocabulary_per_business() -> None:
    assert sum(len(b.utterances) for b in BUSINESSES) >= 40
    for business in BUSINESSES:
        assert business.vocabulary[0] == business.name
        assert prompt_from_terms(business.vocabulary).endswith(".")


def test_formatting_is_not_counted_as_an_error() -> None:
    assert normalize("Can I see Dr. Okafor at 9:45?") == normalize("can I see Doctor Okafor at 945")
    assert normalize("My number is 555-0142.") == normalize("my number is 555 0142")
    assert normalize("for two people, 6-month-old") == "for 2 people 6 month old"


def test_different_words_still_differ() -> None:
    assert normalize("Bartek") != normalize("Bartlett")
    assert normalize("at 9:45") != normalize("at 9:15")
