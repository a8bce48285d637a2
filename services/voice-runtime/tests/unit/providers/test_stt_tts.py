"""HTTP adapters of the STT and TTS services, against httpx mock transports."""

from __future__ import annotations

import json

import httpx
import pytest
from pydantic import SecretStr

from switchboard_voice_runtime.providers import (
    HttpSpeechToText,
    HttpTextToSpeech,
    ProviderError,
    SpeechServices,
    build_speech_services,
)
from switchboard_voice_runtime.providers.litellm_chat import litellm_chat_model
from switchboard_voice_runtime.testing.harness import sample_agent


def _client(handler: httpx.MockTransport) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=handler)


async def test_stt_posts_raw_pcm16_and_reads_the_text() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"text": " Hello there. ", "processing_ms": 12.0})

    async with _client(httpx.MockTransport(handler)) as http:
        stt = HttpSpeechToText("http://stt/", http)
        text = await stt.transcribe(b"\x00\x01" * 100, sample_rate_hz=16000, language="en")
    assert text == "Hello there."
    request = seen[0]
    assert request.url.path == "/v1/audio/transcriptions"
    assert request.url.params["encoding"] == "pcm16"
    assert request.url.params["sample_rate_hz"] == "16000"
    assert request.url.params["window"] == "fitted"
    assert request.headers["content-type"] == "application/octet-stream"
    assert request.content == b"\x00\x01" * 100


async def test_stt_and_tts_send_their_service_tokens_and_only_theirs() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "stt":
            return httpx.Response(200, json={"text": "Hi."})
        return httpx.Response(200, content=b"\x7f" * 160)

    async with _client(httpx.MockTransport(handler)) as http:
        services = build_speech_services(
            stt_url="http://stt",
            tts_url="http://tts",
            http=http,
            stt_token=SecretStr("stt-token-0123456789"),
            tts_token=SecretStr("tts-token-0123456789"),
        )
        await services.stt.transcribe(b"\x00\x00" * 80, sample_rate_hz=8000, language="en")
        _ = [c async for c in services.tts.stream("Hi.", voice_id="piper:x", speed=1.0)]
        open_stt = HttpSpeechToText("http://stt", http)
        await open_stt.transcribe(b"\x00\x00" * 80, sample_rate_hz=8000, language="en")
    assert seen[0].headers["authorization"] == "Bearer stt-token-0123456789"
    assert seen[0].headers["content-type"] == "application/octet-stream"
    assert seen[1].headers["authorization"] == "Bearer tts-token-0123456789"
    assert "authorization" not in seen[2].headers


@pytest.mark.parametrize(
    ("response", "retryable"),
    [
        (httpx.Response(503, json={}), True),
        (httpx.Response(400, json={}), False),
        (httpx.Response(200, content=b"not json"), False),
    ],
)
async def test_stt_errors_become_provider_errors(response: httpx.Response, retryable: bool) -> None:
    async with _client(httpx.MockTransport(lambda request: response)) as http:
        with pytest.raises(ProviderError) as caught:
            await HttpSpeechToText("http://stt", http).transcribe(
                b"", sample_rate_hz=16000, language="en"
            )
    assert caught.value.retryable is retryable and caught.value.provider == "stt"


async def test_stt_unreachable_is_a_retryable_provider_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    async with _client(httpx.MockTransport(handler)) as http:
        with pytest.raises(ProviderError) as caught:
            await HttpSpeechToText("http://stt", http).transcribe(
                b"", sample_rate_hz=16000, language="en"
            )
    assert caught.value.retryable


async def test_tts_streams_mulaw_chunks_for_the_agents_voice() -> None:
    bodies: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.content))
        return httpx.Response(200, content=b"\x7f" * 4000)

    async with _client(httpx.MockTransport(handler)) as http:
        tts = HttpTextToSpeech("http://tts", http)
        audio = b"".join(
            [c async for c in tts.stream("Hi.", voice_id="piper:en_US-joe-medium", speed=1.0)]
        )
    assert audio == b"\x7f" * 4000
    assert bodies[0] == {
        "model": "piper",
        "input": "Hi.",
        "voice": "piper:en_US-joe-medium",
        "response_format": "mulaw",
        "speed": 1.0,
        "sample_rate_hz": 8000,
    }


async def test_tts_error_status_is_a_provider_error() -> None:
    async with _client(httpx.MockTransport(lambda request: httpx.Response(500))) as http:
        tts = HttpTextToSpeech("http://tts", http)
        with pytest.raises(ProviderError):
            async for _ in tts.stream("Hi.", voice_id="piper:x", speed=1.0):
                pass


async def test_prewarm_fills_the_cache_and_survives_a_tts_outage() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        text = json.loads(request.content)["input"]
        calls.append(text)
        return httpx.Response(500) if "Sorry" in text else httpx.Response(200, content=b"\x01" * 8)

    agent = sample_agent()
    async with _client(httpx.MockTransport(handler)) as http:
        services = SpeechServices(
            stt=HttpSpeechToText("http://stt", http),
            tts=HttpTextToSpeech("http://tts", http),
            chat=litellm_chat_model,
        )
        await services.prewarm(agent)
        await services.prewarm(agent)
    key = (agent.tts.voice_id, agent.tts.speed, agent.greeting)
    assert services.cache.get(key) == b"\x01" * 8
    assert calls.count(agent.greeting) == 1  # cached the first time


async def test_tts_refusing_the_voice_retries_in_the_default_voice_but_not_other_errors() -> None:
    bodies: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        bodies.append(body)
        if body["input"] == "":
            return httpx.Response(400, json={"error": {"code": "empty_input", "message": "x"}})
        if "voice" in body:
            return httpx.Response(400, json={"error": {"code": "unknown_voice", "message": "x"}})
        return httpx.Response(200, content=b"\x7f" * 800)

    async with _client(httpx.MockTransport(handler)) as http:
        tts = HttpTextToSpeech("http://tts", http)
        audio = b"".join([c async for c in tts.stream("Hi.", voice_id="piper:gone", speed=1.0)])
        with pytest.raises(ProviderError):
            [c async for c in tts.stream("", voice_id="piper:other", speed=1.0)]
    assert audio == b"\x7f" * 800
    assert [body.get("voice") for body in bodies] == ["piper:gone", None, "piper:other"]


async def test_stt_sends_the_model_and_vocabulary_prompt() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"text": "Niamh."})

    async with _client(httpx.MockTransport(handler)) as http:
        stt = HttpSpeechToText("http://stt", http)
        await stt.transcribe(
            b"\x00\x00" * 80, sample_rate_hz=16000, language="en", model="base", prompt="Niamh."
        )
        await stt.transcribe(b"\x00\x00" * 80, sample_rate_hz=16000, language="en")
    assert seen[0].url.params["model"] == "base"
    assert seen[0].url.params["prompt"] == "Niamh."
    assert "model" not in seen[1].url.params and "prompt" not in seen[1].url.params


async def test_a_model_the_stt_service_lacks_falls_back_to_its_default_for_a_while() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if "model" in request.url.params:
            error = {"code": "model_not_available", "message": "no", "details": {}}
            return httpx.Response(400, json={"error": error})
        return httpx.Response(200, json={"text": "Hello."})

    async with _client(httpx.MockTransport(handler)) as http:
        stt = HttpSpeechToText("http://stt", http)
        for _ in range(2):
            text = await stt.transcribe(
                b"\x00\x00" * 80, sample_rate_hz=16000, language="en", model="large-v3"
            )
            assert text == "Hello."
    assert ["model" in r.url.params for r in seen] == [True, False, False]


async def test_other_stt_refusals_are_not_retried_without_the_model() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(400, json={"error": {"code": "unsupported_language"}})

    async with _client(httpx.MockTransport(handler)) as http:
        stt = HttpSpeechToText("http://stt", http)
        with pytest.raises(ProviderError):
            await stt.transcribe(b"\x00" * 160, sample_rate_hz=16000, language="xx", model="base")
    assert len(seen) == 1
