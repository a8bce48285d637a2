"""The phrase cache: repeated text (greetings, prompts) is served from memory or Redis.

Redis is optional: when it is unset, down or slow the cache answers a miss, skips Redis for
`redis_retry_s`, and synthesis goes on. Keys hash everything that changes the audio. Redis
holds at most `redis_max_bytes_per_voice` per voice (oldest evicted first) for `ttl_s`, and
only services that require a token write to it (`shared_writes`): an open service, where anyone
may ask for anything, keeps its phrases in its own memory.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import OrderedDict

from prometheus_client import Counter
from redis.asyncio import Redis

from switchboard_tts.cache_budget import put_within_budget

logger = logging.getLogger("switchboard.tts.cache")


def cache_key(text: str, voice_id: str, fmt: str, sample_rate_hz: int, speed: float) -> str:
    """sha256 over the text and every output parameter."""
    material = "\x1f".join((text, voice_id, fmt, str(sample_rate_hz), f"{speed:.4f}"))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class MemoryLru:
    """A byte-budgeted LRU of payloads."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0

    def get(self, key: str) -> bytes | None:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    def put(self, key: str, value: bytes) -> None:
        if len(value) > self.max_bytes:
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._size -= len(old)
        self._entries[key] = value
        self._size += len(value)
        while self._size > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self._size -= len(evicted)

    @property
    def size_bytes(self) -> int:
        return self._size


class PhraseCache:
    """Memory first, then Redis (filling memory on a Redis hit)."""

    def __init__(
        self,
        memory: MemoryLru,
        redis: Redis | None,
        events: Counter,
        *,
        key_prefix: str,
        ttl_s: int,
        max_entry_bytes: int,
        redis_retry_s: float,
        redis_max_bytes_per_voice: int,
        shared_writes: bool,
    ) -> None:
        self._memory = memory
        self._redis = redis
        self._events = events
        self._prefix = key_prefix
        self._ttl_s = ttl_s
        self._max_entry_bytes = max_entry_bytes
        self._redis_retry_s = redis_retry_s
        self._redis_down_until = 0.0
        self._redis_max_bytes_per_voice = redis_max_bytes_per_voice
        self._shared_writes = shared_writes

    async def get(self, key: str) -> bytes | None:
        value = self._memory.get(key)
        if value is not None:
            self._events.labels("memory", "hit").inc()
            return value
        self._events.labels("memory", "miss").inc()
        value = await self._redis_get(key)
        if value is not None:
            self._memory.put(key, value)
        return value

    async def put(self, key: str, value: bytes, voice_id: str) -> None:
        if not value or len(value) > self._max_entry_bytes:
            return
        self._memory.put(key, value)
        if self._redis is None or not self._shared_writes or self._redis_skipped():
            return
        try:
            await put_within_budget(
                self._redis,
                key_prefix=self._prefix,
                key=key,
                voice_id=voice_id,
                value=value,
                ttl_s=self._ttl_s,
                max_bytes_per_voice=self._redis_max_bytes_per_voice,
            )
        except Exception as exc:  # any Redis failure only costs the shared copy
            self._redis_failed(exc)

    async def _redis_get(self, key: str) -> bytes | None:
        if self._redis is None or self._redis_skipped():
            return None
        try:
            raw = await self._redis.get(self._prefix + key)
        except Exception as exc:  # any Redis failure is a miss
            self._redis_failed(exc)
            return None
        value = raw.encode("latin-1") if isinstance(raw, str) else raw
        self._events.labels("redis", "hit" if value is not None else "miss").inc()
        return value

    def _redis_skipped(self) -> bool:
        return time.monotonic() < self._redis_down_until

    def _redis_failed(self, exc: Exception) -> None:
        self._events.labels("redis", "error").inc()
        self._redis_down_until = time.monotonic() + self._redis_retry_s
        logger.warning(
            "tts.cache.redis_unavailable",
            extra={"fields": {"error": type(exc).__name__, "retry_s": self._redis_retry_s}},
        )
