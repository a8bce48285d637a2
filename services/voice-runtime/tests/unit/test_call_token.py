"""Call tokens bind a media socket to its webhook's decision, and only briefly."""

from __future__ import annotations

import jwt
import pytest

from switchboard_voice_runtime.call_token import CallClaims, CallTokenError, CallTokenSigner

SECRET = "test-secret-0123456789abcdef-0123456789"
CLAIMS = CallClaims(
    call_id="c1",
    tenant_id="t1",
    agent_id="a1",
    number_id="n1",
    carrier="twilio",
    carrier_call_id="CA" + "1" * 32,
    account_ref="AC" + "2" * 32,
    from_number="+15550001111",
    to_number="+15550002222",
)


def test_token_round_trips_its_claims() -> None:
    signer = CallTokenSigner(SECRET, ttl_s=30)
    assert signer.verify(signer.issue(CLAIMS)) == CLAIMS


def test_expired_token_is_rejected() -> None:
    signer = CallTokenSigner(SECRET, ttl_s=30)
    token = signer.issue(CLAIMS, now_s=1_000_000)
    assert signer.verify(token, now_s=1_000_029) == CLAIMS
    with pytest.raises(CallTokenError):
        signer.verify(token, now_s=1_000_031)
    with pytest.raises(CallTokenError):
        signer.verify(token)


def test_token_signed_with_another_secret_is_rejected() -> None:
    token = CallTokenSigner("another-secret-0123456789-0123456789", ttl_s=30).issue(CLAIMS)
    with pytest.raises(CallTokenError):
        CallTokenSigner(SECRET, ttl_s=30).verify(token)


@pytest.mark.parametrize("token", ["", "garbage", "a.b.c"])
def test_garbage_is_rejected(token: str) -> None:
    with pytest.raises(CallTokenError):
        CallTokenSigner(SECRET, ttl_s=30).verify(token)


def test_unsigned_or_incomplete_tokens_are_rejected() -> None:
    signer = CallTokenSigner(SECRET, ttl_s=30)
    unsigned = jwt.encode({"sub": "c1", "aud": "switchboard-media"}, key="", algorithm="none")
    with pytest.raises(CallTokenError):
        signer.verify(unsigned)
    partial = jwt.encode(
        {"sub": "c1", "aud": "switchboard-media", "iat": 1, "exp": 2**40}, SECRET, algorithm="HS256"
    )
    with pytest.raises(CallTokenError):
        signer.verify(partial)


def test_short_secrets_are_refused() -> None:
    with pytest.raises(ValueError):
        CallTokenSigner("short", ttl_s=30)
