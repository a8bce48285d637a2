"""Shared wire helpers: counters as numbers or digit strings, escaped XML attributes."""

from __future__ import annotations

import pytest

from switchboard_voice_runtime.telephony import wire


def test_counters_accept_numbers_and_digit_strings_only() -> None:
    assert wire.counter({"n": 3}, "n") == 3
    assert wire.counter({"n": "12"}, "n") == 12
    assert wire.counter({}, "n") is None
    for bad in (-1, True, "1.5", "١٢", "9" * 19, 2.0):
        with pytest.raises(wire.FrameError, match="non-negative integer"):
            wire.counter({"n": bad}, "n")


def test_xml_attributes_are_escaped() -> None:
    assert wire.xml_attr('a"<&>') == '"a&quot;&lt;&amp;&gt;"'
    assert wire.xml_response("<Hangup/>").endswith("<Response><Hangup/></Response>")
