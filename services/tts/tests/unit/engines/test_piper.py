"""The bundled Piper voice: metadata, audio, and speed."""

from __future__ import annotations

import numpy as np
import pytest

from switchboard_tts.engines.piper import PiperEngine, bundled_voice_files
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.settings import Settings

pytestmark = pytest.mark.models


def test_the_bundled_voice_is_found_in_its_package() -> None:
    files = bundled_voice_files()
    assert files.name == "en_US-joe-medium"
    assert files.model_path.is_file() and files.config_path.is_file()


def test_the_joe_voice_is_us_english_at_22_05_khz(piper_registry: EngineRegistry) -> None:
    (voice,) = piper_registry.voices()
    assert (voice.id, voice.language, voice.sample_rate_hz) == (
        "piper:en_US-joe-medium",
        "en-US",
        22050,
    )


def test_synthesis_gives_pcm16_audio_and_speed_shortens_it(
    piper_registry: EngineRegistry,
) -> None:
    engine, voice = piper_registry.resolve("piper:en_US-joe-medium")
    text = "Thank you for calling."
    normal = list(engine.synthesize(text, voice.name, speed=1.0))
    fast = list(engine.synthesize(text, voice.name, speed=2.0))
    slow = list(engine.synthesize(text, voice.name, speed=0.5))
    normal_samples = sum(chunk.pcm.size for chunk in normal)
    fast_samples = sum(chunk.pcm.size for chunk in fast)
    slow_samples = sum(chunk.pcm.size for chunk in slow)
    assert normal[0].pcm.dtype == np.int16
    assert normal[0].sample_rate_hz == 22050
    assert 0.6 * 22050 < normal_samples < 3 * 22050
    # Piper draws phoneme durations at random and pads each line, so twice the speed is only
    # about a third shorter, +-5% per run: order the three, and bound fast against slow
    assert fast_samples < normal_samples < slow_samples
    assert fast_samples < 0.7 * slow_samples
    assert int(np.abs(normal[0].pcm).max()) > 10000


def test_without_the_chunked_decoder_piper_speaks_each_sentence_whole_at_full_scale() -> None:
    engine = PiperEngine.from_settings(Settings(piper_chunked_decoder=False))
    try:
        chunks = list(engine.synthesize("Thank you for calling.", "en_US-joe-medium", speed=1.0))
    finally:
        engine.close()
    assert len(chunks) == 1
    assert int(np.abs(chunks[0].pcm).max()) >= 32000  # Piper's per-sentence peak normalization
