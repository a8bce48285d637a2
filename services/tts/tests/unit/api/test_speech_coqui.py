"""The HTTP API serving Coqui voices: listed, streamed sentence by sentence, in every format."""

from __future__ import annotations

import io
import wave
from collections.abc import AsyncIterator

import httpx
import numpy as np
import pytest

from switchboard_common.app_testing import running_client
from switchboard_common.audio import mulaw_decode
from switchboard_tts.app import create_app
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.settings import Settings

pytestmark = pytest.mark.models

URL = "/v1/audio/speech"
NATIVE_RATE_HZ = 22050
TEXT = "Hello there. We open at nine."


@pytest.fixture
async def coqui_client(coqui_registry: EngineRegistry) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(engines=["coqui"], default_voice="coqui:tiny", warmup=True)
    async with running_client(create_app(settings, registry=coqui_registry), "http://tts") as http:
        yield http


def _engine_audio(registry: EngineRegistry, voice_id: str, *sentences: str) -> np.ndarray:
    engine, voice = registry.resolve(voice_id)
    return np.concatenate(
        [c.pcm for s in sentences for c in engine.synthesize(s, voice.name, speed=1.0)]
    )


async def test_the_coqui_voices_are_listed_with_the_default(
    coqui_client: httpx.AsyncClient,
) -> None:
    body = (await coqui_client.get("/v1/voices")).json()
    assert body["default_voice"] == "coqui:tiny"
    (engine,) = body["engines"]
    assert engine["name"] == "coqui"
    assert [voice["id"] for voice in engine["voices"]] == [
        "coqui:tiny",
        "coqui:duo/ann",
        "coqui:duo/bob",
    ]
    assert {voice["sample_rate_hz"] for voice in engine["voices"]} == {NATIVE_RATE_HZ}


@pytest.mark.parametrize("voice_id", ["coqui:tiny", "coqui:duo/bob"])
async def test_pcm_at_the_voice_rate_is_the_engines_audio_sentence_by_sentence(
    coqui_client: httpx.AsyncClient, coqui_registry: EngineRegistry, voice_id: str
) -> None:
    response = await coqui_client.post(
        URL, json={"input": TEXT, "voice": voice_id, "response_format": "pcm"}
    )
    assert response.status_code == 200
    assert (response.headers["x-voice"], response.headers["x-sample-rate"]) == (voice_id, "22050")
    sent = np.frombuffer(response.content, dtype="<i2")
    by_sentence = _engine_audio(coqui_registry, voice_id, "Hello there.", "We open at nine.")
    assert np.array_equal(sent, by_sentence)
    assert not np.array_equal(
        sent[: by_sentence.size], _engine_audio(coqui_registry, voice_id, TEXT)
    )


@pytest.mark.parametrize(
    ("response_format", "rate_hz"),
    [
        ("pcm", 8000),
        ("pcm", 16000),
        ("pcm", 48000),
        ("wav", 24000),
        ("wav", 44100),
        ("mulaw", None),
    ],
)
async def test_every_output_format_and_rate_is_the_same_audio_resampled(
    coqui_client: httpx.AsyncClient,
    coqui_registry: EngineRegistry,
    response_format: str,
    rate_hz: int | None,
) -> None:
    response = await coqui_client.post(
        URL, json={"input": TEXT, "response_format": response_format, "sample_rate_hz": rate_hz}
    )
    assert response.status_code == 200
    out_rate_hz = rate_hz or 8000
    assert response.headers["x-sample-rate"] == str(out_rate_hz)
    if response_format == "wav":
        with wave.open(io.BytesIO(response.content)) as wav:
            assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (
                out_rate_hz,
                1,
                2,
            )
            sent = np.frombuffer(wav.readframes(10**9), dtype="<i2")
    elif response_format == "mulaw":
        sent = mulaw_decode(response.content)
    else:
        sent = np.frombuffer(response.content, dtype="<i2")
    native = _engine_audio(coqui_registry, "coqui:tiny", "Hello there.", "We open at nine.")
    expected_samples = native.size * out_rate_hz / NATIVE_RATE_HZ
    assert abs(sent.size - expected_samples) <= 0.01 * expected_samples
    assert float(np.abs(sent.astype(np.float64)).mean()) > 0.2 * float(np.abs(native).mean())


async def test_an_xtts_voice_streams_its_24_khz_audio_as_8_khz_mulaw(
    xtts_registry: EngineRegistry,
) -> None:
    settings = Settings(engines=["coqui"], default_voice="coqui:xtiny/ann", warmup=False)
    async with running_client(create_app(settings, registry=xtts_registry), "http://tts") as http:
        response = await http.post(URL, json={"input": "Hello there.", "response_format": "mulaw"})
    assert response.status_code == 200
    assert (response.headers["x-voice"], response.headers["x-sample-rate"]) == (
        "coqui:xtiny/ann",
        "8000",
    )
    expected_samples = 48 * 1040 / 3  # 48 GPT tokens of 1040 samples at 24 kHz
    assert abs(len(response.content) - expected_samples) <= 0.01 * expected_samples
    assert float(np.abs(mulaw_decode(response.content).astype(np.float64)).mean()) > 0
