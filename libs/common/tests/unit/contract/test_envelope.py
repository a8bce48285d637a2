"""The secret envelope: AES-256-GCM, bound to tenant and name, loud on tampering, rotatable."""

from __future__ import annotations

import base64

import pytest

from switchboard_common.contract import (
    EncryptedSecret,
    EnvelopeError,
    Keyring,
    TamperedSecretError,
    UnknownKeyError,
)

KEY_A = Keyring.generate_key()
KEY_B = Keyring.generate_key()


def test_seal_then_open_returns_the_plaintext_and_hides_it() -> None:
    ring = Keyring.from_spec(f"k1:{KEY_A}")
    sealed = ring.seal("t1", "openai", "sk-very-secret")
    assert "sk-very-secret" not in sealed.model_dump_json()
    assert sealed.key_id == "k1"
    assert ring.open("t1", sealed) == "sk-very-secret"


def test_other_tenant_or_name_cannot_open_it() -> None:
    ring = Keyring.from_spec(f"k1:{KEY_A}")
    sealed = ring.seal("t1", "openai", "sk-x")
    with pytest.raises(TamperedSecretError):
        ring.open("t2", sealed)
    with pytest.raises(TamperedSecretError):
        ring.open("t1", sealed.model_copy(update={"name": "other"}))


def test_a_flipped_ciphertext_bit_fails_loudly() -> None:
    ring = Keyring.from_spec(f"k1:{KEY_A}")
    sealed = ring.seal("t1", "openai", "sk-x")
    raw = bytearray(base64.b64decode(sealed.ciphertext))
    raw[0] ^= 1
    tampered = sealed.model_copy(update={"ciphertext": base64.b64encode(bytes(raw)).decode()})
    with pytest.raises(TamperedSecretError):
        ring.open("t1", tampered)


def test_unknown_key_id_fails_loudly() -> None:
    sealed = Keyring.from_spec(f"k1:{KEY_A}").seal("t1", "n", "v")
    with pytest.raises(UnknownKeyError):
        Keyring.from_spec(f"k2:{KEY_B}").open("t1", sealed)


def test_rotation_opens_with_the_old_key_and_reseals_with_the_current() -> None:
    old = Keyring.from_spec(f"k1:{KEY_A}")
    sealed = old.seal("t1", "token", "abc")
    ring = Keyring.from_spec(f"k2:{KEY_B},k1:{KEY_A}")
    assert ring.current_key_id == "k2"
    assert ring.open("t1", sealed) == "abc"
    rotated = ring.rotate("t1", sealed)
    assert rotated.key_id == "k2" and ring.open("t1", rotated) == "abc"
    assert ring.rotate("t1", rotated) is rotated
    with pytest.raises(UnknownKeyError):
        old.open("t1", rotated)


@pytest.mark.parametrize("spec", ["", "nokey", f"k1:{KEY_A[:-4]}", "k1:!!!notbase64"])
def test_bad_keyring_specs_are_rejected(spec: str) -> None:
    with pytest.raises(EnvelopeError):
        Keyring.from_spec(spec)


def test_envelope_model_rejects_unknown_fields() -> None:
    with pytest.raises(ValueError, match="extra"):
        EncryptedSecret.model_validate(
            {"name": "n", "key_id": "k", "nonce": "", "ciphertext": "", "plaintext": "x"}
        )


def test_a_secrets_kind_and_host_are_bound_to_its_ciphertext() -> None:
    ring = Keyring.from_spec(f"k1:{KEY_A}")
    sealed = ring.seal("t1", "twilio", "tok", kind="carrier_credential")
    assert (sealed.kind, sealed.allowed_host) == ("carrier_credential", None)
    assert ring.open("t1", sealed) == "tok"
    for update in ({"kind": "llm_api_key"}, {"kind": None}, {"allowed_host": "evil.example"}):
        with pytest.raises(TamperedSecretError):
            ring.open("t1", sealed.model_copy(update=update))
    bound = ring.seal("t1", "key", "sk", kind="llm_api_key", allowed_host="llm.example.com")
    with pytest.raises(TamperedSecretError):
        ring.open("t1", bound.model_copy(update={"allowed_host": "evil.example"}))
    rotated = Keyring.from_spec(f"k2:{KEY_B},k1:{KEY_A}").rotate("t1", bound)
    assert (rotated.kind, rotated.allowed_host) == ("llm_api_key", "llm.example.com")
