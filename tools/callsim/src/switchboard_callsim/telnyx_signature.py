"""Telnyx's webhook signature, made as Telnyx makes it: Ed25519 over ``<timestamp>|<raw body>``,
sent as ``telnyx-signature-ed25519`` (base64) and ``telnyx-timestamp`` (Unix seconds)."""

from __future__ import annotations

import base64
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

SIGNATURE_HEADER = "telnyx-signature-ed25519"
TIMESTAMP_HEADER = "telnyx-timestamp"


class TelnyxSigner:
    """Signs webhooks with one account's private key; ``public_key`` is what the runtime (or
    the tenant's telephony config) is given to verify them."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._key = private_key
        raw = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.public_key = base64.b64encode(raw).decode("ascii")

    @classmethod
    def generate(cls) -> TelnyxSigner:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_private_key(cls, value: str) -> TelnyxSigner:
        """From the base64 of the 32-byte private key (seed); ``ValueError`` if it is not one."""
        raw = base64.b64decode(value, validate=True)
        if len(raw) != 32:
            raise ValueError("a Telnyx signing key is the base64 of 32 bytes")
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    def headers(self, body: bytes, timestamp_s: int | None = None) -> dict[str, str]:
        """The two signature headers for ``body`` (empty for a GET) sent at ``timestamp_s``
        (default: now)."""
        stamp = str(int(time.time()) if timestamp_s is None else timestamp_s)
        signature = self._key.sign(stamp.encode() + b"|" + body)
        return {
            SIGNATURE_HEADER: base64.b64encode(signature).decode("ascii"),
            TIMESTAMP_HEADER: stamp,
        }
