"""Which JSON escapes name text Postgres cannot store."""

from __future__ import annotations

import json

import pytest

from switchboard_control_plane.http.request_text import json_has_unstorable_escape


@pytest.mark.parametrize(
    "text",
    ['"\\u0000"', '"a\\ud800"', '"\\udfff"', '"\\ud800\\ud800\\udc00"', '"\\ud800 \\udc00"'],
)
def test_nul_and_unpaired_surrogates_are_found(text: str) -> None:
    assert json_has_unstorable_escape(text.encode())


@pytest.mark.parametrize(
    "text",
    ['"plain"', '"\\\\u0000"', '"\\ud83d\\ude00"', '"\\n\\t\\u00e9"', '"\\\\\\ud83d\\ude00"'],
)
def test_ordinary_escapes_and_pairs_pass(text: str) -> None:
    json.loads(text)  # each case is valid JSON
    assert not json_has_unstorable_escape(text.encode())


def test_the_verdict_matches_what_utf8_and_postgres_refuse() -> None:
    for code in (0, 0x41, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFF):
        text = json.dumps(chr(code), ensure_ascii=True)
        value = json.loads(text)
        try:
            value.encode("utf-8")
            storable = "\x00" not in value
        except UnicodeEncodeError:
            storable = False
        assert json_has_unstorable_escape(text.encode()) is not storable
