"""The phrase cache: byte-bounded LRU, keys over every parameter, Redis optional."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter
from redis.asyncio import Redis

from switchboard_tts.cache import MemoryLru, PhraseCache, cache_key


def _events() -> Counter:
    return Counter("cache_events", "test", ["layer", "result"], registry=CollectorRegistry())


def _cache(redis: Redis | None, memory_bytes: int = 1000) -> PhraseCache:
    return PhraseCache(
        MemoryLru(memory_bytes),
        redis,
        _events(),
        key_prefix="test:",
        ttl_s=60,
        max_entry_bytes=500,
        redis_retry_s=60,
        redis_max_bytes_per_voice=10_000,
        shared_writes=True,
    )


def test_the_lru_evicts_the_least_recently_used_within_its_byte_budget() -> None:
    lru = MemoryLru(10)
    lru.put("a", b"1234")
    lru.put("b", b"1234")
    assert lru.get("a") == b"1234"
    lru.put("c", b"1234")
    assert (lru.get("a"), lru.get("b"), lru.get("c")) == (b"1234", None, b"1234")
    assert lru.size_bytes == 8
    lru.put("huge", b"x" * 11)
    assert lru.get("huge") is None


def test_keys_change_with_every_parameter() -> None:
    base = ("Hello.", "piper:a", "mulaw", 8000, 1.0)
    keys = {
        cache_key(*base),
        cache_key("Hello!", *base[1:]),
        cache_key(base[0], "piper:b", *base[2:]),
        cache_key(*base[:2], "pcm", *base[3:]),
        cache_key(*base[:3], 16000, base[4]),
        cache_key(*base[:4], 1.25),
    }
    assert len(keys) == 6
    assert cache_key(*base) == cache_key(*base)


async def test_memory_only_cache_round_trips_and_skips_oversized_entries() -> None:
    cache = _cache(None)
    await cache.put("k", b"audio", "piper:a")
    await cache.put("big", b"x" * 501, "piper:a")
    assert await cache.get("k") == b"audio"
    assert await cache.get("big") is None


async def test_an_unreachable_redis_is_a_miss_not_an_error() -> None:
    redis = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2)
    try:
        cache = _cache(redis)
        assert await cache.get("absent") is None
        await cache.put("k", b"audio", "piper:a")
        assert await cache.get("k") == b"audio", "memory still serves"
    finally:
        await redis.aclose()
