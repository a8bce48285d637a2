"""Shared fixtures: the real tiny.en model, loaded once per test session, and a 3 s clip."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import numpy as np
import numpy.typing as npt
import pytest

from switchboard_common.app_testing import running_client
from switchboard_common.audio import read_wav
from switchboard_stt.app import create_app
from switchboard_stt.settings import Settings
from switchboard_stt.transcriber import WhisperSpeechToText

FIXTURES = Path(__file__).parent / "fixtures"
CLIP_TEXT = "I would like to move my appointment to next week, please."


@pytest.fixture(scope="session")
def whisper_tiny() -> WhisperSpeechToText:
    return WhisperSpeechToText.load(Settings(model="tiny.en", device="cpu"))


@pytest.fixture(scope="session")
def clip_pcm16() -> npt.NDArray[np.int16]:
    """3.0 s of a Piper voice saying CLIP_TEXT, 16 kHz mono."""
    pcm, rate_hz, channels = read_wav(FIXTURES / "move_appointment_16k.wav")
    assert (rate_hz, channels) == (16_000, 1)
    return pcm


@pytest.fixture
def clip_wav() -> bytes:
    return (FIXTURES / "move_appointment_16k.wav").read_bytes()


@pytest.fixture
def stt_settings(tmp_path: Path) -> Settings:
    return Settings(model="tiny.en", device="cpu", cache_dir=tmp_path, warmup=False)


@pytest.fixture
async def client(
    stt_settings: Settings, whisper_tiny: WhisperSpeechToText
) -> AsyncIterator[httpx.AsyncClient]:
    async with running_client(create_app(stt_settings, stt=whisper_tiny), "http://stt") as http:
        yield http
