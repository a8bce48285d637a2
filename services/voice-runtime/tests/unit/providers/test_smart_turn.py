"""The pinned Smart-Turn model: integrity check, 8 kHz audio resampled to its 16 kHz, verdicts."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest

from switchboard_common.audio import mulaw_decode, resample
from switchboard_voice_runtime.providers.smart_turn import (
    MODEL_PATH,
    ModelIntegrityError,
    SmartTurnModel,
)

FIXTURES = Path(__file__).parents[1] / "call" / "fixtures"
MODEL = SmartTurnModel()


def _pcm(name: str) -> bytes:
    return mulaw_decode((FIXTURES / name).read_bytes()).tobytes()


def test_a_model_file_that_is_not_the_pinned_one_is_refused(tmp_path: Path) -> None:
    changed = tmp_path / MODEL_PATH.name
    changed.write_bytes(MODEL_PATH.read_bytes()[:-1] + b"\0")
    with pytest.raises(ModelIntegrityError):
        SmartTurnModel(changed).load()


def test_complete_and_incomplete_sentences() -> None:
    assert MODEL.probability(_pcm("caller_book_cleaning.ulaw"), 8_000) > 0.8
    assert MODEL.probability(_pcm("caller_book.ulaw"), 8_000) < 0.3
    assert MODEL.probability(_pcm("caller_name_and.ulaw"), 8_000) < 0.3


def test_8_khz_audio_is_judged_as_its_16_khz_copy() -> None:
    pcm = _pcm("caller_book_cleaning.ulaw")
    wide = resample(np.frombuffer(pcm, dtype=np.int16), 8_000, 16_000).tobytes()
    assert abs(MODEL.probability(pcm, 8_000) - MODEL.probability(wide, 16_000)) < 1e-6


def test_the_async_verdict_runs_in_the_models_worker_thread() -> None:
    async def main() -> float:
        return await MODEL.complete_probability(_pcm("caller_book.ulaw"), sample_rate_hz=8_000)

    assert asyncio.run(main()) == MODEL.probability(_pcm("caller_book.ulaw"), 8_000)
