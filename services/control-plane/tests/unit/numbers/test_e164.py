"""Phone numbers normalize to E.164 or are refused."""

from __future__ import annotations

import pytest

from switchboard_control_plane.numbers.e164 import InvalidNumberError, normalize_e164


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("+1 (415) 555-0100", "+14155550100"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+15551234567", "+15551234567"),
    ],
)
def test_numbers_normalize(raw: str, e164: str) -> None:
    assert normalize_e164(raw) == e164


@pytest.mark.parametrize("raw", ["4155550100", "+1555", "+999123", "hello", ""])
def test_bad_numbers_are_refused(raw: str) -> None:
    with pytest.raises(InvalidNumberError):
        normalize_e164(raw)
