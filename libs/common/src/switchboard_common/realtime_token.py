"""Realtime credentials: Ed25519-signed client secrets and the digest of realtime API keys.

The control plane mints a client secret (``RealtimeSigner``, holding the private key); the voice
runtime verifies it offline (``RealtimeVerifier``, holding only public keys), so a runtime can
never mint one. A client secret is ``ek_`` followed by a compact JWT (EdDSA, header ``kid``)
whose claims bind it to one tenant, one agent and that agent's published version, with an
expiry; every character is a valid HTTP token character, so it fits a WebSocket subprotocol.

Realtime-scoped API keys reach the runtime as ``realtime_key_digest`` values in the tenant
snapshot. The digest is a plain SHA-256: the keys are 256-bit random tokens, so no pepper is
needed against guessing, and the runtime never holds the control plane's API-key pepper.

Key specs: ``kid:base64(32 bytes)``, the private seed for a signer; a comma-separated list of
``kid:base64(32-byte raw public key)`` for a verifier (several during a key rotation).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import secrets as token_source
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

CLIENT_SECRET_PREFIX = "ek_"  # noqa: S105 - a prefix, not a secret
ISSUER = "switchboard-control-plane"
AUDIENCE = "switchboard-realtime"
ALGORITHM = "EdDSA"
MIN_TTL_S = 10
MAX_TTL_S = 3600
DEFAULT_TTL_S = 60
CLOCK_LEEWAY_S = 5
_KEY_BYTES = 32

DEVELOPMENT_SIGNING_KEY = "dev-rts-1:c3dpdGNoYm9hcmQtZGV2LXJlYWx0aW1lLXNpZ25pbmc="
"""The development signing key (a published seed): production refuses it."""
DEVELOPMENT_PUBLIC_KEYS = "dev-rts-1:D3FxBnuZobwV86mDbc/DgshO0heyNWbyrjzgYE4XGFI="
"""The public half of ``DEVELOPMENT_SIGNING_KEY``: a production runtime that trusted it would
accept secrets anyone can mint, so production refuses it too."""

RefusalCode = Literal[
    "realtime_secret_malformed",
    "realtime_secret_invalid",
    "realtime_secret_expired",
    "realtime_secret_wrong_tenant",
    "realtime_secret_wrong_agent",
]


class RealtimeTokenError(Exception):
    """A client secret was refused; ``code`` is stable, the message never holds the secret."""

    def __init__(self, code: RefusalCode, message: str) -> None:
        super().__init__(message)
        self.code: RefusalCode = code


class KeySpecError(ValueError):
    """A signing or public key spec is not ``kid:base64(32 bytes)``."""


@dataclass(frozen=True, slots=True)
class RealtimeGrant:
    """What a valid client secret allows: one session with one agent version until
    ``expires_at`` (UTC); ``secret_id`` names the secret in logs and audit entries."""

    tenant_id: str
    agent_id: str
    agent_version: int
    expires_at: datetime
    secret_id: str


def _parse_spec(spec: str) -> tuple[str, bytes]:
    key_id, sep, encoded = spec.strip().partition(":")
    if not sep or not key_id:
        raise KeySpecError("a key spec is 'kid:base64(32 bytes)'")
    try:
        raw = base64.b64decode(encoded, validate=True)
    except binascii.Error as exc:
        raise KeySpecError(f"key {key_id!r} is not valid base64") from exc
    if len(raw) != _KEY_BYTES:
        raise KeySpecError(f"key {key_id!r} must be {_KEY_BYTES} bytes")
    return key_id, raw


def realtime_key_digest(api_key: str) -> str:
    """The hex SHA-256 of a realtime-scoped API key, as the tenant snapshot carries it."""
    return hashlib.sha256(api_key.encode()).hexdigest()


class RealtimeSigner:
    """Mints client secrets (control plane only)."""

    def __init__(self, key_id: str, private_key: Ed25519PrivateKey) -> None:
        self._key_id = key_id
        self._private_key = private_key

    @classmethod
    def from_spec(cls, spec: str) -> RealtimeSigner:
        key_id, seed = _parse_spec(spec)
        return cls(key_id, Ed25519PrivateKey.from_private_bytes(seed))

    def public_spec(self) -> str:
        """``kid:base64(public key)``: what the runtime is configured with."""
        raw = self._private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return f"{self._key_id}:{base64.b64encode(raw).decode()}"

    def mint(
        self,
        tenant_id: str,
        agent_id: str,
        agent_version: int,
        *,
        ttl_s: int = DEFAULT_TTL_S,
        now: datetime | None = None,
    ) -> tuple[str, RealtimeGrant]:
        """A client secret and what it grants; ``ttl_s`` is bounded to MIN_TTL_S..MAX_TTL_S."""
        if not MIN_TTL_S <= ttl_s <= MAX_TTL_S:
            raise ValueError(f"ttl_s must be within {MIN_TTL_S}..{MAX_TTL_S}")
        issued = (now or datetime.now(UTC)).replace(microsecond=0)
        grant = RealtimeGrant(
            tenant_id=tenant_id,
            agent_id=agent_id,
            agent_version=agent_version,
            expires_at=issued + timedelta(seconds=ttl_s),
            secret_id="rts_" + token_source.token_urlsafe(12),
        )
        claims = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "iat": int(issued.timestamp()),
            "exp": int(grant.expires_at.timestamp()),
            "jti": grant.secret_id,
            "tid": tenant_id,
            "aid": agent_id,
            "ver": agent_version,
        }
        token = jwt.encode(
            claims, self._private_key, algorithm=ALGORITHM, headers={"kid": self._key_id}
        )
        return CLIENT_SECRET_PREFIX + token, grant


class RealtimeVerifier:
    """Verifies client secrets with public keys only (voice runtime)."""

    def __init__(self, public_keys: Mapping[str, Ed25519PublicKey]) -> None:
        if not public_keys:
            raise KeySpecError("a verifier needs at least one public key")
        self._keys = dict(public_keys)

    @classmethod
    def from_spec(cls, spec: str) -> RealtimeVerifier:
        keys: dict[str, Ed25519PublicKey] = {}
        for part in spec.split(","):
            if part.strip():
                key_id, raw = _parse_spec(part)
                keys[key_id] = Ed25519PublicKey.from_public_bytes(raw)
        return cls(keys)

    def verify(
        self,
        value: str,
        *,
        tenant_id: str | None = None,
        agent_id: str | None = None,
        now: datetime | None = None,
    ) -> RealtimeGrant:
        """The grant of a valid, unexpired secret; with ``tenant_id`` / ``agent_id`` it must be
        bound to them. Raises ``RealtimeTokenError`` with a stable code otherwise."""
        grant = self._grant(value, now or datetime.now(UTC))
        if tenant_id is not None and grant.tenant_id != tenant_id:
            raise RealtimeTokenError("realtime_secret_wrong_tenant", "bound to another tenant")
        if agent_id is not None and grant.agent_id != agent_id:
            raise RealtimeTokenError("realtime_secret_wrong_agent", "bound to another agent")
        return grant

    def _grant(self, value: str, now: datetime) -> RealtimeGrant:
        if not value.startswith(CLIENT_SECRET_PREFIX):
            raise RealtimeTokenError("realtime_secret_malformed", "not a client secret")
        token = value.removeprefix(CLIENT_SECRET_PREFIX)
        try:
            key_id = jwt.get_unverified_header(token).get("kid")
        except jwt.PyJWTError as exc:
            raise RealtimeTokenError("realtime_secret_malformed", "not a client secret") from exc
        key = self._keys.get(key_id) if isinstance(key_id, str) else None
        if key is None:
            raise RealtimeTokenError("realtime_secret_invalid", "signed by an unknown key")
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=AUDIENCE,
                issuer=ISSUER,
                options={
                    "require": ["exp", "iat", "jti", "tid", "aid", "ver"],
                    "verify_exp": False,
                },
            )
        except jwt.PyJWTError as exc:
            raise RealtimeTokenError("realtime_secret_invalid", type(exc).__name__) from exc
        grant = _grant_of(claims)
        if grant is None:
            raise RealtimeTokenError("realtime_secret_invalid", "claims of the wrong type")
        if grant.expires_at.timestamp() + CLOCK_LEEWAY_S <= now.timestamp():
            raise RealtimeTokenError("realtime_secret_expired", "the client secret has expired")
        return grant


def _grant_of(claims: Mapping[str, object]) -> RealtimeGrant | None:
    tenant_id, agent_id = claims.get("tid"), claims.get("aid")
    version, expires, secret_id = claims.get("ver"), claims.get("exp"), claims.get("jti")
    if not (isinstance(tenant_id, str) and tenant_id and isinstance(agent_id, str) and agent_id):
        return None
    if not (isinstance(secret_id, str) and isinstance(expires, int)):
        return None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return None
    return RealtimeGrant(
        tenant_id=tenant_id,
        agent_id=agent_id,
        agent_version=version,
        expires_at=datetime.fromtimestamp(expires, UTC),
        secret_id=secret_id,
    )
