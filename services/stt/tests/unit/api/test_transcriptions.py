"""POST /v1/audio/transcriptions: multipart and raw bodies, formats, and bad input."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import numpy as np
import numpy.typing as npt
import pytest

from switchboard_common.app_testing import running_client
from switchboard_common.audio import mulaw_encode, resample
from switchboard_stt.app import create_app
from switchboard_stt.quality import word_error_rate
from switchboard_stt.settings import Settings
from switchboard_stt.transcriber import WhisperSpeechToText
from switchboard_stt.transcription import TranscriptionService

pytestmark = pytest.mark.models

CLIP_TEXT = "I would like to move my appointment to next week, please."
URL = "/v1/audio/transcriptions"


def _error_code(response: httpx.Response) -> str:
    code: str = response.json()["error"]["code"]
    return code


async def test_a_multipart_wav_upload_is_transcribed(
    client: httpx.AsyncClient, clip_wav: bytes
) -> None:
    response = await client.post(
        URL,
        files={"file": ("clip.wav", clip_wav, "audio/wav")},
        data={"model": "whisper-1", "language": "en"},
    )
    assert response.status_code == 200
    body = response.json()
    assert word_error_rate([(CLIP_TEXT, body["text"])]) <= 0.1
    assert body["language"] == "en"
    assert body["duration_ms"] == 2998
    assert body["processing_ms"] > 0


async def test_text_and_verbose_json_formats(client: httpx.AsyncClient, clip_wav: bytes) -> None:
    files = {"file": ("clip.wav", clip_wav, "audio/wav")}
    text = await client.post(URL, files=files, data={"response_format": "text"})
    assert text.headers["content-type"].startswith("text/plain")
    assert "appointment" in text.text
    verbose = await client.post(URL, files=files, data={"response_format": "verbose_json"})
    segments = verbose.json()["segments"]
    assert segments and segments[-1]["end_ms"] > segments[0]["start_ms"]
    assert segments[0]["start"] == segments[0]["start_ms"] / 1000


@pytest.mark.parametrize("window", ["full", "fitted"])
async def test_raw_16_khz_pcm16_is_transcribed(
    client: httpx.AsyncClient, clip_pcm16: npt.NDArray[np.int16], window: str
) -> None:
    response = await client.post(
        URL,
        params={"encoding": "pcm16", "sample_rate_hz": 16000, "window": window},
        content=clip_pcm16.tobytes(),
        headers={"content-type": "application/octet-stream"},
    )
    assert response.status_code == 200
    assert word_error_rate([(CLIP_TEXT, response.json()["text"])]) <= 0.1


async def test_raw_telephone_mulaw_is_transcribed(
    client: httpx.AsyncClient, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    telephone = mulaw_encode(resample(clip_pcm16, 16_000, 8_000))
    response = await client.post(URL, content=telephone, headers={"content-type": "audio/basic"})
    assert response.status_code == 200
    assert response.json()["duration_ms"] == 2998
    assert word_error_rate([(CLIP_TEXT, response.json()["text"])]) <= 0.1


@pytest.mark.parametrize(
    ("params", "content", "content_type", "status", "code"),
    [
        (
            {"encoding": "opus"},
            b"\x00\x00",
            "application/octet-stream",
            415,
            "unsupported_encoding",
        ),
        (
            {"sample_rate_hz": 9000},
            b"\x00\x00",
            "application/octet-stream",
            400,
            "unsupported_sample_rate",
        ),
        (
            {"sample_rate_hz": "fast"},
            b"\x00\x00",
            "application/octet-stream",
            400,
            "invalid_parameter",
        ),
        ({}, b"", "application/octet-stream", 400, "empty_audio"),
        ({}, b"\x00\x00\x00", "audio/pcm", 400, "invalid_audio"),
        ({"response_format": "srt"}, b"\x00\x00", "audio/pcm", 400, "unsupported_response_format"),
        ({"language": "xx"}, b"\x00\x00", "audio/pcm", 400, "unsupported_language"),
        ({"model": "large-v3"}, b"\x00\x00", "audio/pcm", 400, "model_not_available"),
        ({"temperature": "hot"}, b"\x00\x00", "audio/pcm", 400, "invalid_parameter"),
        ({"window": "tiny"}, b"\x00\x00", "audio/pcm", 400, "invalid_parameter"),
        ({}, b"{}", "application/json", 415, "unsupported_media_type"),
    ],
)
async def test_bad_raw_requests_get_a_clear_code(
    client: httpx.AsyncClient,
    params: dict[str, str | int],
    content: bytes,
    content_type: str,
    status: int,
    code: str,
) -> None:
    response = await client.post(
        URL, params=params, content=content, headers={"content-type": content_type}
    )
    assert (response.status_code, _error_code(response)) == (status, code)


async def test_an_upload_that_is_not_audio_is_invalid(client: httpx.AsyncClient) -> None:
    files = {"file": ("notes.txt", b"Meeting notes: call back on Monday." * 10, "text/plain")}
    response = await client.post(URL, files=files)
    assert (response.status_code, _error_code(response)) == (400, "invalid_audio")


async def test_a_form_without_a_file_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(URL, files={"other": ("x", b"x")}, data={"model": "whisper-1"})
    assert (response.status_code, _error_code(response)) == (400, "invalid_parameter")


async def test_an_oversized_upload_is_refused_before_decoding(
    tmp_path: Path,
    whisper_tiny: WhisperSpeechToText,
    clip_wav: bytes,
) -> None:
    settings = Settings(cache_dir=tmp_path, warmup=False, max_upload_bytes=4096)
    async with running_client(create_app(settings, stt=whisper_tiny)) as client:
        multipart = await client.post(URL, files={"file": ("clip.wav", clip_wav, "audio/wav")})
        assert (multipart.status_code, _error_code(multipart)) == (413, "payload_too_large")

        async def chunked() -> AsyncIterator[bytes]:
            for _ in range(4):
                yield b"\x00" * 2048

        streamed = await client.post(
            URL, content=chunked(), headers={"content-type": "application/octet-stream"}
        )
        assert (streamed.status_code, _error_code(streamed)) == (413, "payload_too_large")


async def test_a_full_queue_answers_503_with_retry_after(
    tmp_path: Path,
    whisper_tiny: WhisperSpeechToText,
    clip_pcm16: npt.NDArray[np.int16],
) -> None:
    settings = Settings(cache_dir=tmp_path, warmup=False, max_concurrency=1, max_queue=0)
    app = create_app(settings, stt=whisper_tiny)
    release = threading.Event()
    started = threading.Event()

    def occupy_the_worker() -> None:
        started.set()
        release.wait()

    async with running_client(app) as client:
        service: TranscriptionService = app.state.transcription
        blocker = asyncio.create_task(service._pool.run(occupy_the_worker))
        assert await asyncio.to_thread(started.wait, 30)
        try:
            response = await client.post(
                URL, content=clip_pcm16.tobytes(), headers={"content-type": "audio/pcm"}
            )
        finally:
            release.set()
            await blocker
        assert (response.status_code, _error_code(response)) == (503, "overloaded")
        assert response.headers["retry-after"] == "1"
        metrics = (await client.get("/metrics")).text
        assert 'stt_transcriptions_total{kind="batch",outcome="overloaded"} 1.0' in metrics


async def test_audio_longer_than_the_cap_gets_413_audio_too_long(
    client: httpx.AsyncClient,
) -> None:
    two_minutes_and_a_bit = b"\xff" * (8_000 * 121)
    response = await client.post(
        URL,
        params={"encoding": "mulaw", "sample_rate_hz": 8000},
        content=two_minutes_and_a_bit,
        headers={"content-type": "application/octet-stream"},
    )
    assert response.status_code == 413
    assert _error_code(response) == "audio_too_long"
    assert response.json()["error"]["details"] == {"max_audio_s": 120.0}


async def test_a_vocabulary_prompt_is_accepted_and_an_overlong_one_refused(
    client: httpx.AsyncClient, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    raw = {"content-type": "application/octet-stream"}
    biased = await client.post(
        URL,
        params={"window": "fitted", "prompt": "Brightwater Dental, Dr. Okafor, appointment"},
        content=clip_pcm16.tobytes(),
        headers=raw,
    )
    assert biased.status_code == 200
    assert word_error_rate([(CLIP_TEXT, biased.json()["text"])]) <= 0.1
    too_long = await client.post(
        URL, params={"prompt": "x" * 2001}, content=clip_pcm16.tobytes(), headers=raw
    )
    assert too_long.status_code == 400
    assert _error_code(too_long) == "invalid_parameter"
