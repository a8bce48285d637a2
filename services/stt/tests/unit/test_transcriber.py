"""Device choice, and the real tiny.en and base models transcribing a telephone clip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from switchboard_stt.quality import word_error_rate
from switchboard_stt.settings import Settings
from switchboard_stt.transcriber import TranscriptionOptions, WhisperSpeechToText, choose_device

CLIP_TEXT = "I would like to move my appointment to next week, please."


@pytest.mark.parametrize(
    ("device", "compute_type", "gpus", "expected"),
    [
        ("auto", "auto", 0, ("cpu", "int8")),
        ("auto", "auto", 1, ("cuda", "float16")),
        ("cpu", "auto", 1, ("cpu", "int8")),
        ("cuda", "auto", 0, ("cuda", "float16")),
        ("auto", "int8_float16", 2, ("cuda", "int8_float16")),
    ],
)
def test_device_auto_prefers_cuda_float16_and_falls_back_to_cpu_int8(
    device: str, compute_type: str, gpus: int, expected: tuple[str, str]
) -> None:
    assert choose_device(device, compute_type, gpus) == expected


def _as_float(pcm: npt.NDArray[np.int16]) -> npt.NDArray[np.float32]:
    return (pcm.astype(np.float32) / 32768.0).astype(np.float32)


@pytest.mark.models
def test_tiny_en_transcribes_the_clip(
    whisper_tiny: WhisperSpeechToText, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    transcript = whisper_tiny.transcribe(_as_float(clip_pcm16), TranscriptionOptions())
    assert word_error_rate([(CLIP_TEXT, transcript.text)]) <= 0.1
    assert transcript.language == "en"
    assert transcript.duration_ms == 2998
    assert whisper_tiny.device == "cpu:int8"
    assert whisper_tiny.languages == frozenset({"en"})


@pytest.mark.models
def test_tiny_en_gives_segment_times_when_asked(
    whisper_tiny: WhisperSpeechToText, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    transcript = whisper_tiny.transcribe(
        _as_float(clip_pcm16), TranscriptionOptions(timestamps=True)
    )
    assert transcript.segments
    assert 0 <= transcript.segments[0].start_ms < transcript.segments[-1].end_ms <= 3100


@pytest.mark.models
def test_the_assembled_base_model_transcribes_the_clip(
    tmp_path_factory: pytest.TempPathFactory, clip_pcm16: npt.NDArray[np.int16]
) -> None:
    cache_dir: Path = tmp_path_factory.mktemp("stt-cache")
    base = WhisperSpeechToText.load(
        Settings(model="base", device="cpu", cache_dir=cache_dir, max_concurrency=1)
    )
    transcript = base.transcribe(_as_float(clip_pcm16), TranscriptionOptions(language="en"))
    assert base.name == "base"
    assert "fr" in base.languages
    assert word_error_rate([(CLIP_TEXT, transcript.text)]) <= 0.1
