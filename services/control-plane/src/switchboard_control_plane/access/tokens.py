"""OIDC/JWT bearer tokens: verified against a JWKS URL (rotating keys) or an HS256 secret."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import jwt

from switchboard_control_plane.settings import JwtSettings

_log = logging.getLogger(__name__)

JWKS_ALGORITHMS = ("RS256", "RS384", "RS512", "ES256", "ES384", "PS256", "EdDSA")


class InvalidTokenError(Exception):
    """The bearer token is not a valid JWT for this deployment."""


class JwksUnavailableError(Exception):
    """The provider's key set could not be fetched or read, so the token was not judged."""


class JwtVerifier:
    """Returns a token's ``sub`` after checking signature, expiry, audience and issuer.

    With a JWKS URL, PyJWKClient fetches and caches the provider's keys (``jwks_cache_s``) and
    refetches when a token names an unknown ``kid`` (key rotation), at most once per
    ``jwks_refetch_cooldown_s``. Lookups run on one dedicated thread (PyJWKClient serialises
    them under its own lock anyway): a hung provider holds that thread, never the event loop or
    its default executor, and a request waits at most ``jwks_timeout_s`` for it. While the
    provider cannot be reached, a key already looked up keeps verifying its tokens for
    ``jwks_stale_if_error_s`` (stale-if-error), so a provider outage does not lock out users
    whose keys are known. Call ``close()`` on shutdown.
    """

    def __init__(self, settings: JwtSettings) -> None:
        self._settings = settings
        self._jwks: jwt.PyJWKClient | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._known: dict[str, tuple[jwt.PyJWK, float]] = {}
        if settings.jwks_url:
            self._jwks = jwt.PyJWKClient(
                settings.jwks_url,
                lifespan=settings.jwks_cache_s,
                timeout=settings.jwks_timeout_s,
                cooldown_duration=settings.jwks_refetch_cooldown_s,
            )
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jwks")

    @property
    def enabled(self) -> bool:
        return self._jwks is not None or self._settings.hs256_secret is not None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)

    async def subject(self, token: str) -> str:
        """Raises InvalidTokenError, or JwksUnavailableError when the keys cannot be had."""
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
            header = jwt.get_unverified_header(token)
            kid = header.get("kid")
            # Checked before any lookup, so junk tokens never cause a JWKS refetch.
            if header.get("alg") not in JWKS_ALGORITHMS or not isinstance(kid, str):
                raise InvalidTokenError("the token's algorithm or key id is not acceptable")
            signing_key = await self._signing_key(self._jwks, kid)
            # A PyJWK binds its algorithm: a token may not pick another one for the same key.
            return jwt.decode(token, signing_key, algorithms=list(JWKS_ALGORITHMS), **common)
        secret = self._settings.hs256_secret
        if secret is None:
            raise InvalidTokenError("JWT authentication is not configured")
        return jwt.decode(token, secret.get_secret_value(), algorithms=["HS256"], **common)

    async def _signing_key(self, jwks: jwt.PyJWKClient, kid: str) -> jwt.PyJWK:
        try:
            key = await self._lookup(jwks, kid)
        except JwksUnavailableError:
            known = self._known.get(kid)
            stale_for_s = time.monotonic() - known[1] if known else None
            if (
                known is None
                or stale_for_s is None
                or (stale_for_s > self._settings.jwks_stale_if_error_s)
            ):
                raise
            _log.warning("jwks.stale_key_used", extra={"kid": kid, "stale_s": round(stale_for_s)})
            return known[0]
        self._known[kid] = (key, time.monotonic())
        return key

    async def _lookup(self, jwks: jwt.PyJWKClient, kid: str) -> jwt.PyJWK:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(self._settings.jwks_timeout_s):
                return await loop.run_in_executor(self._executor, jwks.get_signing_key, kid)
        except TimeoutError as exc:
            raise JwksUnavailableError("the JWKS lookup timed out") from exc
        except (jwt.PyJWKClientConnectionError, jwt.PyJWKSetError, json.JSONDecodeError) as exc:
            raise JwksUnavailableError(type(exc).__name__) from exc
