"""Turns a bearer token into a Principal (bootstrap key, API key, or OIDC/JWT), rate limited."""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.access.api_keys import (
    KEY_PREFIX,
    LAST_USED_RESOLUTION_S,
    KeyHasher,
    find_active_key,
)
from switchboard_control_plane.access.key_cache import AUTH_EPOCH_KEY, CachedKey, KeyCache
from switchboard_control_plane.access.key_cache import epoch_text as _epoch_text
from switchboard_control_plane.access.models import ApiKey, Membership
from switchboard_control_plane.access.principal import TENANT_ROLES, Principal, TenantRole
from switchboard_control_plane.access.rate_limit import FailedLoginThrottle, RateLimiter
from switchboard_control_plane.access.tokens import (
    InvalidTokenError,
    JwksUnavailableError,
    JwtVerifier,
)
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.errors import IdentityProviderUnavailableError, UnauthorizedError

logger = logging.getLogger("switchboard.control_plane.authn")
BOOTSTRAP_SUBJECT = "bootstrap-admin"


@dataclass(frozen=True, slots=True)
class Authentication:
    principal: Principal
    first_use_of: ApiKey | None = None


class Authenticator:
    """Verifies the credential and counts the request against its rate limit; bad credentials
    count against the client address (``FailedLoginThrottle``).

    API keys verified in the database are cached per process (``KeyCache``); a cached key is
    used only when the auth epoch, read in the rate limiter's round trip, is unchanged.
    """

    def __init__(
        self,
        hasher: KeyHasher,
        bootstrap_key: str,
        jwt_verifier: JwtVerifier,
        limiter: RateLimiter,
        key_cache: KeyCache,
        login_throttle: FailedLoginThrottle,
    ) -> None:
        self._hasher = hasher
        self._bootstrap_key = bootstrap_key
        self._jwt = jwt_verifier
        self._limiter = limiter
        self._keys = key_cache
        self._login_throttle = login_throttle

    async def authenticate(
        self, session: AsyncSession, token: str, *, client_address: str | None
    ) -> Authentication:
        """The credential's principal; 401 for a bad one, 429 while ``client_address`` has
        sent too many bad ones (checked before the credential, so a right guess gains nothing)."""
        if client_address is not None:
            await self._login_throttle.check(client_address)
        try:
            return await self._verify(session, token)
        except UnauthorizedError:
            if client_address is not None:
                await self._login_throttle.record_failure(client_address)
            raise

    async def _verify(self, session: AsyncSession, token: str) -> Authentication:
        if hmac.compare_digest(token.encode(), self._bootstrap_key.encode()):
            principal = Principal(BOOTSTRAP_SUBJECT, "bootstrap", "bootstrap", platform_admin=True)
            await self._limiter.check(principal.credential_id)
            return Authentication(principal)
        if token.startswith(KEY_PREFIX):
            return await self._api_key(session, token)
        if self._jwt.enabled:
            principal = await self._jwt_principal(session, token)
            await self._limiter.check(principal.credential_id)
            return Authentication(principal)
        raise UnauthorizedError("The credential is not valid.")

    def close(self) -> None:
        self._jwt.close()

    async def forget_key(self, key_id: str) -> None:
        """After a revocation commits: this process at once, every other on its next request."""
        self._keys.forget_credential(key_id)
        await self._keys.new_epoch()

    async def _api_key(self, session: AsyncSession, token: str) -> Authentication:
        digest = self._hasher.digest(token)
        now = utcnow()
        cached = self._keys.get(digest, now)
        if cached is not None:
            credential_id = cached.principal.credential_id
            value = await self._limiter.check(credential_id, also_get=AUTH_EPOCH_KEY)
            epoch = _epoch_text(value)
            if epoch is not None and epoch == cached.epoch:
                return Authentication(cached.principal)
            self._keys.discard(digest)
        else:
            epoch = await self._keys.current_epoch()
        auth = await self._key_from_db(session, digest, now, epoch)
        if cached is None:
            await self._limiter.check(auth.principal.credential_id)
        return auth

    async def _key_from_db(
        self, session: AsyncSession, digest: str, now: datetime, epoch: str | None
    ) -> Authentication:
        """Verifies in the database; caches under ``epoch``, read before this lookup."""
        use = await find_active_key(session, digest, now=now)
        if use is None:
            raise UnauthorizedError("The API key is not valid, expired or revoked.")
        key = use.key
        subject = f"api_key:{key.id}"
        if key.tenant_id is None:
            principal = Principal(subject, "api_key", key.id, platform_admin=True)
        else:
            role = _tenant_role(key.role)
            roles = {key.tenant_id: role} if role else {}
            principal = Principal(subject, "api_key", key.id, roles=roles)
        if epoch is not None and key.last_used_at is not None:
            valid_until = key.last_used_at + timedelta(seconds=LAST_USED_RESOLUTION_S)
            if key.expires_at is not None:
                valid_until = min(valid_until, key.expires_at)
            self._keys.put(digest, CachedKey(principal, valid_until, epoch))
        return Authentication(principal, key if use.first_use else None)

    async def _jwt_principal(self, session: AsyncSession, token: str) -> Principal:
        try:
            sub = await self._jwt.subject(token)
        except InvalidTokenError as exc:
            raise UnauthorizedError("The bearer token is not valid.") from exc
        except JwksUnavailableError as exc:
            logger.warning("jwks.unavailable", extra={"fields": {"reason": str(exc)}})
            raise IdentityProviderUnavailableError() from exc
        query = select(Membership).where(Membership.subject == sub)
        rows = (await session.execute(query.execution_options(**ALL_TENANTS))).scalars().all()
        platform_admin = any(m.role == "platform_admin" and m.tenant_id is None for m in rows)
        roles: dict[str, TenantRole] = {}
        for membership in rows:
            role = _tenant_role(membership.role)
            if membership.tenant_id is not None and role is not None:
                roles[membership.tenant_id] = role
        return Principal(f"user:{sub}", "jwt", f"jwt:{sub}", platform_admin, roles)


def _tenant_role(role: str) -> TenantRole | None:
    for known in TENANT_ROLES:
        if known == role:
            return known
    return None
