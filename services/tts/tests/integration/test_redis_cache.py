"""The phrase cache is shared through Redis: a fresh process serves a phrase another made."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr
from redis.asyncio import Redis

from switchboard_common.app_testing import running_client
from switchboard_common.service_token import bearer_headers
from switchboard_common.test_endpoints import redis_url
from switchboard_tts.app import create_app
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.models]

REDIS_URL = redis_url(3)


@pytest.fixture
async def key_prefix() -> AsyncIterator[str]:
    prefix = f"test:tts:{uuid.uuid4().hex}:"
    yield prefix
    redis = Redis.from_url(REDIS_URL)
    try:
        keys = [key async for key in redis.scan_iter(match=prefix + "*")]
        if keys:
            await redis.delete(*keys)
    finally:
        await redis.aclose()


TOKEN = SecretStr("tts-token-0123456789abcdef")


async def _speak(app_settings: Settings, registry: EngineRegistry) -> httpx.Response:
    async with running_client(create_app(app_settings, registry=registry), "http://tts") as client:
        return await client.post(
            "/v1/audio/speech",
            json={"input": "Thanks for calling.", "response_format": "mulaw"},
            headers=bearer_headers(app_settings.service_token),
        )


async def test_a_second_process_gets_the_phrase_from_redis(
    piper_registry: EngineRegistry, key_prefix: str
) -> None:
    settings = Settings(
        warmup=False, redis_url=REDIS_URL, cache_key_prefix=key_prefix, service_token=TOKEN
    )
    made = await _speak(settings, piper_registry)
    served = await _speak(settings, piper_registry)
    assert (made.headers["x-cache"], served.headers["x-cache"]) == ("miss", "hit")
    assert served.content == made.content
    redis = Redis.from_url(REDIS_URL)
    try:
        keys = [key async for key in redis.scan_iter(match=key_prefix + "*")]
        keys = [key for key in keys if b":voice:" not in key]
        assert len(keys) == 1
        assert 0 < await redis.ttl(keys[0]) <= settings.cache_ttl_s
    finally:
        await redis.aclose()


async def test_the_service_speaks_when_redis_is_down(piper_registry: EngineRegistry) -> None:
    settings = Settings(warmup=False, redis_url="redis://127.0.0.1:1/0")
    response = await _speak(settings, piper_registry)
    assert response.status_code == 200
    assert response.headers["x-cache"] == "miss"
    assert len(response.content) > 4000
