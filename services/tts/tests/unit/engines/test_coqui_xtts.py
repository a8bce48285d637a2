"""The Coqui engine on a tiny XTTS v2 model built by coqui-tts in the test session: built-in
and reference-clip voices, streamed in chunks as the GPT's tokens come."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from switchboard_tts.engines.catalog import build_registry
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.errors import EngineLoadError
from switchboard_tts.settings import Settings
from switchboard_tts.testing.coqui_models import XTTS_MAX_AUDIO_TOKENS

pytestmark = pytest.mark.models

XTTS_RATE_HZ = 24000
SAMPLES_PER_TOKEN = 1040  # 1024 samples at 22.05 kHz per GPT token, decoded at 24 kHz
TOKENS = XTTS_MAX_AUDIO_TOKENS  # the tiny model never stops early


def test_the_builtin_speakers_and_the_reference_clips_are_the_voices(
    xtts_registry: EngineRegistry,
) -> None:
    voices = {voice.id: voice for voice in xtts_registry.voices()}
    assert sorted(voices) == ["coqui:xtiny/ann", "coqui:xtiny/bob"]
    ann = voices["coqui:xtiny/ann"]
    assert (ann.language, ann.sample_rate_hz, ann.description) == (
        "en",
        XTTS_RATE_HZ,
        "Coqui XTTS (cpu, float32)",
    )


@pytest.mark.parametrize("voice", ["xtiny/ann", "xtiny/bob"])
def test_a_sentence_streams_in_chunks_of_16_tokens(
    xtts_registry: EngineRegistry, voice: str
) -> None:
    engine, _ = xtts_registry.resolve(f"coqui:{voice}")
    chunks = list(engine.synthesize("Hello there.", voice, speed=1.0))
    assert len(chunks) == TOKENS // 16
    assert all(c.sample_rate_hz == XTTS_RATE_HZ and c.pcm.dtype == np.int16 for c in chunks)
    assert sum(c.pcm.size for c in chunks) == TOKENS * SAMPLES_PER_TOKEN
    assert all(int(np.abs(c.pcm).max()) > 0 for c in chunks)


def test_speed_two_halves_the_audio(xtts_registry: EngineRegistry) -> None:
    engine, _ = xtts_registry.resolve("coqui:xtiny/ann")
    fast = sum(c.pcm.size for c in engine.synthesize("Hello there.", "xtiny/ann", speed=2.0))
    assert abs(fast - TOKENS * SAMPLES_PER_TOKEN / 2) <= 0.05 * TOKENS * SAMPLES_PER_TOKEN


def test_a_language_the_model_does_not_speak_is_a_load_error(xtts_model_dir: Path) -> None:
    settings = Settings(engines=["coqui"], coqui_model_dirs=[xtts_model_dir], coqui_language="de")
    with pytest.raises(EngineLoadError, match="does not speak 'de'"):
        build_registry(settings)


def test_a_model_without_speakers_or_reference_clips_is_a_load_error(
    xtts_model_dir: Path, tmp_path: Path
) -> None:
    bare = tmp_path / "bare"
    bare.mkdir()
    for name in ("config.json", "model.pth", "vocab.json"):
        os.symlink(xtts_model_dir / name, bare / name)
    with pytest.raises(EngineLoadError, match="has no voices"):
        build_registry(Settings(engines=["coqui"], coqui_model_dirs=[bare]))


def test_streams_on_two_threads_interleave_and_each_completes(
    xtts_registry: EngineRegistry,
) -> None:
    engine, _ = xtts_registry.resolve("coqui:xtiny/ann")
    streams = [
        iter(engine.synthesize("Hello there.", v, speed=1.0)) for v in ("xtiny/ann", "xtiny/bob")
    ]
    with ThreadPoolExecutor(2) as pool:
        # one chunk of each stream at a time, alternating, each step on either thread
        chunks: list[list[int]] = [[], []]
        for _ in range(TOKENS // 16):
            steps = [pool.submit(next, stream) for stream in streams]
            for index, step in enumerate(steps):
                chunks[index].append(step.result(timeout=60).pcm.size)
        assert [pool.submit(next, stream, None).result(timeout=60) for stream in streams] == [
            None,
            None,
        ]
    assert [sum(sizes) for sizes in chunks] == [TOKENS * SAMPLES_PER_TOKEN] * 2
