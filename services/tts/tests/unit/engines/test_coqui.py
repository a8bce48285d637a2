"""The Coqui engine on tiny VITS models built by coqui-tts in the test session (real code path:
build, save, load from the folder, synthesize)."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from switchboard_tts.engines.base import SpeechEngine
from switchboard_tts.engines.catalog import build_registry
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.errors import EngineLoadError
from switchboard_tts.settings import Settings
from switchboard_tts.testing.coqui_models import FRAMES_PER_TOKEN

pytestmark = pytest.mark.models

HOP_SAMPLES = 256  # VITS's decoder upsamples each latent frame by 8 * 8 * 2 * 2


def _speak(
    engine: SpeechEngine, voice: str, text: str = "Hello there.", speed: float = 1.0
) -> np.ndarray:
    chunks = list(engine.synthesize(text, voice, speed=speed))
    assert all(chunk.sample_rate_hz == 22050 and chunk.pcm.dtype == np.int16 for chunk in chunks)
    return np.concatenate([chunk.pcm for chunk in chunks])


def test_each_folder_is_a_voice_and_each_speaker_of_a_multi_speaker_model_too(
    coqui_registry: EngineRegistry,
) -> None:
    voices = {voice.id: voice for voice in coqui_registry.voices()}
    assert sorted(voices) == ["coqui:duo/ann", "coqui:duo/bob", "coqui:tiny"]
    tiny = voices["coqui:tiny"]
    assert (tiny.language, tiny.sample_rate_hz) == ("en", 22050)
    assert tiny.description == "Coqui VITS (cpu, float32)"


def test_a_sentence_becomes_pcm16_whose_length_follows_the_models_durations(
    coqui_registry: EngineRegistry,
) -> None:
    engine, _ = coqui_registry.resolve("coqui:tiny")
    pcm = _speak(engine, "tiny")
    frames = pcm.size / HOP_SAMPLES
    tokens = 25  # "hello there." as characters with blanks between them
    assert frames == int(frames)
    # about FRAMES_PER_TOKEN frames a token, each rounded up
    assert FRAMES_PER_TOKEN * tokens <= frames <= (FRAMES_PER_TOKEN + 2) * tokens
    assert int(np.abs(pcm).max()) > 0
    assert np.array_equal(pcm, _speak(engine, "tiny"))


def test_speed_two_halves_the_durations(coqui_registry: EngineRegistry) -> None:
    engine, _ = coqui_registry.resolve("coqui:tiny")
    normal = _speak(engine, "tiny", speed=1.0).size
    fast = _speak(engine, "tiny", speed=2.0).size
    slow = _speak(engine, "tiny", speed=0.5).size
    assert 0.45 * normal < fast < 0.65 * normal
    assert 1.8 * normal < slow < 2.2 * normal


def test_the_speakers_of_one_model_sound_different(coqui_registry: EngineRegistry) -> None:
    engine, _ = coqui_registry.resolve("coqui:duo/ann")
    ann, bob = _speak(engine, "duo/ann"), _speak(engine, "duo/bob")
    assert not (ann.size == bob.size and np.array_equal(ann, bob))
    assert np.array_equal(ann, _speak(engine, "duo/ann"))


def test_concurrent_requests_at_different_speeds_each_get_their_own_speed(
    coqui_registry: EngineRegistry,
) -> None:
    engine, _ = coqui_registry.resolve("coqui:tiny")
    expected = {speed: _speak(engine, "tiny", speed=speed).size for speed in (0.5, 2.0)}
    speeds = [0.5, 2.0] * 8
    with ThreadPoolExecutor(4) as pool:
        sizes = list(pool.map(lambda speed: _speak(engine, "tiny", speed=speed).size, speeds))
    assert sizes == [expected[speed] for speed in speeds]


def test_text_without_a_speakable_character_gives_no_audio(coqui_registry: EngineRegistry) -> None:
    engine, _ = coqui_registry.resolve("coqui:tiny")
    assert list(engine.synthesize("\u4f60\u597d \u2603", "tiny", speed=1.0)) == []


def test_an_unknown_voice_is_a_key_error(coqui_registry: EngineRegistry) -> None:
    engine, _ = coqui_registry.resolve("coqui:tiny")
    with pytest.raises(KeyError):
        list(engine.synthesize("Hi.", "duo", speed=1.0))


def test_the_engine_needs_a_model_folder() -> None:
    with pytest.raises(EngineLoadError, match="TTS_COQUI_MODEL_DIRS"):
        build_registry(Settings(engines=["coqui"]))


def test_a_folder_whose_checkpoint_does_not_match_its_config_is_a_load_error(
    coqui_model_dirs: list[Path], tmp_path: Path
) -> None:
    tiny, duo = coqui_model_dirs
    (tmp_path / "mixed").mkdir()
    (tmp_path / "mixed" / "config.json").write_bytes((tiny / "config.json").read_bytes())
    (tmp_path / "mixed" / "model.pth").write_bytes((duo / "model.pth").read_bytes())
    with pytest.raises(EngineLoadError, match="'mixed' could not be loaded"):
        build_registry(Settings(engines=["coqui"], coqui_model_dirs=[tmp_path / "mixed"]))


def test_float16_on_the_cpu_is_refused_at_startup(coqui_model_dirs: list[Path]) -> None:
    settings = Settings(
        engines=["coqui"],
        coqui_model_dirs=coqui_model_dirs,
        coqui_device="cpu",
        coqui_dtype="float16",
    )
    with pytest.raises(EngineLoadError, match="float16 needs CUDA"):
        build_registry(settings)


def test_without_the_coqui_extra_the_engine_gives_a_stable_startup_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for module in [
        name for name in sys.modules if name.startswith("switchboard_tts.engines.coqui")
    ]:
        monkeypatch.delitem(sys.modules, module)
    for module in [name for name in sys.modules if name.partition(".")[0] == "TTS"]:
        monkeypatch.setitem(sys.modules, module, None)  # what an install without the extra has
    with pytest.raises(EngineLoadError, match=r"needs the `coqui` extra") as error:
        build_registry(Settings(engines=["coqui"], coqui_model_dirs=[Path("/models/any")]))
    assert error.value.code == "engine_unavailable"
    assert error.value.details == {"missing": "TTS"}
