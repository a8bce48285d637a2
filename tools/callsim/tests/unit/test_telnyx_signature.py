"""The simulator signs Telnyx webhooks exactly as the runtime verifies them."""

from __future__ import annotations

import base64
import time

import pytest

from switchboard_callsim.telnyx_signature import TelnyxSigner
from switchboard_voice_runtime.telephony.telnyx_signature import SignatureVerdict, verify_webhook


def test_signed_headers_verify_with_the_public_key() -> None:
    signer = TelnyxSigner.generate()
    body = b'{"data":{}}'
    headers = signer.headers(body)
    assert abs(int(headers["telnyx-timestamp"]) - time.time()) < 5
    check = verify_webhook(headers, body, [signer.public_key], now_s=time.time())
    assert check.ok
    stale = signer.headers(body, timestamp_s=int(time.time()) - 400)
    assert verify_webhook(stale, body, [signer.public_key], now_s=time.time()).verdict is (
        SignatureVerdict.STALE
    )


def test_a_signer_loads_from_its_base64_seed() -> None:
    seed = base64.b64encode(bytes(range(32))).decode()
    first, second = TelnyxSigner.from_private_key(seed), TelnyxSigner.from_private_key(seed)
    assert first.public_key == second.public_key
    assert first.headers(b"x", 100) == second.headers(b"x", 100)  # Ed25519 is deterministic
    with pytest.raises(ValueError, match="32 bytes"):
        TelnyxSigner.from_private_key(base64.b64encode(bytes(31)).decode())
