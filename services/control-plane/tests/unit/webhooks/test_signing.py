"""Signing follows the Standard Webhooks specification: its published test vector, rotation
overlap (several signatures), sealed secrets."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from switchboard_common.contract import Keyring
from switchboard_control_plane.settings import DEV_SECRET_KEYS
from switchboard_control_plane.webhooks.signing import (
    new_secret,
    seal,
    signature_header,
    signed_headers,
    unseal,
)

# The specification's example (standard-webhooks/spec, "Signature scheme").
VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TIMESTAMP = datetime.fromtimestamp(1614265330, tz=UTC)
VECTOR_BODY = '{"test": 2432232314}'
VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_the_specifications_test_vector() -> None:
    header = signature_header([VECTOR_SECRET], VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY)
    assert header == VECTOR_SIGNATURE


def test_headers_verify_with_the_reference_library_for_each_live_secret() -> None:
    old, new = new_secret(), new_secret()
    assert old.startswith("whsec_") and old != new
    now = datetime.now(UTC)
    body = '{"type":"call.ended","timestamp":"2026-03-02T15:00:00Z","data":{}}'
    headers = signed_headers([new, old], "msg_1", now, body)
    assert len(headers["webhook-signature"].split(" ")) == 2
    assert headers["webhook-timestamp"] == str(int(now.timestamp()))
    for secret in (old, new):
        assert Webhook(secret).verify(body, headers)["type"] == "call.ended"
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret()).verify(body, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(new).verify(body.replace("ended", "started"), headers)


def test_a_sealed_secret_opens_only_for_its_tenant() -> None:
    keyring = Keyring.from_spec(DEV_SECRET_KEYS)
    secret = new_secret()
    sealed = seal(keyring, "tnt_a", "whe_1", secret)
    assert secret not in str(sealed)
    assert unseal(keyring, "tnt_a", sealed) == secret
    with pytest.raises(Exception, match=r".+"):
        unseal(keyring, "tnt_b", sealed)
