"""POST /v1/audio/speech and GET /v1/voices over HTTP, with the real Piper voice."""

from __future__ import annotations

import asyncio
import io
import threading
import wave

import httpx
import pytest

from switchboard_common.app_testing import running_client
from switchboard_tts.app import create_app
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.settings import Settings
from switchboard_tts.synthesis import Synthesizer

pytestmark = pytest.mark.models

URL = "/v1/audio/speech"


def _code(response: httpx.Response) -> str:
    code: str = response.json()["error"]["code"]
    return code


async def test_mulaw_is_raw_8_khz_g711(client: httpx.AsyncClient) -> None:
    response = await client.post(
        URL, json={"input": "Thank you for calling.", "response_format": "mulaw"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "audio/basic"
    assert response.headers["x-sample-rate"] == "8000"
    assert response.headers["x-cache"] == "miss"
    assert 0.6 * 8000 < len(response.content) < 3 * 8000
    assert not response.content.startswith(b"RIFF")


async def test_wav_streams_a_readable_file_at_the_requested_rate(client: httpx.AsyncClient) -> None:
    response = await client.post(
        URL,
        json={"input": "Hello there. Goodbye.", "response_format": "wav", "sample_rate_hz": 16000},
    )
    with wave.open(io.BytesIO(response.content)) as wav:
        assert wav.getframerate() == 16000
        assert len(wav.readframes(10**9)) > 16000
    assert response.headers["x-sample-rate"] == "16000"


async def test_pcm_defaults_to_the_voice_rate_and_repeats_come_from_the_cache(
    client: httpx.AsyncClient,
) -> None:
    body = {"input": "Please hold.", "response_format": "pcm", "voice": "piper:en_US-joe-medium"}
    first = await client.post(URL, json=body)
    second = await client.post(URL, json=body)
    assert first.headers["x-sample-rate"] == "22050"
    assert len(first.content) % 2 == 0
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("miss", "hit")
    assert second.content == first.content
    metrics = (await client.get("/metrics")).text
    assert 'tts_requests_total{outcome="cache_hit"} 1.0' in metrics
    assert 'tts_time_to_first_audio_seconds_count{cache="miss"} 1.0' in metrics


async def test_voices_are_listed_with_language_and_rate(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/voices")).json()
    assert body["default_voice"] == "piper:en_US-joe-medium"
    (engine,) = body["engines"]
    assert engine["name"] == "piper"
    assert engine["voices"][0] | {"description": ""} == {
        "id": "piper:en_US-joe-medium",
        "engine": "piper",
        "name": "en_US-joe-medium",
        "language": "en-US",
        "sample_rate_hz": 22050,
        "description": "",
    }


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"input": ""}, 400, "empty_input"),
        ({"input": " ... "}, 400, "empty_input"),
        ({"input": "x" * 5000}, 413, "input_too_long"),
        ({"input": "Hi.", "voice": "piper:nobody"}, 400, "unknown_voice"),
        ({"input": "Hi.", "response_format": "mp3"}, 400, "unsupported_format"),
        (
            {"input": "Hi.", "response_format": "mulaw", "sample_rate_hz": 16000},
            400,
            "unsupported_sample_rate",
        ),
        (
            {"input": "Hi.", "response_format": "pcm", "sample_rate_hz": 1234},
            400,
            "unsupported_sample_rate",
        ),
        ({"input": "Hi.", "speed": 10}, 400, "invalid_parameter"),
        ({"voice": "piper:en_US-joe-medium"}, 422, "validation_error"),
        ({"input": "x" * 100_000}, 413, "payload_too_large"),  # refused before JSON parsing
    ],
)
async def test_bad_requests_get_a_clear_code(
    client: httpx.AsyncClient, body: dict[str, object], status: int, code: str
) -> None:
    response = await client.post(URL, json=body)
    assert (response.status_code, _code(response)) == (status, code)


async def test_a_full_queue_answers_503_with_retry_after(piper_registry: EngineRegistry) -> None:
    settings = Settings(warmup=False, max_concurrency=1, max_queue=0, retry_after_s=2)
    app = create_app(settings, registry=piper_registry)
    release = threading.Event()
    started = threading.Event()

    def occupy_the_worker() -> None:
        started.set()
        release.wait()

    async with running_client(app, "http://tts") as client:
        synthesizer: Synthesizer = app.state.synthesizer
        blocker = asyncio.create_task(synthesizer._pool.run(occupy_the_worker))
        assert await asyncio.to_thread(started.wait, 30)
        try:
            response = await client.post(URL, json={"input": "Hello."})
        finally:
            release.set()
            await blocker
    assert (response.status_code, _code(response)) == (503, "overloaded")
    assert response.headers["retry-after"] == "2"


async def test_readyz_waits_for_the_warm_up(piper_registry: EngineRegistry) -> None:
    app = create_app(Settings(warmup=True), registry=piper_registry)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://tts") as client:
        assert (await client.get("/readyz")).status_code == 503
        assert _code(await client.post(URL, json={"input": "Hi."})) == "not_ready"
        async with app.router.lifespan_context(app):
            assert (await client.get("/readyz")).status_code == 200
        assert (await client.get("/readyz")).status_code == 503
    assert piper_registry.voices(), "an injected registry is not closed by the app"
