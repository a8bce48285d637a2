"""Per-credential rate limiting in Redis (fixed one-minute windows shared by every instance)."""

from __future__ import annotations

import logging
import time

from redis.asyncio import Redis
from redis.exceptions import RedisError

from switchboard_control_plane.errors import RateLimitedError

logger = logging.getLogger("switchboard.control_plane.rate_limit")
WINDOW_S = 60


def rate_key(credential_id: str, window: int) -> str:
    return f"sb:cp:ratelimit:{credential_id}:{window}"


class RateLimiter:
    """Counts requests per credential per minute; over the limit raises 429 with Retry-After.

    When Redis is unreachable the request is let through (the API stays usable during a Redis
    outage, which the outbox is built to survive) and the failure is logged.
    """

    def __init__(self, redis: Redis, requests_per_minute: int) -> None:
        self._redis = redis
        self._limit = requests_per_minute

    async def check(
        self, credential_id: str, *, now_s: float | None = None, also_get: str | None = None
    ) -> object:
        """Counts the request; with ``also_get`` returns that Redis key's value, read in the
        same round trip (None when Redis is unreachable)."""
        now_s = time.time() if now_s is None else now_s
        window = int(now_s // WINDOW_S)
        key = rate_key(credential_id, window)
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(key)
                pipe.expire(key, WINDOW_S + 5)
                if also_get is not None:
                    pipe.get(also_get)
                results = await pipe.execute()
        except (RedisError, OSError):
            logger.warning("rate_limit.redis_unavailable")
            return None
        if int(results[0]) > self._limit:
            retry_after_s = max(1, int((window + 1) * WINDOW_S - now_s) + 1)
            raise RateLimitedError(retry_after_s)
        return results[2] if also_get is not None else None
