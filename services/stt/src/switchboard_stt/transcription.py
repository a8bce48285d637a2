"""The transcription service: the model behind the worker pool, with metrics and spans."""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial

import numpy as np
from opentelemetry import trace

from switchboard_common.errors import OverloadedError
from switchboard_common.inference_pool import InferencePool, QueueFullError
from switchboard_stt.errors import ModelNotServedError, UnsupportedLanguageError
from switchboard_stt.metrics import SttMetrics
from switchboard_stt.transcriber import (
    SAMPLE_RATE_HZ,
    Samples,
    SpeechToText,
    Transcript,
    TranscriptionOptions,
)

WARMUP_AUDIO_MS = 1000
MODEL_ALIASES = ("whisper-1",)
"""Names that select the default model (OpenAI clients send `whisper-1`)."""


class TranscriptionService:
    """Every transcription goes through here, so limits, metrics and traces are uniform.

    `kind` labels the work: `batch` (HTTP), `stream_final` and `stream_partial` (websocket).
    Several models may be served (each loaded once); the first is the default, and
    `TranscriptionOptions.model` picks another. They share one worker pool.
    """

    def __init__(
        self,
        stt: SpeechToText | Sequence[SpeechToText],
        pool: InferencePool,
        metrics: SttMetrics,
        tracer: trace.Tracer,
        *,
        retry_after_s: int,
    ) -> None:
        served = [stt] if not isinstance(stt, Sequence) else list(stt)
        if not served:
            raise ValueError("A transcription service needs at least one model.")
        self.stt = served[0]
        self.models: dict[str, SpeechToText] = {}
        """Served models by name, the default first (the first of a name wins)."""
        for model in served:
            self.models.setdefault(model.name, model)
        self._pool = pool
        self.metrics = metrics
        self._tracer = tracer
        self._retry_after_s = retry_after_s

    def model_name(self, requested: str | None) -> str | None:
        """The served model `requested` names (None or an alias: the default); raises
        ModelNotServedError for another."""
        if not requested or requested in MODEL_ALIASES:
            return None
        if requested not in self.models:
            raise ModelNotServedError(
                f"Model {requested!r} is not served here.",
                details={"available": [*self.models, *MODEL_ALIASES]},
            )
        return requested

    def model(self, name: str | None) -> SpeechToText:
        """The served model of that name (None: the default)."""
        return self.models[name] if name else self.stt

    def language(self, requested: str | None, model: str | None = None) -> str | None:
        """The model's code for `requested` (`en-US` -> `en`); raises for one it lacks."""
        if not requested:
            return None
        stt = self.model(model)
        code = requested.strip().lower().replace("_", "-").split("-")[0]
        if code not in stt.languages:
            raise UnsupportedLanguageError(
                f"Language {requested!r} is not supported by model {stt.name}.",
                details={"supported": sorted(stt.languages)},
            )
        return code

    def ensure_capacity(self) -> None:
        """Raises OverloadedError when a new transcription would be refused (checked before reading
        a large upload)."""
        try:
            self._pool.ensure_capacity()
        except QueueFullError:
            self.metrics.requests.labels("batch", "overloaded").inc()
            raise OverloadedError(self._retry_after_s) from None

    async def transcribe(
        self, audio: Samples, options: TranscriptionOptions, *, kind: str
    ) -> Transcript:
        """Queues the job; raises OverloadedError when the queue is full."""
        transcript = await self._run(audio, options, kind, queue=True)
        assert transcript is not None
        return transcript

    async def transcribe_if_idle(
        self, audio: Samples, options: TranscriptionOptions, *, kind: str
    ) -> Transcript | None:
        """Runs only when a worker is free now (best-effort work such as partials)."""
        return await self._run(audio, options, kind, queue=False)

    async def warm_up(self) -> None:
        """One transcription of low noise per model, so the first caller does not pay for lazy
        setup."""
        rng = np.random.default_rng(0)
        noise = (rng.standard_normal(SAMPLE_RATE_HZ * WARMUP_AUDIO_MS // 1000) * 1e-3).astype(
            np.float32
        )
        for stt in self.models.values():
            await self._pool.run_unbounded(partial(stt.transcribe, noise, TranscriptionOptions()))

    async def _run(
        self, audio: Samples, options: TranscriptionOptions, kind: str, *, queue: bool
    ) -> Transcript | None:
        stt = self.model(options.model)
        with self._tracer.start_as_current_span("stt.transcribe") as span:
            span.set_attribute("stt.kind", kind)
            span.set_attribute("stt.model", stt.name)
            span.set_attribute("stt.audio_ms", round(audio.size * 1000 / SAMPLE_RATE_HZ))
            started = time.perf_counter()
            try:
                transcript = await self._pool.run(
                    lambda: stt.transcribe(audio, options), queue=queue
                )
            except QueueFullError:
                self.metrics.requests.labels(kind, "skipped" if not queue else "overloaded").inc()
                if not queue:
                    return None
                raise OverloadedError(self._retry_after_s) from None
            except Exception:
                self.metrics.requests.labels(kind, "error").inc()
                raise
            self.metrics.observe(kind, transcript.duration_ms, transcript.processing_ms)
            span.set_attribute("stt.processing_ms", transcript.processing_ms)
            span.set_attribute(
                "stt.wait_ms",
                round((time.perf_counter() - started) * 1000) - transcript.processing_ms,
            )
            return transcript
