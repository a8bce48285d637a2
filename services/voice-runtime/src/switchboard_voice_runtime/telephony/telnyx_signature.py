"""Telnyx webhook signatures: Ed25519 over ``<telnyx-timestamp>|<raw body>``, checked against
each candidate public key, with the timestamp within 300 s of now. Pure: no I/O.

As Telnyx's SDK (``telnyx/lib/webhook_verification.py``) does it: the timestamp is the header's
text as sent, the body is the raw bytes (empty for a TeXML GET), keys and signatures base64.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

SIGNATURE_HEADER = "telnyx-signature-ed25519"
TIMESTAMP_HEADER = "telnyx-timestamp"
TOLERANCE_S = 300
_SIGNATURE_BYTES = 64
_KEY_BYTES = 32


class SignatureVerdict(StrEnum):
    """Why a webhook was or was not accepted (a stable label for metrics and logs)."""

    VALID = "valid"
    MISSING_HEADERS = "missing_headers"
    MALFORMED = "malformed"
    STALE = "stale"
    NO_KEY = "no_key"
    BAD_SIGNATURE = "bad_signature"


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    verdict: SignatureVerdict
    key_index: int | None = None
    """Which candidate key verified it (when valid): the platform's or the tenant's."""
    timestamp_s: int | None = None

    @property
    def ok(self) -> bool:
        return self.verdict is SignatureVerdict.VALID


def load_public_key(value: str) -> Ed25519PublicKey:
    """A base64 Ed25519 public key (32 bytes); ``ValueError`` when it is not one."""
    try:
        raw = base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise ValueError("the public key is not base64") from exc
    if len(raw) != _KEY_BYTES:
        raise ValueError(f"the public key has {len(raw)} bytes, not {_KEY_BYTES}")
    return Ed25519PublicKey.from_public_bytes(raw)


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    for key, found in headers.items():
        if key.lower() == name:
            return found
    return None


def signed_message(timestamp: str, body: bytes) -> bytes:
    return timestamp.encode() + b"|" + body


def verify_webhook(
    headers: Mapping[str, str],
    body: bytes,
    public_keys: Sequence[Ed25519PublicKey | str],
    *,
    now_s: float,
    tolerance_s: int = TOLERANCE_S,
) -> SignatureCheck:
    """Checks a webhook's signature headers against each key in turn (a key given as text that
    is not a valid key is skipped). ``now_s`` is the current Unix time."""
    signature_b64 = _header(headers, SIGNATURE_HEADER)
    timestamp = _header(headers, TIMESTAMP_HEADER)
    if not signature_b64 or not timestamp:
        return SignatureCheck(SignatureVerdict.MISSING_HEADERS)
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return SignatureCheck(SignatureVerdict.MALFORMED)
    stamp = int(timestamp)
    if abs(now_s - stamp) > tolerance_s:
        return SignatureCheck(SignatureVerdict.STALE, timestamp_s=stamp)
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except binascii.Error:
        return SignatureCheck(SignatureVerdict.MALFORMED, timestamp_s=stamp)
    if len(signature) != _SIGNATURE_BYTES:
        return SignatureCheck(SignatureVerdict.MALFORMED, timestamp_s=stamp)
    message = signed_message(timestamp, body)
    tried = 0
    for index, candidate in enumerate(public_keys):
        try:
            key = load_public_key(candidate) if isinstance(candidate, str) else candidate
        except ValueError:
            continue
        tried += 1
        try:
            key.verify(signature, message)
        except InvalidSignature:
            continue
        return SignatureCheck(SignatureVerdict.VALID, key_index=index, timestamp_s=stamp)
    verdict = SignatureVerdict.BAD_SIGNATURE if tried else SignatureVerdict.NO_KEY
    return SignatureCheck(verdict, timestamp_s=stamp)
