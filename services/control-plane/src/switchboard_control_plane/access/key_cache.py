"""Recently verified API keys, trusted only while the shared auth epoch in Redis is unchanged."""

from __future__ import annotations

import logging
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from redis.asyncio import Redis
from redis.exceptions import RedisError

from switchboard_control_plane.access.principal import Principal

logger = logging.getLogger("switchboard.control_plane.key_cache")
AUTH_EPOCH_KEY = "sb:cp:auth_epoch"
KEY_CACHE_SIZE = 10_000


@dataclass(frozen=True, slots=True)
class CachedKey:
    """A key verified in the database under ``epoch``; trusted until ``valid_until`` at most."""

    principal: Principal
    valid_until: datetime
    epoch: str


class KeyCache:
    """Per-process LRU of verified API keys, keyed by the key's HMAC digest (never the key).

    An entry is used only while Redis's auth epoch equals the one read *before* the database
    lookup that produced it; revoking a key sets a new random epoch, so every instance drops its
    entries on its next request. Entries also lapse when the key's last-used time is a minute old
    (the database path then records the use) or when the key expires. If Redis cannot be
    reached, nothing is trusted from the cache.
    """

    def __init__(self, redis: Redis, size: int = KEY_CACHE_SIZE) -> None:
        self._redis = redis
        self._size = size
        self._entries: OrderedDict[str, CachedKey] = OrderedDict()

    def get(self, digest: str, now: datetime) -> CachedKey | None:
        entry = self._entries.get(digest)
        if entry is None:
            return None
        if entry.valid_until <= now:
            del self._entries[digest]
            return None
        self._entries.move_to_end(digest)
        return entry

    def put(self, digest: str, entry: CachedKey) -> None:
        if self._size <= 0:
            return
        self._entries[digest] = entry
        self._entries.move_to_end(digest)
        if len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def discard(self, digest: str) -> None:
        self._entries.pop(digest, None)

    def forget_credential(self, credential_id: str) -> None:
        stale = [d for d, e in self._entries.items() if e.principal.credential_id == credential_id]
        for digest in stale:
            del self._entries[digest]

    async def current_epoch(self) -> str | None:
        """The shared epoch (created when missing), or None when Redis is unreachable."""
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.set(AUTH_EPOCH_KEY, uuid.uuid4().hex, nx=True)
                pipe.get(AUTH_EPOCH_KEY)
                _, value = await pipe.execute()
        except (RedisError, OSError):
            logger.warning("key_cache.redis_unavailable")
            return None
        return epoch_text(value)

    async def new_epoch(self) -> None:
        """Invalidates every instance's entries (after a revocation has committed)."""
        try:
            await self._redis.set(AUTH_EPOCH_KEY, uuid.uuid4().hex)
        except (RedisError, OSError):
            logger.warning("key_cache.epoch_not_renewed")


def epoch_text(value: object) -> str | None:
    if isinstance(value, bytes):
        return value.decode()
    return value if isinstance(value, str) else None
