"""Coqui TTS (coqui-tts, torch) voices from operator-supplied VITS and XTTS v2 model folders.

Installed with the `coqui` extra; `engines/catalog.py` imports this module only when `coqui` is
in TTS_ENGINES. Weights are never downloaded: each folder in TTS_COQUI_MODEL_DIRS holds one
model (docs/speech.md, "Coqui").
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

import torch

from switchboard_tts.engines.base import AudioChunk, Pcm16, VoiceInfo
from switchboard_tts.engines.coqui_files import CoquiModelFiles
from switchboard_tts.engines.coqui_placement import Placement, resolve_placement
from switchboard_tts.engines.coqui_vits import VitsModel
from switchboard_tts.engines.coqui_xtts import XttsModel
from switchboard_tts.errors import EngineLoadError
from switchboard_tts.settings import Settings

ENGINE_NAME = "coqui"
logger = logging.getLogger("switchboard.tts.coqui")


class CoquiModel(Protocol):
    """One loaded model folder; serializes its own inference (see each model's docstring)."""

    sample_rate_hz: int
    language: str

    def speakers(self) -> list[str]:
        """Speaker names; empty for a single-speaker model (then the folder is the voice)."""

    def synthesize(self, text: str, speaker: str | None, *, speed: float) -> Iterator[Pcm16]: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class _Voice:
    model: CoquiModel
    speaker: str | None
    info: VoiceInfo


class CoquiEngine:
    """Coqui models by folder; a voice is `<folder>` (single speaker) or `<folder>/<speaker>`."""

    def __init__(self, models: Sequence[tuple[str, str, CoquiModel]], placement: Placement) -> None:
        """`models`: (name, kind, model) per folder; names must differ."""
        self.placement = placement
        self._models = [model for _, _, model in models]
        self._voices: dict[str, _Voice] = {}
        for name, kind, model in models:
            for voice in _voices_of(name, kind, model, placement):
                if voice.info.name in self._voices:
                    raise EngineLoadError(f"Coqui voice {voice.info.name!r} is defined twice.")
                self._voices[voice.info.name] = voice

    @classmethod
    def from_settings(cls, settings: Settings) -> CoquiEngine:
        """Loads every folder in `coqui_model_dirs` (seconds to minutes; blocking)."""
        if not settings.coqui_model_dirs:
            raise EngineLoadError(
                "The coqui engine is enabled but TTS_COQUI_MODEL_DIRS names no model folder."
            )
        placement = resolve_placement(
            settings.coqui_device, settings.coqui_dtype, cuda_available=torch.cuda.is_available()
        )
        models: list[tuple[str, str, CoquiModel]] = []
        for folder in settings.coqui_model_dirs:
            files = CoquiModelFiles.find(folder)
            models.append((files.name, files.kind, load_model(files, placement, settings)))
            logger.info(
                "tts.coqui_model_loaded",
                extra={
                    "fields": {"model": files.name, "kind": files.kind, "device": placement.device}
                },
            )
        engine = cls(models, placement)
        if settings.warmup:
            engine.warm_up()
        return engine

    def warm_up(self) -> None:
        """Speaks a word with each model's first voice: CUDA kernels and allocator pools are set
        up here rather than in a caller's first sentence (the service warms only its default
        voice)."""
        first_voices = {id(voice.model): name for name, voice in reversed(self._voices.items())}
        for name in first_voices.values():
            for _ in self.synthesize("Hello.", name, speed=1.0):
                pass

    @property
    def name(self) -> str:
        return ENGINE_NAME

    def voices(self) -> Sequence[VoiceInfo]:
        return [voice.info for voice in self._voices.values()]

    def synthesize(self, text: str, voice: str, *, speed: float) -> Iterator[AudioChunk]:
        """Audio for one piece of text; KeyError for a voice this engine does not have."""
        entry = self._voices[voice]
        rate_hz = entry.model.sample_rate_hz
        for pcm in entry.model.synthesize(text, entry.speaker, speed=speed):
            yield AudioChunk(pcm, rate_hz)

    def close(self) -> None:
        for model in self._models:
            model.close()
        self._voices.clear()


def load_model(files: CoquiModelFiles, placement: Placement, settings: Settings) -> CoquiModel:
    """The model in `files`, on `placement`; EngineLoadError when it cannot be loaded."""
    try:
        if files.kind == "xtts":
            return XttsModel.load(
                files,
                placement,
                language=settings.coqui_language,
                stream_chunk_tokens=settings.coqui_xtts_stream_chunk_tokens,
            )
        return VitsModel.load(files, placement, language=settings.coqui_language)
    except EngineLoadError:
        raise
    except (OSError, ValueError, KeyError, RuntimeError, TypeError, AttributeError) as exc:
        raise EngineLoadError(f"Coqui model {files.name!r} could not be loaded: {exc}") from exc


def _voices_of(name: str, kind: str, model: CoquiModel, placement: Placement) -> list[_Voice]:
    description = f"Coqui {kind.upper()} ({placement.device}, {placement.dtype_name})"
    speakers: list[str | None] = [*model.speakers()] or [None]
    return [
        _Voice(
            model,
            speaker,
            VoiceInfo(
                engine=ENGINE_NAME,
                name=name if speaker is None else f"{name}/{speaker}",
                language=model.language,
                sample_rate_hz=model.sample_rate_hz,
                description=description,
            ),
        )
        for speaker in speakers
    ]
