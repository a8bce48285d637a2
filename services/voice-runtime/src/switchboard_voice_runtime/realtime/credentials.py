"""Who may open a realtime session: the credential of the upgrade request, verified offline.

Checked by hand before the WebSocket is accepted (framework dependencies do not guard
WebSockets); a refusal refuses the upgrade with its HTTP status. The credential travels as the
SDKs send it (``Authorization: Bearer``) or, from a browser, which cannot set headers, as the
subprotocol ``openai-insecure-api-key.<credential>`` beside ``realtime`` (what OpenAI's browser
clients send). The server answers with the ``realtime`` subprotocol only, never the credential.

Two credentials open a session, neither needing the control plane at connect time:
- a client secret (``ek_...``): an Ed25519-signed grant for one agent's published version
  (``switchboard_common.realtime_token``); the ``model`` query parameter is ignored;
- a realtime-scoped tenant API key (``sb_...``): recognised by its SHA-256 in the tenant
  snapshot; the client names the tenant (``X-Tenant-ID`` header or ``tenant_id`` query) and the
  agent (the ``model`` query parameter, as the SDK's ``connect(model=...)`` sends it). Only in
  the Authorization header: a long-lived key in a subprotocol would sit in a browser page and
  in proxies' logs, so there it is refused.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from switchboard_common.contract import TenantRuntimeConfig
from switchboard_common.realtime_token import (
    CLIENT_SECRET_PREFIX,
    DEVELOPMENT_PUBLIC_KEYS,
    RealtimeTokenError,
    RealtimeVerifier,
    realtime_key_digest,
)
from switchboard_voice_runtime.config_cache import ConfigUnavailableError

REALTIME_SUBPROTOCOL = "realtime"
KEY_SUBPROTOCOL_PREFIX = "openai-insecure-api-key."
API_KEY_PREFIX = "sb_"
MAX_CREDENTIAL_CHARS = 4_096


class RealtimeAuthSettings(BaseModel):
    """The runtime's part of realtime auth (nest as ``realtime`` in the runtime's settings)."""

    public_keys: str | None = Field(
        default=None,
        description="Ed25519 public keys 'kid:base64(32 bytes),...' that client secrets are "
        "verified with (the halves of the control plane's CONTROL_PLANE_REALTIME_SIGNING_KEY); "
        "unset: the development key outside production, realtime sessions refused (503 "
        "realtime_not_configured) in production",
    )

    def keys_for(self, environment: str) -> str | None:
        """The public keys to trust in ``environment`` (None: realtime is not configured)."""
        if self.public_keys is None and environment != "production":
            return DEVELOPMENT_PUBLIC_KEYS
        return self.public_keys


class TenantConfigs(Protocol):
    """Published tenant snapshots (``ConfigCache``); raises ``ConfigUnavailableError`` when
    Redis cannot be read and nothing is cached."""

    async def tenant(self, tenant_id: str) -> TenantRuntimeConfig | None: ...


@dataclass(frozen=True, slots=True)
class PresentedCredential:
    value: str
    via: Literal["authorization", "subprotocol"]


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    return next((v for k, v in headers.items() if k.lower() == wanted), None)


def offered_subprotocols(headers: Mapping[str, str]) -> list[str]:
    """The ``Sec-WebSocket-Protocol`` list of an upgrade request."""
    raw = _header(headers, "sec-websocket-protocol") or ""
    return [part.strip() for part in raw.split(",") if part.strip()]


def presented_credential(
    headers: Mapping[str, str], subprotocols: Iterable[str]
) -> PresentedCredential | None:
    """The bearer credential, else the one in an ``openai-insecure-api-key.`` subprotocol."""
    authorization = _header(headers, "authorization")
    if authorization:
        scheme, _, value = authorization.strip().partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return PresentedCredential(value.strip()[:MAX_CREDENTIAL_CHARS], "authorization")
    for protocol in subprotocols:
        if protocol.startswith(KEY_SUBPROTOCOL_PREFIX) and len(protocol) > len(
            KEY_SUBPROTOCOL_PREFIX
        ):
            value = protocol.removeprefix(KEY_SUBPROTOCOL_PREFIX)
            return PresentedCredential(value[:MAX_CREDENTIAL_CHARS], "subprotocol")
    return None


def accepted_subprotocol(subprotocols: Iterable[str]) -> str | None:
    """``realtime`` when the client offered it (browsers require the answer to be one they
    offered); never the credential's subprotocol."""
    return REALTIME_SUBPROTOCOL if REALTIME_SUBPROTOCOL in subprotocols else None


@dataclass(frozen=True, slots=True)
class RealtimeAdmission:
    """A verified session opener: which agent version it talks to and by which credential
    (``credential_id``: the secret's or API key's id, for logs; never the credential)."""

    tenant_id: str
    agent_id: str
    agent_version: int
    credential_kind: Literal["client_secret", "api_key"]
    credential_id: str
    expires_at: datetime | None


RefusalCode = Literal[
    "credential_missing",
    "credential_invalid",
    "credential_expired",
    "realtime_target_required",
    "tenant_suspended",
    "agent_not_found",
    "agent_version_changed",
    "config_unavailable",
    "busy",
    "draining",
    "realtime_not_configured",
]
_STATUS: dict[RefusalCode, int] = {
    "credential_missing": 401,
    "credential_invalid": 401,
    "credential_expired": 401,
    "realtime_target_required": 400,
    "tenant_suspended": 403,
    "agent_not_found": 404,
    "agent_version_changed": 409,
    "config_unavailable": 503,
    "busy": 429,
    "draining": 503,
    "realtime_not_configured": 503,
}


@dataclass(frozen=True, slots=True)
class RealtimeRefusal:
    """Why the upgrade is refused: a stable ``code`` and the HTTP status to refuse it with."""

    code: RefusalCode
    message: str

    @property
    def status_code(self) -> int:
        return _STATUS[self.code]


class RealtimeGate:
    """Verifies a presented credential against the signing keys and the tenant snapshots."""

    def __init__(self, verifier: RealtimeVerifier, configs: TenantConfigs) -> None:
        self._verifier = verifier
        self._configs = configs

    async def admit(
        self,
        credential: PresentedCredential | None,
        *,
        tenant_id: str | None = None,
        model: str | None = None,
        now: datetime | None = None,
    ) -> RealtimeAdmission | RealtimeRefusal:
        now = now or datetime.now(UTC)
        if credential is None:
            return RealtimeRefusal("credential_missing", "A credential is required.")
        try:
            if credential.value.startswith(CLIENT_SECRET_PREFIX):
                return await self._client_secret(credential.value, tenant_id, now)
            if credential.value.startswith(API_KEY_PREFIX) and credential.via == "subprotocol":
                return RealtimeRefusal(
                    "credential_invalid",
                    "API keys go in the Authorization header; browsers use client secrets.",
                )
            if credential.value.startswith(API_KEY_PREFIX):
                return await self._api_key(credential.value, tenant_id, model, now)
        except ConfigUnavailableError:
            return RealtimeRefusal("config_unavailable", "The configuration cannot be read.")
        return RealtimeRefusal("credential_invalid", "The credential is not valid.")

    async def _client_secret(
        self, value: str, tenant_id: str | None, now: datetime
    ) -> RealtimeAdmission | RealtimeRefusal:
        try:
            grant = self._verifier.verify(value, tenant_id=tenant_id, now=now)
        except RealtimeTokenError as exc:
            if exc.code == "realtime_secret_expired":
                return RealtimeRefusal("credential_expired", "The client secret has expired.")
            return RealtimeRefusal("credential_invalid", "The credential is not valid.")
        snapshot = await self._configs.tenant(grant.tenant_id)
        refusal = _unusable(snapshot)
        if refusal is not None or snapshot is None:
            return refusal or RealtimeRefusal("agent_not_found", "The agent is not published.")
        agent = snapshot.agents.get(grant.agent_id)
        if agent is None:
            return RealtimeRefusal("agent_not_found", "The agent is not published.")
        if agent.version != grant.agent_version:
            return RealtimeRefusal(
                "agent_version_changed",
                "The agent was republished since the secret was minted; mint a new one.",
            )
        return RealtimeAdmission(
            tenant_id=grant.tenant_id,
            agent_id=grant.agent_id,
            agent_version=grant.agent_version,
            credential_kind="client_secret",
            credential_id=grant.secret_id,
            expires_at=grant.expires_at,
        )

    async def _api_key(
        self, value: str, tenant_id: str | None, model: str | None, now: datetime
    ) -> RealtimeAdmission | RealtimeRefusal:
        if not tenant_id or not model:
            return RealtimeRefusal(
                "realtime_target_required",
                "With an API key, name the tenant (X-Tenant-ID or tenant_id) and the agent "
                "(model=<agent id>).",
            )
        snapshot = await self._configs.tenant(tenant_id) if ":" not in tenant_id else None
        digest = realtime_key_digest(value)
        key = next(
            (
                k
                for k in (snapshot.realtime_keys if snapshot else ())
                if hmac.compare_digest(k.sha256, digest)
            ),
            None,
        )
        if snapshot is None or key is None:
            return RealtimeRefusal("credential_invalid", "The credential is not valid.")
        if key.expires_at is not None and key.expires_at <= now:
            return RealtimeRefusal("credential_expired", "The API key has expired.")
        refusal = _unusable(snapshot)
        if refusal is not None:
            return refusal
        agent = snapshot.agents.get(model)
        if agent is None:
            return RealtimeRefusal("agent_not_found", "The agent is not published.")
        return RealtimeAdmission(
            tenant_id=tenant_id,
            agent_id=agent.agent_id,
            agent_version=agent.version,
            credential_kind="api_key",
            credential_id=key.key_id,
            expires_at=key.expires_at,
        )


def _unusable(snapshot: TenantRuntimeConfig | None) -> RealtimeRefusal | None:
    if snapshot is not None and snapshot.status == "suspended":
        return RealtimeRefusal("tenant_suspended", "The tenant is suspended.")
    return None
