"""Telnyx webhook signatures: Ed25519 over "timestamp|body", any candidate key, 300 s window."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from switchboard_voice_runtime.telephony import telnyx_signature as ts
from switchboard_voice_runtime.telephony.telnyx_signature import SignatureVerdict as V

NOW = 1_796_000_000
BODY = b'{"data":{"event_type":"call.initiated"}}'


def _public(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def _headers(key: Ed25519PrivateKey, body: bytes, timestamp: int | str) -> dict[str, str]:
    signature = key.sign(f"{timestamp}|".encode() + body)
    return {
        "telnyx-signature-ed25519": base64.b64encode(signature).decode(),
        "telnyx-timestamp": str(timestamp),
    }


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def test_a_signed_webhook_verifies_with_its_key_among_others(key: Ed25519PrivateKey) -> None:
    other = Ed25519PrivateKey.generate()
    check = ts.verify_webhook(_headers(key, BODY, NOW), BODY, [_public(other), _public(key)],
                              now_s=NOW + 299)  # fmt: skip
    assert check.ok and check.key_index == 1 and check.timestamp_s == NOW
    title_case = {k.title(): v for k, v in _headers(key, b"", NOW).items()}
    assert ts.verify_webhook(title_case, b"", [key.public_key()], now_s=NOW).ok  # a GET fetch


def test_forged_stale_and_incomplete_webhooks_are_refused(key: Ed25519PrivateKey) -> None:
    keys = [_public(key)]
    headers = _headers(key, BODY, NOW)

    def verdict(h: dict[str, str], body: bytes = BODY, now: int = NOW) -> V:
        return ts.verify_webhook(h, body, keys, now_s=now).verdict

    assert verdict(headers, BODY + b" ") is V.BAD_SIGNATURE
    assert verdict({**headers, "telnyx-timestamp": str(NOW + 1)}) is V.BAD_SIGNATURE
    assert verdict(_headers(Ed25519PrivateKey.generate(), BODY, NOW)) is V.BAD_SIGNATURE
    assert verdict(headers, now=NOW + 301) is V.STALE
    assert verdict(_headers(key, BODY, NOW + 400)) is V.STALE  # from the future
    assert verdict({"telnyx-timestamp": str(NOW)}) is V.MISSING_HEADERS
    assert verdict({"telnyx-signature-ed25519": headers["telnyx-signature-ed25519"]}) is (
        V.MISSING_HEADERS
    )
    assert verdict({**headers, "telnyx-timestamp": "12a"}) is V.MALFORMED
    assert verdict({**headers, "telnyx-signature-ed25519": "%%%"}) is V.MALFORMED
    short = base64.b64encode(b"x" * 63).decode()
    assert verdict({**headers, "telnyx-signature-ed25519": short}) is V.MALFORMED
    assert ts.verify_webhook(headers, BODY, [], now_s=NOW).verdict is V.NO_KEY
    assert ts.verify_webhook(headers, BODY, ["not a key"], now_s=NOW).verdict is V.NO_KEY


def test_public_keys_are_checked() -> None:
    with pytest.raises(ValueError, match="base64"):
        ts.load_public_key("%%%")
    with pytest.raises(ValueError, match="31 bytes"):
        ts.load_public_key(base64.b64encode(bytes(31)).decode())
