"""Stream auth tokens: one per call, checked in constant time, never empty."""

from __future__ import annotations

from switchboard_voice_runtime.telephony.stream_token import stream_token, stream_token_matches

SECRET = b"s" * 32


def test_a_token_names_one_call_under_one_secret() -> None:
    token = stream_token(SECRET, "call_1")
    assert len(token) == 43 and token.replace("-", "").replace("_", "").isalnum()
    assert stream_token(SECRET, "call_1") == token
    assert stream_token_matches(SECRET, "call_1", token)
    assert not stream_token_matches(SECRET, "call_2", token)
    assert not stream_token_matches(b"t" * 32, "call_1", token)
    assert not stream_token_matches(SECRET, "call_1", token[:-1])
    assert not stream_token_matches(SECRET, "call_1", None)
    assert not stream_token_matches(SECRET, "call_1", "")
    assert not stream_token_matches(b"", "call_1", stream_token(b"", "call_1"))
