"""Service-to-service authentication: a shared bearer token on every route but health and metrics.

The speech services are called only by the voice runtime and the control plane. Each holds one
token (from the deployment's secrets); callers send ``Authorization: Bearer <token>``. In
production a service refuses to start without a token; in development it may run open.
"""

from __future__ import annotations

import hmac
from typing import Self

from pydantic import Field, SecretStr, model_validator
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from switchboard_common.development import PUBLIC_DEVELOPMENT_VALUES
from switchboard_common.errors import error_response
from switchboard_common.settings import BaseServiceSettings

OPEN_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
"""Probes and scrapes reach these without a token."""
MIN_TOKEN_CHARS = 16
WEBSOCKET_POLICY_VIOLATION = 1008


class ServiceTokenSettings(BaseServiceSettings):
    """Settings of a service that requires a service token (``<PREFIX>SERVICE_TOKEN``)."""

    service_token: SecretStr | None = Field(
        default=None,
        description="Bearer token every caller must send (all routes but /healthz, /readyz, "
        f"/metrics); required in production, at least {MIN_TOKEN_CHARS} characters. Unset in "
        "development: the service is open.",
    )

    @model_validator(mode="after")
    def _token_in_production(self) -> Self:
        token = self.service_token.get_secret_value() if self.service_token else ""
        if self.environment != "production":
            return self
        if len(token) < MIN_TOKEN_CHARS or token in PUBLIC_DEVELOPMENT_VALUES:
            raise ValueError(
                f"production needs service_token (at least {MIN_TOKEN_CHARS} characters, "
                "not a development value)"
            )
        return self


def bearer_headers(token: SecretStr | None) -> dict[str, str]:
    """The header a client sends to a service that requires ``token`` (none when unset)."""
    if token is None or not token.get_secret_value():
        return {}
    return {"Authorization": f"Bearer {token.get_secret_value()}"}


def token_matches(authorization: str | None, expected: SecretStr) -> bool:
    """Whether an ``Authorization`` header carries ``Bearer <expected>``; constant time in the
    token's content."""
    scheme, _, presented = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(
        presented.strip().encode("utf-8"), expected.get_secret_value().encode("utf-8")
    )


class ServiceTokenMiddleware:
    """Refuses HTTP requests (401 ``unauthorized``) and websocket upgrades (closed with 1008)
    without the service token; add it last so it runs before any body is read."""

    def __init__(self, app: ASGIApp, *, token: SecretStr | None) -> None:
        self.app = app
        self.token = token if token is not None and token.get_secret_value() else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.token is None
            or scope["type"] not in ("http", "websocket")
            or scope["path"] in OPEN_PATHS
            or token_matches(Headers(scope=scope).get("authorization"), self.token)
        ):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": WEBSOCKET_POLICY_VIOLATION})
            return
        response = error_response(
            401,
            "unauthorized",
            "This service needs Authorization: Bearer <service token>.",
            headers={"WWW-Authenticate": "Bearer"},
        )
        await response(scope, receive, send)
