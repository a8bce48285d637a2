"""OIDC/JWT bearer tokens: verified against a JWKS URL (rotating keys) or an HS256 secret."""

from __future__ import annotations

import asyncio
from typing import Any

import jwt

from switchboard_control_plane.settings import JwtSettings


class InvalidTokenError(Exception):
    """The bearer token is not a valid JWT for this deployment."""


class JwtVerifier:
    """Returns a token's ``sub`` after checking signature, expiry, audience and issuer.

    With a JWKS URL, PyJWKClient fetches and caches the provider's keys and refetches when a
    token names an unknown ``kid`` (key rotation); the fetch runs off the event loop.
    """

    def __init__(self, settings: JwtSettings) -> None:
        self._settings = settings
        self._jwks = (
            jwt.PyJWKClient(settings.jwks_url, lifespan=settings.jwks_cache_s)
            if settings.jwks_url
            else None
        )

    @property
    def enabled(self) -> bool:
        return self._jwks is not None or self._settings.hs256_secret is not None

    async def subject(self, token: str) -> str:
        try:
            claims = await self._decode(token)
        except (jwt.PyJWTError, ValueError) as exc:
            raise InvalidTokenError(type(exc).__name__) from exc
        sub = claims.get("sub")
        if not isinstance(sub, str) or not sub:
            raise InvalidTokenError("the token has no subject")
        return sub

    async def _decode(self, token: str) -> dict[str, Any]:
        options = {"require": ["exp", "sub"], "verify_aud": self._settings.audience is not None}
        common: dict[str, Any] = {
            "audience": self._settings.audience,
            "issuer": self._settings.issuer,
            "options": options,
        }
        if self._jwks is not None:
            signing_key = await asyncio.to_thread(self._jwks.get_signing_key_from_jwt, token)
            algorithms = ["RS256", "RS384", "RS512", "ES256", "ES384", "PS256", "EdDSA"]
            return jwt.decode(token, signing_key.key, algorithms=algorithms, **common)
        secret = self._settings.hs256_secret
        if secret is None:
            raise InvalidTokenError("JWT authentication is not configured")
        return jwt.decode(token, secret.get_secret_value(), algorithms=["HS256"], **common)
