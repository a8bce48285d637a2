"""The shared Redis phrase cache stays within its byte budget per voice, and only a service that
requires a token writes to it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from prometheus_client import CollectorRegistry, Counter
from pydantic import SecretStr
from redis.asyncio import Redis

from switchboard_common.app_testing import running_client
from switchboard_common.service_token import bearer_headers
from switchboard_common.test_endpoints import redis_url
from switchboard_tts.app import create_app
from switchboard_tts.cache import MemoryLru, PhraseCache
from switchboard_tts.cache_budget import voice_index_keys
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.settings import Settings

pytestmark = pytest.mark.integration

REDIS_URL = redis_url(3)
ENTRY_BYTES = 1_000
BUDGET_BYTES = 5_000


@pytest.fixture
async def redis() -> AsyncIterator[tuple[Redis, str]]:
    prefix = f"test:tts:{uuid.uuid4().hex}:"
    client = Redis.from_url(REDIS_URL)
    try:
        yield client, prefix
        keys = [key async for key in client.scan_iter(match=prefix + "*")]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


def _cache(redis: Redis, prefix: str, *, shared_writes: bool = True) -> PhraseCache:
    events = Counter("cache_events", "test", ["layer", "result"], registry=CollectorRegistry())
    return PhraseCache(
        MemoryLru(1_000_000),
        redis,
        events,
        key_prefix=prefix,
        ttl_s=60,
        max_entry_bytes=100_000,
        redis_retry_s=60,
        redis_max_bytes_per_voice=BUDGET_BYTES,
        shared_writes=shared_writes,
    )


async def _entry_keys(redis: Redis, prefix: str) -> set[str]:
    keys = {key.decode() async for key in redis.scan_iter(match=prefix + "*")}
    return {key for key in keys if ":voice:" not in key}


async def test_a_flood_of_phrases_stays_within_the_voices_budget_oldest_out_first(
    redis: tuple[Redis, str],
) -> None:
    client, prefix = redis
    cache = _cache(client, prefix)
    await cache.put("other-voice", b"o" * ENTRY_BYTES, "piper:b")
    for n in range(50):
        await cache.put(f"phrase-{n:02d}", bytes([n]) * ENTRY_BYTES, "piper:a")
    kept = await _entry_keys(client, prefix)
    assert kept == {prefix + f"phrase-{n:02d}" for n in range(45, 50)} | {prefix + "other-voice"}
    _, sizes = voice_index_keys(prefix, "piper:a")
    assert await client.hget(sizes, "") == str(BUDGET_BYTES).encode()
    for key in kept:
        assert 0 < await client.ttl(key) <= 60


async def test_rewriting_a_phrase_does_not_count_it_twice(redis: tuple[Redis, str]) -> None:
    client, prefix = redis
    cache = _cache(client, prefix)
    for _ in range(10):
        await cache.put("greeting", b"g" * ENTRY_BYTES, "piper:a")
    await cache.put("goodbye", b"b" * ENTRY_BYTES, "piper:a")
    _, sizes = voice_index_keys(prefix, "piper:a")
    assert await client.hget(sizes, "") == str(2 * ENTRY_BYTES).encode()
    assert await _entry_keys(client, prefix) == {prefix + "greeting", prefix + "goodbye"}


async def test_an_open_service_keeps_phrases_out_of_redis(redis: tuple[Redis, str]) -> None:
    client, prefix = redis
    cache = _cache(client, prefix, shared_writes=False)
    await cache.put("anonymous", b"a" * ENTRY_BYTES, "piper:a")
    assert await cache.get("anonymous") == b"a" * ENTRY_BYTES  # its own memory still serves
    assert await _entry_keys(client, prefix) == set()


@pytest.mark.models
async def test_only_a_service_that_requires_a_token_shares_phrases(
    piper_registry: EngineRegistry, redis: tuple[Redis, str]
) -> None:
    client, prefix = redis
    body = {"input": "Thanks for calling.", "response_format": "mulaw"}
    open_settings = Settings(warmup=False, redis_url=REDIS_URL, cache_key_prefix=prefix)
    app = create_app(open_settings, registry=piper_registry)
    async with running_client(app, "http://tts") as http:
        assert (await http.post("/v1/audio/speech", json=body)).status_code == 200
    assert await _entry_keys(client, prefix) == set()
    token = SecretStr("tts-token-0123456789abcdef")
    guarded = open_settings.model_copy(update={"service_token": token})
    app = create_app(guarded, registry=piper_registry)
    async with running_client(app, "http://tts") as http:
        spoken = await http.post("/v1/audio/speech", json=body, headers=bearer_headers(token))
        assert spoken.status_code == 200
    assert len(await _entry_keys(client, prefix)) == 1
