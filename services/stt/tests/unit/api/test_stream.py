"""WS /v1/stream: start, audio, partials, finals per utterance, and closing on bad messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

from switchboard_common.audio import mulaw_encode, resample
from switchboard_stt.app import create_app
from switchboard_stt.quality import word_error_rate
from switchboard_stt.settings import Settings
from switchboard_stt.transcriber import WhisperSpeechToText

pytestmark = pytest.mark.models

CLIP_TEXT = "I would like to move my appointment to next week, please."
START_16K = {"type": "start", "sample_rate_hz": 16000, "encoding": "pcm16", "language": "en"}


@pytest.fixture
def http(tmp_path: Path, whisper_tiny: WhisperSpeechToText) -> Iterator[TestClient]:
    settings = Settings(cache_dir=tmp_path, warmup=False, partial_interval_ms=1000)
    with TestClient(create_app(settings, stt=whisper_tiny)) as client:
        yield client


def _frames(data: bytes, frame_bytes: int) -> list[bytes]:
    return [data[i : i + frame_bytes] for i in range(0, len(data), frame_bytes)]


def _metric(http: TestClient, line_start: str) -> float:
    for line in http.get("/metrics").text.splitlines():
        if line.startswith(line_start):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


def test_an_utterance_is_finalized_and_the_next_one_continues_the_timeline(
    http: TestClient, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    with http.websocket_connect("/v1/stream") as ws:
        ws.send_json(START_16K)
        assert ws.receive_json()["type"] == "ready"
        for frame in _frames(clip_pcm16.tobytes(), 640):
            ws.send_bytes(frame)
        ws.send_json({"type": "finalize"})
        first = _next_of_type(ws, "final")
        assert word_error_rate([(CLIP_TEXT, first["text"])]) <= 0.1
        assert (first["audio_start_ms"], first["audio_end_ms"]) == (0, 2998)
        assert first["processing_ms"] >= 0
        ws.send_bytes(clip_pcm16[:16000].tobytes())
        ws.send_json({"type": "finalize"})
        second = _next_of_type(ws, "final")
        assert (second["audio_start_ms"], second["audio_end_ms"]) == (2998, 3998)
        ws.send_json({"type": "close"})


def test_a_stream_may_name_the_model_and_a_vocabulary_prompt(
    http: TestClient, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    start = {**START_16K, "model": "tiny.en", "prompt": "Brightwater Dental, appointment."}
    with http.websocket_connect("/v1/stream") as ws:
        ws.send_json({**start, "partial_interval_ms": 0})
        assert ws.receive_json()["type"] == "ready"
        ws.send_bytes(clip_pcm16.tobytes())
        ws.send_json({"type": "finalize"})
        final = _next_of_type(ws, "final")
        assert word_error_rate([(CLIP_TEXT, final["text"])]) <= 0.1
        ws.send_json({"type": "close"})


def test_a_partial_arrives_while_audio_flows_and_is_reused_by_the_final(
    http: TestClient, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    finals_before = _metric(http, 'stt_transcriptions_total{kind="stream_final",outcome="ok"}')
    with http.websocket_connect("/v1/stream") as ws:
        ws.send_json(START_16K)
        ws.receive_json()
        ws.send_bytes(clip_pcm16[:32000].tobytes())
        partial = ws.receive_json()
        assert partial["type"] == "partial"
        assert (partial["audio_start_ms"], partial["audio_end_ms"]) == (0, 2000)
        assert "appointment" in partial["text"].lower() or "move" in partial["text"].lower()
        ws.send_json({"type": "finalize"})
        final = ws.receive_json()
        assert final["type"] == "final"
        assert final["text"] == partial["text"]
    finals_after = _metric(http, 'stt_transcriptions_total{kind="stream_final",outcome="ok"}')
    assert finals_after == finals_before, "the speculative partial served as the final"


def test_telephone_mulaw_streams_are_resampled(
    http: TestClient, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    telephone = mulaw_encode(resample(clip_pcm16, 16_000, 8_000))
    with http.websocket_connect("/v1/stream") as ws:
        ws.send_json({"type": "start", "sample_rate_hz": 8000, "encoding": "mulaw"})
        assert ws.receive_json() == {"type": "ready", "sample_rate_hz": 8000, "encoding": "mulaw"}
        for frame in _frames(telephone, 160):
            ws.send_bytes(frame)
        ws.send_json({"type": "finalize"})
        final = _next_of_type(ws, "final")
        assert word_error_rate([(CLIP_TEXT, final["text"])]) <= 0.1
        assert final["audio_end_ms"] == 2998


def test_finalizing_silence_of_zero_length_gives_an_empty_final(http: TestClient) -> None:
    with http.websocket_connect("/v1/stream") as ws:
        ws.send_json(START_16K)
        ws.receive_json()
        ws.send_json({"type": "finalize"})
        final = ws.receive_json()
        assert (final["type"], final["text"], final["audio_end_ms"]) == ("final", "", 0)


@pytest.mark.parametrize(
    ("messages", "close_code"),
    [
        ([b"\x00\x00"], 1008),
        (["not json"], 1007),
        (["[1, 2]"], 1007),
        ([{"type": "finalize"}], 1008),
        ([{"type": "start", "encoding": "opus"}], 1003),
        ([{"type": "start", "encoding": "ö" * 200}], 1003),
        ([{"type": "start", "sample_rate_hz": 12345}], 1003),
        ([{"type": "start", "sample_rate_hz": "fast"}], 1007),
        ([{"type": "start", "language": "xx"}], 1003),
        ([{"type": "start", "model": "large-v3"}], 1003),
        ([{"type": "start", "prompt": "x" * 2001}], 1007),
        ([START_16K, b"\x00\x00\x00"], 1007),
        ([START_16K, {"type": "dance"}], 1008),
        ([START_16K, "{oops"], 1007),
    ],
)
def test_bad_messages_close_the_socket_with_a_reason(
    http: TestClient, messages: list[Any], close_code: int
) -> None:
    with http.websocket_connect("/v1/stream") as ws:
        for message in messages:
            if isinstance(message, bytes):
                ws.send_bytes(message)
            elif isinstance(message, str):
                ws.send_text(message)
            else:
                ws.send_json(message)
        closed = _wait_for_close(ws)
    assert closed.code == close_code
    assert 0 < len(closed.reason.encode()) <= 123


def _wait_for_close(ws: Any) -> WebSocketDisconnect:
    while True:
        try:
            ws.receive_json()
        except WebSocketDisconnect as closed:
            return closed


def _next_of_type(ws: Any, kind: str) -> dict[str, Any]:
    """Skips partials (their timing depends on the machine) up to the next `kind` message."""
    while True:
        message: dict[str, Any] = ws.receive_json()
        if message["type"] == kind:
            return message


def test_an_utterance_reaching_the_length_limit_is_finalized_by_the_server(
    tmp_path: Path, whisper_tiny: WhisperSpeechToText, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    settings = Settings(cache_dir=tmp_path, warmup=False, max_utterance_ms=1000)
    with (
        TestClient(create_app(settings, stt=whisper_tiny)) as http,
        http.websocket_connect("/v1/stream") as ws,
    ):
        ws.send_json(START_16K)
        ws.receive_json()
        for frame in _frames(clip_pcm16[:24000].tobytes(), 640):
            ws.send_bytes(frame)
        final = _next_of_type(ws, "final")
        assert (final["audio_start_ms"], final["audio_end_ms"]) == (0, 1000)


def test_a_client_can_turn_partials_off(
    http: TestClient, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    with http.websocket_connect("/v1/stream") as ws:
        ws.send_json({**START_16K, "partial_interval_ms": 0})
        ws.receive_json()
        ws.send_bytes(clip_pcm16.tobytes())
        ws.send_json({"type": "finalize"})
        assert ws.receive_json()["type"] == "final"
