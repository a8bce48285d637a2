"""API keys: ``sb_`` tokens shown once, stored as HMAC-SHA256 with a server pepper."""

from __future__ import annotations

import hashlib
import hmac
import secrets as token_source
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_control_plane.access.models import ApiKey
from switchboard_control_plane.db.base import utcnow
from switchboard_control_plane.db.scope import ALL_TENANTS

KEY_PREFIX = "sb_"
LAST_USED_RESOLUTION_S = 60.0


def new_token() -> str:
    return KEY_PREFIX + token_source.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class KeyHasher:
    """Keyed hash of API keys: a leaked table is useless without the pepper."""

    pepper: bytes

    def digest(self, token: str) -> str:
        return hmac.new(self.pepper, token.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class KeyUse:
    key: ApiKey
    first_use: bool


async def find_active_key(
    session: AsyncSession, digest: str, *, now: datetime | None = None
) -> KeyUse | None:
    """The live key whose HMAC is ``digest`` (not revoked, not expired), marking its last use
    (at most once per ``LAST_USED_RESOLUTION_S``)."""
    now = now or utcnow()
    query = select(ApiKey).where(ApiKey.key_hash == digest)
    key = (await session.execute(query.execution_options(**ALL_TENANTS))).scalar_one_or_none()
    if key is None or key.revoked_at is not None:
        return None
    if key.expires_at is not None and key.expires_at <= now:
        return None
    first_use = key.last_used_at is None
    stale = key.last_used_at is None or now - key.last_used_at > timedelta(
        seconds=LAST_USED_RESOLUTION_S
    )
    if stale:
        key.last_used_at = now
    return KeyUse(key=key, first_use=first_use)
