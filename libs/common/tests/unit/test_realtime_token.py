"""Client secrets verify only when signed by a trusted key, unexpired, untampered and bound to the
tenant and agent asked for; realtime API keys are known by their SHA-256."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from switchboard_common.development import PUBLIC_DEVELOPMENT_VALUES
from switchboard_common.realtime_token import (
    CLIENT_SECRET_PREFIX,
    DEVELOPMENT_PUBLIC_KEYS,
    DEVELOPMENT_SIGNING_KEY,
    MAX_TTL_S,
    MIN_TTL_S,
    KeySpecError,
    RealtimeSigner,
    RealtimeTokenError,
    RealtimeVerifier,
    realtime_key_digest,
)

NOW = datetime(2026, 12, 4, 12, 0, 0, tzinfo=UTC)


def _signer(key_id: str = "k1") -> RealtimeSigner:
    seed = Ed25519PrivateKey.generate().private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()
    )
    return RealtimeSigner.from_spec(f"{key_id}:{base64.b64encode(seed).decode()}")


def _code(verifier: RealtimeVerifier, value: str, **kwargs: object) -> str:
    with pytest.raises(RealtimeTokenError) as caught:
        verifier.verify(value, **kwargs)  # type: ignore[arg-type]
    return caught.value.code


def test_a_minted_secret_verifies_to_its_grant() -> None:
    signer = _signer()
    value, grant = signer.mint("ten_a", "agt_a", 3, ttl_s=60, now=NOW)
    verifier = RealtimeVerifier.from_spec(signer.public_spec())
    assert value.startswith(CLIENT_SECRET_PREFIX)
    verified = verifier.verify(value, tenant_id="ten_a", agent_id="agt_a", now=NOW)
    assert verified == grant
    assert verified.agent_version == 3
    assert verified.expires_at == NOW + timedelta(seconds=60)


def test_a_secret_fits_a_websocket_subprotocol() -> None:
    value, _ = _signer().mint("ten_a", "agt_a", 1, now=NOW)
    token_chars = set(
        "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    )
    assert set(value) <= token_chars


def test_an_expired_secret_is_refused() -> None:
    signer = _signer()
    value, _ = signer.mint("ten_a", "agt_a", 1, ttl_s=MIN_TTL_S, now=NOW)
    verifier = RealtimeVerifier.from_spec(signer.public_spec())
    later = NOW + timedelta(seconds=MIN_TTL_S + 60)
    assert _code(verifier, value, now=later) == "realtime_secret_expired"
    assert verifier.verify(value, now=NOW + timedelta(seconds=MIN_TTL_S - 1)).tenant_id == "ten_a"


def test_a_secret_signed_by_another_key_is_refused() -> None:
    value, _ = _signer("k1").mint("ten_a", "agt_a", 1, now=NOW)
    stranger = RealtimeVerifier.from_spec(_signer("k1").public_spec())
    assert _code(stranger, value, now=NOW) == "realtime_secret_invalid"
    unknown_kid = RealtimeVerifier.from_spec(_signer("k2").public_spec())
    assert _code(unknown_kid, value, now=NOW) == "realtime_secret_invalid"


def test_a_verifier_trusts_every_key_of_a_rotation() -> None:
    old, new = _signer("old"), _signer("new")
    verifier = RealtimeVerifier.from_spec(f"{old.public_spec()},{new.public_spec()}")
    for signer in (old, new):
        value, _ = signer.mint("ten_a", "agt_a", 1, now=NOW)
        assert verifier.verify(value, now=NOW).agent_id == "agt_a"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_a_tampered_secret_is_refused() -> None:
    signer = _signer()
    value, _ = signer.mint("ten_a", "agt_a", 1, now=NOW)
    verifier = RealtimeVerifier.from_spec(signer.public_spec())
    header, payload, signature = value.removeprefix(CLIENT_SECRET_PREFIX).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["tid"] = "ten_b"
    forged = f"{CLIENT_SECRET_PREFIX}{header}.{_b64url(json.dumps(claims).encode())}.{signature}"
    assert _code(verifier, forged, now=NOW) == "realtime_secret_invalid"
    flipped = value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1]
    assert _code(verifier, flipped, now=NOW) == "realtime_secret_invalid"


def test_an_unsigned_token_is_refused() -> None:
    signer = _signer("k1")
    verifier = RealtimeVerifier.from_spec(signer.public_spec())
    header = _b64url(json.dumps({"alg": "none", "kid": "k1"}).encode())
    claims = {"tid": "ten_a", "aid": "agt_a", "ver": 1, "exp": 2**40, "iat": 0, "jti": "x"}
    unsigned = f"{CLIENT_SECRET_PREFIX}{header}.{_b64url(json.dumps(claims).encode())}."
    assert _code(verifier, unsigned, now=NOW) == "realtime_secret_invalid"


def test_a_secret_of_another_tenant_or_agent_is_refused() -> None:
    signer = _signer()
    value, _ = signer.mint("ten_a", "agt_a", 1, now=NOW)
    verifier = RealtimeVerifier.from_spec(signer.public_spec())
    assert _code(verifier, value, tenant_id="ten_b", now=NOW) == "realtime_secret_wrong_tenant"
    assert _code(verifier, value, agent_id="agt_b", now=NOW) == "realtime_secret_wrong_agent"


@pytest.mark.parametrize("value", ["", "sb_not_a_secret", "ek_", "ek_not.a.jwt", "ek_a.b"])
def test_junk_is_refused_as_malformed_or_invalid(value: str) -> None:
    verifier = RealtimeVerifier.from_spec(_signer().public_spec())
    assert _code(verifier, value, now=NOW) in {
        "realtime_secret_malformed",
        "realtime_secret_invalid",
    }


@pytest.mark.parametrize("ttl_s", [MIN_TTL_S - 1, MAX_TTL_S + 1, 0, -5])
def test_a_ttl_outside_the_bounds_is_not_minted(ttl_s: int) -> None:
    with pytest.raises(ValueError, match="ttl_s"):
        _signer().mint("ten_a", "agt_a", 1, ttl_s=ttl_s, now=NOW)


@pytest.mark.parametrize("spec", ["", "nokid", ":AAAA", "k1:not base64!", "k1:AAAA"])
def test_a_bad_key_spec_is_refused(spec: str) -> None:
    with pytest.raises(KeySpecError):
        RealtimeSigner.from_spec(spec)
    with pytest.raises(KeySpecError):
        RealtimeVerifier.from_spec(spec)


def test_the_development_keys_belong_together_and_production_refuses_them() -> None:
    signer = RealtimeSigner.from_spec(DEVELOPMENT_SIGNING_KEY)
    assert signer.public_spec() == DEVELOPMENT_PUBLIC_KEYS
    assert DEVELOPMENT_SIGNING_KEY in PUBLIC_DEVELOPMENT_VALUES
    assert DEVELOPMENT_PUBLIC_KEYS.partition(":")[2] in PUBLIC_DEVELOPMENT_VALUES


def test_a_realtime_key_digest_is_its_sha256() -> None:
    assert realtime_key_digest("sb_abc") == hashlib.sha256(b"sb_abc").hexdigest()
    assert realtime_key_digest("sb_abc") != realtime_key_digest("sb_abd")
