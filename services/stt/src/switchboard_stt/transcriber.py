"""Whisper transcription through faster-whisper (CTranslate2), loaded once per process."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

from switchboard_stt.lead_in import trim_lead_in
from switchboard_stt.model_files import resolve_model
from switchboard_stt.prompt import prompt_tokens
from switchboard_stt.settings import Settings
from switchboard_stt.short_window import transcribe_short

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

SAMPLE_RATE_HZ = 16_000
"""Whisper's input rate: every transcriber takes mono float32 samples at 16 kHz."""

Samples = npt.NDArray[np.float32]
_FALLBACK_TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


@dataclass(frozen=True, slots=True)
class Segment:
    start_ms: int
    end_ms: int
    text: str


@dataclass(frozen=True, slots=True)
class Transcript:
    text: str
    language: str
    duration_ms: int
    processing_ms: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class TranscriptionOptions:
    """Per-request choices; None means the service default."""

    language: str | None = None
    temperature: float | None = None
    timestamps: bool = False
    fitted_window: bool = False
    """Encode a short clip in a window fitted to it (fast; for one continuous utterance such as a
    caller's turn). Long silences inside the clip can make fitted decoding stop early."""
    prompt: str | None = None
    """Vocabulary to expect (comma-separated terms), capped by the service's prompt budget."""
    model: str | None = None
    """The served model's name; None: the service's default model."""


class SpeechToText(Protocol):
    """Turns 16 kHz mono float32 audio into text. Blocking: call it on a worker thread.

    Implementations are safe to call from several threads at once.
    """

    @property
    def name(self) -> str: ...

    @property
    def device(self) -> str: ...

    @property
    def languages(self) -> frozenset[str]:
        """Language codes the model accepts (`en` alone for English-only models)."""

    def transcribe(self, audio: Samples, options: TranscriptionOptions) -> Transcript: ...


def choose_device(device: str, compute_type: str, cuda_devices: int) -> tuple[str, str]:
    """(device, compute_type): `auto` picks CUDA with float16 when a GPU is present, else CPU
    with int8; an explicit compute type is kept."""
    chosen = device if device != "auto" else ("cuda" if cuda_devices > 0 else "cpu")
    if compute_type != "auto":
        return chosen, compute_type
    return chosen, "float16" if chosen == "cuda" else "int8"


def load_models(settings: Settings) -> list[WhisperSpeechToText]:
    """Every model in `settings.served_models`, each loaded once, the default first. Blocking."""
    return [WhisperSpeechToText.load(settings, spec) for spec in settings.served_models]


class WhisperSpeechToText:
    """faster-whisper's WhisperModel with the service's decoding settings."""

    def __init__(self, model: WhisperModel, name: str, device: str, settings: Settings) -> None:
        self._model = model
        self._name = name
        self._device = device
        self._settings = settings

    @classmethod
    def load(cls, settings: Settings, spec: str | None = None) -> WhisperSpeechToText:
        """Finds (or assembles) the model (`spec`, default `settings.model`) and loads it.
        Blocking: seconds."""
        import ctranslate2
        from faster_whisper import WhisperModel

        location = resolve_model(spec or settings.model, settings.cache_dir)
        device, compute_type = choose_device(
            settings.device, settings.compute_type, ctranslate2.get_cuda_device_count()
        )
        model = WhisperModel(
            str(location.path),
            device=device,
            compute_type=compute_type,
            cpu_threads=settings.cpu_threads,
            num_workers=settings.max_concurrency,
            local_files_only=True,
        )
        return cls(model, location.name, f"{device}:{compute_type}", settings)

    def with_settings(self, settings: Settings) -> WhisperSpeechToText:
        """The same loaded model with other decoding settings (no reload)."""
        return WhisperSpeechToText(self._model, self._name, self._device, settings)

    @property
    def name(self) -> str:
        return self._name

    @property
    def device(self) -> str:
        return self._device

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self._model.supported_languages)

    def transcribe(self, audio: Samples, options: TranscriptionOptions) -> Transcript:
        started = time.perf_counter()
        duration_ms = round(audio.size * 1000 / SAMPLE_RATE_HZ)
        language = options.language or self._settings.language
        prompt = prompt_tokens(self._encode, options.prompt, self._settings.prompt_max_tokens)
        if (
            options.fitted_window
            and language
            and not options.timestamps
            and 0 < duration_ms <= self._settings.short_window_max_ms
        ):
            if self._settings.trim_lead_in:
                audio = trim_lead_in(audio)
            text = transcribe_short(
                self._model, audio, language=language, beam_size=self._settings.beam_size,
                margin_ms=self._settings.short_window_margin_ms,
                min_window_ms=self._settings.short_window_min_ms, prompt=prompt,
                no_speech_threshold=self._settings.prompt_no_speech_threshold,
            )  # fmt: skip
            return Transcript(
                text=text.strip(),
                language=language,
                duration_ms=duration_ms,
                processing_ms=round((time.perf_counter() - started) * 1000),
                segments=(Segment(0, duration_ms, text.strip()),) if text.strip() else (),
            )
        segments, info = self._model.transcribe(
            audio,
            language=language,
            beam_size=self._settings.beam_size,
            best_of=1,
            temperature=self._temperatures(options),
            condition_on_previous_text=self._settings.condition_on_previous_text,
            without_timestamps=self._settings.without_timestamps and not options.timestamps,
            vad_filter=duration_ms >= self._settings.vad_min_audio_ms,
            initial_prompt=prompt or None,
            no_speech_threshold=self._settings.prompt_no_speech_threshold if prompt else 0.6,
            log_prob_threshold=None if prompt else -1.0,  # prompted: no-speech alone decides
        )
        found = tuple(
            Segment(round(seg.start * 1000), round(seg.end * 1000), seg.text.strip())
            for seg in segments
        )
        return Transcript(
            text=" ".join(seg.text for seg in found if seg.text).strip(),
            language=str(info.language),
            duration_ms=duration_ms,
            processing_ms=round((time.perf_counter() - started) * 1000),
            segments=found,
        )

    def _encode(self, text: str) -> list[int]:
        ids: list[int] = self._model.hf_tokenizer.encode(text, add_special_tokens=False).ids
        return ids

    def _temperatures(self, options: TranscriptionOptions) -> float | tuple[float, ...]:
        if options.temperature is not None:
            return options.temperature
        return _FALLBACK_TEMPERATURES if self._settings.temperature_fallback else 0.0
