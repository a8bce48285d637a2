"""Rate limits in Redis, fixed one-minute windows shared by every instance: requests per
credential, failed logins per client address."""

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
            raise RateLimitedError(_retry_after_s(window, now_s))
        return results[2] if also_get is not None else None


def failed_login_key(client_address: str, window: int) -> str:
    return f"sb:cp:authfail:{client_address}:{window}"


class FailedLoginThrottle:
    """Counts bad credentials per client address per minute, in Redis (shared by instances).

    Once an address reaches the limit, every request it makes with a credential gets 429 with
    Retry-After until the window ends, before the credential is looked at, so guessing stops
    paying off. A Redis outage lets requests through (as ``RateLimiter``) and is logged.
    """

    def __init__(self, redis: Redis, failures_per_minute: int) -> None:
        self._redis = redis
        self._limit = failures_per_minute

    async def check(self, client_address: str, *, now_s: float | None = None) -> None:
        """Raises ``RateLimitedError`` while the address is over its failure limit."""
        now_s = time.time() if now_s is None else now_s
        window = int(now_s // WINDOW_S)
        try:
            count = await self._redis.get(failed_login_key(client_address, window))
        except (RedisError, OSError):
            logger.warning("login_throttle.redis_unavailable")
            return
        if count is not None and int(count) >= self._limit:
            raise RateLimitedError(_retry_after_s(window, now_s), "Too many failed logins.")

    async def record_failure(self, client_address: str, *, now_s: float | None = None) -> None:
        now_s = time.time() if now_s is None else now_s
        key = failed_login_key(client_address, int(now_s // WINDOW_S))
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(key)
                pipe.expire(key, WINDOW_S + 5)
                await pipe.execute()
        except (RedisError, OSError):
            logger.warning("login_throttle.redis_unavailable")


def _retry_after_s(window: int, now_s: float) -> int:
    return max(1, int((window + 1) * WINDOW_S - now_s) + 1)
