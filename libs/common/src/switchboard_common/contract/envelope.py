"""AES-256-GCM secret envelope with key ids, bound to its tenant and secret name."""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Mapping

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import BaseModel, ConfigDict, Field

from switchboard_common.contract.secret_use import SecretKind

_KEY_BYTES = 32

DEVELOPMENT_RUNTIME_KEYS = "dev-rt-1:ZGV2LXJ1bnRpbWUta2V5cmluZy1rZXktMzJieXRlcyE="
"""The runtime keyring both the control plane and the runtime use in development, so a local
stack works with no configuration. Production refuses it and sets ``*_RUNTIME_KEYS``."""
_NONCE_BYTES = 12


class EnvelopeError(Exception):
    """A secret could not be sealed or opened."""


class UnknownKeyError(EnvelopeError):
    """The envelope names a key id this keyring does not hold."""


class TamperedSecretError(EnvelopeError):
    """Authentication failed: the ciphertext, nonce, tenant or name was altered."""


class EncryptedSecret(BaseModel):
    """A sealed secret as it travels inside a snapshot; the plaintext never does.

    ``kind`` and ``allowed_host`` say where the value may be sent (``secret_use``); when set they
    are bound into the ciphertext's authentication, so altering them makes ``open`` fail.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1, max_length=128)
    key_id: str = Field(min_length=1, max_length=64)
    nonce: str
    ciphertext: str
    kind: SecretKind | None = None
    allowed_host: str | None = Field(default=None, max_length=253)


def _associated_data(
    tenant_id: str, name: str, kind: str | None = None, allowed_host: str | None = None
) -> bytes:
    if kind is None:
        return f"sb:v1:secret:{tenant_id}:{name}".encode()
    return f"sb:v1:secret:{tenant_id}:{name}:{kind}:{allowed_host or ''}".encode()


class Keyring:
    """Named 256-bit keys; seals with the current one, opens with whichever the envelope names.

    Rotation: add the new key, make it current, re-seal with ``rotate()``; old envelopes keep
    opening as long as their key stays in the ring.
    """

    def __init__(self, keys: Mapping[str, bytes], current_key_id: str) -> None:
        if current_key_id not in keys:
            raise EnvelopeError(f"current key id {current_key_id!r} is not in the keyring")
        for key_id, key in keys.items():
            if len(key) != _KEY_BYTES:
                raise EnvelopeError(f"key {key_id!r} must be {_KEY_BYTES} bytes")
            if not key_id or ":" in key_id or "," in key_id:
                raise EnvelopeError(f"invalid key id {key_id!r}")
        self._keys = {key_id: AESGCM(key) for key_id, key in keys.items()}
        self.current_key_id = current_key_id

    @classmethod
    def from_spec(cls, spec: str, current_key_id: str | None = None) -> Keyring:
        """Parses ``"kid1:<base64 key>,kid2:<base64 key>"``; the first key is current by default."""
        keys: dict[str, bytes] = {}
        for item in filter(None, (part.strip() for part in spec.split(","))):
            key_id, sep, encoded = item.partition(":")
            if not sep:
                raise EnvelopeError("keyring entries look like 'key_id:base64key'")
            try:
                keys[key_id] = base64.b64decode(encoded, validate=True)
            except binascii.Error as exc:
                raise EnvelopeError(f"key {key_id!r} is not valid base64") from exc
        if not keys:
            raise EnvelopeError("the keyring is empty")
        return cls(keys, current_key_id or next(iter(keys)))

    @staticmethod
    def generate_key() -> str:
        """A new random key, base64-encoded, for a keyring spec."""
        return base64.b64encode(os.urandom(_KEY_BYTES)).decode()

    @property
    def key_ids(self) -> frozenset[str]:
        return frozenset(self._keys)

    def seal(
        self,
        tenant_id: str,
        name: str,
        plaintext: str,
        *,
        kind: SecretKind | None = None,
        allowed_host: str | None = None,
    ) -> EncryptedSecret:
        nonce = os.urandom(_NONCE_BYTES)
        aead = self._keys[self.current_key_id]
        data = _associated_data(tenant_id, name, kind, allowed_host)
        ciphertext = aead.encrypt(nonce, plaintext.encode(), data)
        return EncryptedSecret(
            name=name,
            key_id=self.current_key_id,
            nonce=base64.b64encode(nonce).decode(),
            ciphertext=base64.b64encode(ciphertext).decode(),
            kind=kind,
            allowed_host=allowed_host,
        )

    def open(self, tenant_id: str, secret: EncryptedSecret) -> str:
        aead = self._keys.get(secret.key_id)
        if aead is None:
            raise UnknownKeyError(f"unknown key id {secret.key_id!r} for secret {secret.name!r}")
        try:
            nonce = base64.b64decode(secret.nonce, validate=True)
            ciphertext = base64.b64decode(secret.ciphertext, validate=True)
            data = _associated_data(tenant_id, secret.name, secret.kind, secret.allowed_host)
            plaintext = aead.decrypt(nonce, ciphertext, data)
        except (InvalidTag, binascii.Error, ValueError) as exc:
            raise TamperedSecretError(f"secret {secret.name!r} failed authentication") from exc
        return plaintext.decode()

    def rotate(self, tenant_id: str, secret: EncryptedSecret) -> EncryptedSecret:
        """Re-seals under the current key (unchanged when it already uses it)."""
        if secret.key_id == self.current_key_id:
            return secret
        return self.seal(
            tenant_id,
            secret.name,
            self.open(tenant_id, secret),
            kind=secret.kind,
            allowed_host=secret.allowed_host,
        )
