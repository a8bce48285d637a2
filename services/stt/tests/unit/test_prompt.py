"""The vocabulary prompt's token cap, with tiny.en's real tokenizer."""

from __future__ import annotations

from pathlib import Path

import pytest
from tokenizers import Tokenizer

from switchboard_stt.model_files import resolve_model
from switchboard_stt.prompt import Encode, prompt_tokens


@pytest.fixture(scope="module")
def encode(tmp_path_factory: pytest.TempPathFactory) -> Encode:
    location = resolve_model("tiny.en", Path(tmp_path_factory.mktemp("cache")))
    tokenizer = Tokenizer.from_file(str(location.path / "tokenizer.json"))

    def _encode(text: str) -> list[int]:
        ids: list[int] = tokenizer.encode(text, add_special_tokens=False).ids
        return ids

    return _encode


def test_a_prompt_within_the_cap_is_encoded_whole_after_a_space(encode: Encode) -> None:
    tokens = prompt_tokens(encode, "Brightwater Dental, Dr. Okafor", 64)
    assert tokens == encode(" Brightwater Dental, Dr. Okafor")


def test_a_long_prompt_is_cut_after_the_last_whole_term_that_fits(encode: Encode) -> None:
    terms = [f"Service number {i}" for i in range(40)]
    tokens = prompt_tokens(encode, ", ".join(terms), 20)
    assert 0 < len(tokens) <= 20
    whole = [encode(" " + ", ".join(terms[:count])) for count in range(1, len(terms) + 1)]
    assert tokens in whole  # whole terms only
    assert len(whole[whole.index(tokens) + 1]) > 20  # and as many as fit
    assert prompt_tokens(encode, "Supercalifragilisticexpialidocious, Acme", 2) == []


def test_blank_prompts_and_a_zero_cap_give_no_tokens(encode: Encode) -> None:
    assert prompt_tokens(encode, None, 64) == []
    assert prompt_tokens(encode, "  \n ", 64) == []
    assert prompt_tokens(encode, "Acme", 0) == []
    assert prompt_tokens(encode, "Acme\n  Dental", 64) == encode(" Acme Dental")
