"""Settings of the text-to-speech service, read from TTS_* environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, PositiveInt
from pydantic_settings import SettingsConfigDict

from switchboard_common.service_token import ServiceTokenSettings


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "switchboard" / "tts"


class Settings(ServiceTokenSettings):
    """How the TTS process runs. Every field is documented in docs/speech.md."""

    model_config = SettingsConfigDict(
        env_prefix="TTS_", env_nested_delimiter="__", extra="ignore", validate_default=True
    )

    service_name: str = "tts"
    port: int = 8083

    engines: list[str] = Field(
        default=["piper"], description="Engines to load, by name (see engines/catalog.py)."
    )
    default_voice: str = Field(
        default="piper:en_US-joe-medium", description="Voice used when a request names none."
    )
    piper_voice_dirs: list[Path] = Field(
        default=[], description="Extra folders of Piper voices (<name>.onnx + <name>.onnx.json)."
    )
    piper_use_cuda: bool = Field(
        default=False, description="Run Piper on CUDA (needs onnxruntime-gpu, not bundled)."
    )
    piper_chunked_decoder: bool = Field(
        default=True,
        description="Run Piper's decoder in chunks, so a sentence's first audio comes after the "
        "front-end and one decoder window; false: Piper's whole-sentence synthesis.",
    )
    piper_chunk_frames: list[PositiveInt] = Field(
        default=[16, 48, 128, 256],
        min_length=1,
        description="Decoder window sizes in latent frames (11.6 ms of audio each at 22.05 kHz): "
        "the first window, then the next ones; the last size repeats.",
    )
    piper_split_cache_dir: Path = Field(
        default_factory=_default_cache_dir,
        description="Where each Piper model's front-end and decoder graphs are kept once split.",
    )
    coqui_model_dirs: list[Path] = Field(
        default=[],
        description="Coqui model folders, one model each (VITS or XTTS v2: config.json and its "
        "checkpoint; see docs/speech.md); loaded when `coqui` is in engines, never downloaded.",
    )
    coqui_device: Literal["auto", "cuda", "cpu"] = Field(
        default="auto", description="Where Coqui models run; auto: CUDA when present, else CPU."
    )
    coqui_dtype: Literal["auto", "float16", "float32"] = Field(
        default="auto",
        description="Coqui inference precision; auto: float16 (autocast) on CUDA, float32 on CPU. "
        "float16 needs CUDA.",
    )
    coqui_language: str = Field(
        default="en",
        description="The language multilingual Coqui models speak (XTTS v2, multilingual VITS).",
    )
    coqui_xtts_stream_chunk_tokens: PositiveInt = Field(
        default=20,
        description="XTTS streaming: GPT tokens per decoded chunk (fewer: earlier first audio).",
    )
    warmup: bool = Field(default=True, description="Synthesize a phrase before /readyz is green.")

    max_input_chars: int = Field(default=4096, ge=1)
    max_body_bytes: int = Field(
        default=65_536,
        ge=1_024,
        description="Request bodies above this get 413 payload_too_large before JSON parsing.",
    )
    first_chunk_max_chars: int = Field(
        default=40,
        ge=10,
        description="A first sentence longer than this is cut at a clause or word boundary, so "
        "the first audio comes sooner.",
    )
    max_chunk_chars: int = Field(default=300, ge=40, description="Longest text per engine call.")

    max_concurrency: int = Field(default=2, ge=1, description="Sentences synthesized at once.")
    max_queue: int = Field(default=16, ge=0, description="Requests waiting; beyond: 503.")
    retry_after_s: int = Field(default=1, ge=0)

    redis_url: str | None = Field(
        default=None, description="Redis for the shared phrase cache; optional (misses if down)."
    )
    cache_key_prefix: str = "sb:tts:v1:"
    cache_ttl_s: int = Field(
        default=24 * 3600, ge=1, description="How long a phrase stays in the shared Redis cache."
    )
    cache_memory_bytes: int = Field(default=64 * 1024 * 1024, ge=0)
    cache_max_entry_bytes: int = Field(
        default=512 * 1024, ge=0, description="Longer audio (a minute of mu-law) is not cached."
    )
    cache_redis_max_bytes_per_voice: int = Field(
        default=32 * 1024 * 1024,
        ge=0,
        description="Bytes one voice may hold in the shared Redis cache; oldest phrases go first. "
        "Only a service with a service_token writes to Redis.",
    )
    cache_redis_timeout_s: float = Field(default=0.2, gt=0)
    cache_redis_retry_s: float = Field(
        default=5.0, ge=0, description="After a Redis failure, skip Redis this long."
    )
