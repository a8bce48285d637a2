"""Settings of the speech-to-text service, read from STT_* environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from switchboard_common.service_token import ServiceTokenSettings


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "switchboard" / "stt"


class Settings(ServiceTokenSettings):
    """How the STT process runs. Every field is documented in docs/speech.md.

    The decoding defaults favour latency on short telephone clips: greedy search, one
    temperature (no fallback), no conditioning on earlier text, no timestamps, no VAD filter.
    """

    model_config = SettingsConfigDict(
        env_prefix="STT_", env_nested_delimiter="__", extra="ignore", validate_default=True
    )

    service_name: str = "stt"
    port: int = 8082

    model: str = Field(
        default="tiny.en",
        description="A bundled model (`tiny.en`, `base`) or a local CTranslate2 model folder: "
        "the default, used when a request names no model.",
    )
    models: list[str] = Field(
        default_factory=list,
        description="More models served beside `model` (same forms); each loads once, and a "
        "request picks one by name.",
    )
    device: Literal["auto", "cpu", "cuda"] = "auto"
    compute_type: str = Field(
        default="auto", description="CTranslate2 compute type; auto: float16 on CUDA, int8 on CPU."
    )
    cpu_threads: int = Field(
        default=0, ge=0, description="CTranslate2 threads per worker; 0: its default."
    )
    cache_dir: Path = Field(
        default_factory=_default_cache_dir,
        description="Where the `base` model is assembled from its two package halves.",
    )
    warmup: bool = Field(
        default=True, description="Transcribe a short clip before /readyz is green."
    )

    max_concurrency: int = Field(default=2, ge=1, description="Transcriptions running at once.")
    max_queue: int = Field(default=8, ge=0, description="Transcriptions waiting; beyond: 503.")
    retry_after_s: int = Field(default=1, ge=0, description="Retry-After sent with 503 overloaded.")
    max_upload_bytes: int = Field(default=25 * 1024 * 1024, ge=1024)
    max_audio_s: float = Field(
        default=120.0,
        gt=0,
        le=3600,
        description="Longest audio a request may hold; decoding stops past it (413).",
    )

    language: str | None = Field(default="en", description="Default language; None detects it.")
    beam_size: int = Field(default=1, ge=1, le=10)
    temperature_fallback: bool = Field(
        default=False, description="Retry at higher temperatures when decoding looks wrong."
    )
    condition_on_previous_text: bool = False
    without_timestamps: bool = Field(
        default=True, description="Skip timestamp tokens (verbose_json always asks for them)."
    )
    short_window_max_ms: int = Field(
        default=9_000,
        ge=0,
        le=29_000,
        description=(
            "Clips up to this long whose request asks for window=fitted are encoded in a window "
            "fitted to them instead of Whisper's fixed 30 s (about 3x faster on CPU for a "
            "telephone turn); 0 turns it off."
        ),
    )
    trim_lead_in: bool = Field(
        default=True,
        description="In the fitted window, cut the silence before the first word to 100 ms "
        "(greedy decoding after a longer lead-in sometimes drops a short first word).",
    )
    short_window_min_ms: int = Field(
        default=10_000, ge=1_000, le=30_000, description="The fitted window is never shorter."
    )
    short_window_margin_ms: int = Field(
        default=1_000, ge=0, le=5_000, description="Silence the fitted window keeps after a clip."
    )
    vad_min_audio_ms: int = Field(
        default=30_000,
        ge=0,
        description="Run faster-whisper's VAD filter only on audio at least this long.",
    )

    prompt_max_tokens: int = Field(
        default=64,
        ge=0,
        le=223,
        description="Longest vocabulary prompt (Whisper tokens) a request may bias decoding with; "
        "longer ones are cut at a term boundary; 0 ignores prompts.",
    )
    prompt_no_speech_threshold: float = Field(
        default=0.6,
        gt=0,
        le=1,
        description="With a vocabulary prompt, a clip Whisper gives a higher no-speech "
        "probability transcribes as empty (on noise a prompted model writes out the prompt's "
        "terms; speech measured <= 0.01, noise 0.87-0.96).",
    )

    partial_interval_ms: int = Field(
        default=1000, ge=100, description="New audio between two partial transcripts (/v1/stream)."
    )
    max_utterance_ms: int = Field(
        default=30_000, ge=1000, le=30_000, description="An utterance this long is finalized."
    )

    @property
    def served_models(self) -> list[str]:
        """`model` first, then `models`, each spec once."""
        return list(dict.fromkeys([self.model, *self.models]))
