"""An agent version's TTS voice is checked against the TTS service's voices when it is created:
an unknown one is refused (422, with the voices on offer); with the TTS service unreachable the
version is created with a warning that the voice was not checked."""

from __future__ import annotations

import io
import socket
import wave
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager

import numpy as np
import pytest
from redis.asyncio import Redis

from switchboard_common.app_testing import serving
from switchboard_tts.app import create_app as create_tts_app
from switchboard_tts.engines.base import AudioChunk, VoiceInfo
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.settings import Settings as TtsSettings
from tests.integration.builders import api_key, ok, tenant
from tests.integration.conftest import Harness, make_settings, start_harness, truncate_all

pytestmark = pytest.mark.integration

VOICES = ("en_US-joe-medium", "en_GB-alba-medium")


class SilentEngine:
    """A stand-in engine (no model to load) offering two voices, as the TTS service lists them."""

    name = "piper"

    def voices(self) -> Sequence[VoiceInfo]:
        return [VoiceInfo("piper", voice, "en", 16000) for voice in VOICES]

    def synthesize(self, text: str, voice: str, *, speed: float) -> Iterator[AudioChunk]:
        yield AudioChunk(np.zeros(160, dtype=np.int16), 16000)

    def close(self) -> None:
        return None


@pytest.fixture
async def tts_url() -> AsyncIterator[str]:
    app = create_tts_app(
        TtsSettings(log_json=False, warmup=False), registry=EngineRegistry([SilentEngine()])
    )
    async with serving(app) as url:
        yield url


def _closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


@asynccontextmanager
async def _harness(database: str, redis: Redis, tts_url: str) -> AsyncIterator[Harness]:
    await truncate_all(database)
    harness, lifespan = await start_harness(make_settings(database, tts_url=tts_url), redis)
    try:
        yield harness
    finally:
        await harness.client.aclose()
        await lifespan.__aexit__(None, None, None)


async def _create_version(harness: Harness, tts: dict[str, str]) -> tuple[int, dict[str, object]]:
    client = harness.client
    tenant_id = await tenant(client)
    agent = await ok(client.post(f"/v1/tenants/{tenant_id}/agents", json={"name": "a"}), 201)
    response = await client.post(
        f"/v1/tenants/{tenant_id}/agents/{agent['id']}/versions",
        json={"greeting": "Hi", "tts": tts},
    )
    return response.status_code, response.json()


async def test_an_unknown_voice_is_refused_with_the_voices_on_offer(
    migrated_database: str, redis: Redis, tts_url: str
) -> None:
    async with _harness(migrated_database, redis, tts_url) as harness:
        status, body = await _create_version(harness, {"engine": "piper", "voice": "en_US-nobody"})
        assert status == 422, body
        error = body["error"]
        assert isinstance(error, dict) and error["code"] == "validation_error"
        (detail,) = error["details"]
        assert detail["field"] == "tts.voice" and detail["type"] == "unknown_voice"
        assert detail["available"] == sorted(f"piper:{voice}" for voice in VOICES)
        status, body = await _create_version(harness, {"engine": "coqui", "voice": VOICES[1]})
        assert status == 422, body


async def test_a_voice_on_offer_is_accepted_without_warnings(
    migrated_database: str, redis: Redis, tts_url: str
) -> None:
    async with _harness(migrated_database, redis, tts_url) as harness:
        status, body = await _create_version(harness, {"engine": "piper", "voice": VOICES[1]})
        assert status == 201, body
        assert body["warnings"] == []


async def test_with_the_tts_service_unreachable_the_version_is_created_with_a_warning(
    migrated_database: str, redis: Redis
) -> None:
    async with _harness(migrated_database, redis, _closed_port_url()) as harness:
        status, body = await _create_version(harness, {"engine": "piper", "voice": "anything"})
        assert status == 201, body
        assert body["warnings"] == [
            {
                "field": "tts.voice",
                "code": "voice_not_checked",
                "message": "the TTS service could not be reached; the voice was not checked",
            }
        ]


async def test_the_voices_on_offer_and_a_preview_as_wav(
    migrated_database: str, redis: Redis, tts_url: str
) -> None:
    async with _harness(migrated_database, redis, tts_url) as harness:
        client = harness.client
        tenant_id = await tenant(client)
        voices = await ok(client.get(f"/v1/tenants/{tenant_id}/voices"))
        assert voices == {"items": sorted(f"piper:{v}" for v in VOICES), "checked": True}
        body = {"tts": {"engine": "piper", "voice": VOICES[0]}, "text": "Hello there."}
        response = await client.post(f"/v1/tenants/{tenant_id}/voices/preview", json=body)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "audio/wav"
        with wave.open(io.BytesIO(response.content)) as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 16000)
            assert wav.getnframes() >= 160  # the stand-in engine's samples, sentence by sentence
        unknown = {"tts": {"engine": "piper", "voice": "en_US-nobody"}}
        refused = await client.post(f"/v1/tenants/{tenant_id}/voices/preview", json=unknown)
        assert refused.status_code == 422
        assert refused.json()["error"]["details"][0]["field"] == "tts.voice"
        viewer = harness.as_(await api_key(client, tenant_id, "viewer"))
        assert (await client.get(f"/v1/tenants/{tenant_id}/voices", headers=viewer)).is_success
        denied = await client.post(
            f"/v1/tenants/{tenant_id}/voices/preview", json=body, headers=viewer
        )
        assert denied.status_code == 403


async def test_a_preview_with_the_tts_service_down_is_a_clear_503(
    migrated_database: str, redis: Redis
) -> None:
    async with _harness(migrated_database, redis, _closed_port_url()) as harness:
        tenant_id = await tenant(harness.client)
        voices = await ok(harness.client.get(f"/v1/tenants/{tenant_id}/voices"))
        assert voices == {"items": [], "checked": False}
        body = {"tts": {"engine": "piper", "voice": VOICES[0]}}
        response = await harness.client.post(f"/v1/tenants/{tenant_id}/voices/preview", json=body)
        assert response.status_code == 503
        assert response.json()["error"]["code"] == "tts_unavailable"
        assert "Retry-After" in response.headers


async def test_without_a_tts_service_there_is_no_preview(
    migrated_database: str, redis: Redis
) -> None:
    async with _harness(migrated_database, redis, "") as harness:
        tenant_id = await tenant(harness.client)
        voices = await ok(harness.client.get(f"/v1/tenants/{tenant_id}/voices"))
        assert voices == {"items": [], "checked": False}
        body = {"tts": {"engine": "piper", "voice": VOICES[0]}}
        response = await harness.client.post(f"/v1/tenants/{tenant_id}/voices/preview", json=body)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "voice_preview_not_configured"
