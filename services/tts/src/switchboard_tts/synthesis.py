"""Synthesis of one request: cache lookup, sentence-by-sentence engine calls, encoding, metrics."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncGenerator, Iterator
from contextlib import aclosing
from dataclasses import dataclass

from opentelemetry import trace

from switchboard_common.errors import InvalidParameterError, OverloadedError
from switchboard_common.inference_pool import InferencePool, QueueFullError
from switchboard_tts.audio_output import OutputFormat, StreamEncoder, complete_body, output_rate
from switchboard_tts.cache import PhraseCache, cache_key
from switchboard_tts.engines.base import AudioChunk, FirstAudioEngine, SpeechEngine, VoiceInfo
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.errors import EmptyInputError, InputTooLongError
from switchboard_tts.metrics import TtsMetrics
from switchboard_tts.sentences import split_for_speech
from switchboard_tts.settings import Settings

logger = logging.getLogger("switchboard.tts.synthesis")

MIN_SPEED = 0.25
MAX_SPEED = 4.0


@dataclass(frozen=True, slots=True)
class SpeechJob:
    """A validated request: what to say, with which voice, in which output encoding."""

    text: str
    engine: SpeechEngine
    voice: VoiceInfo
    format: OutputFormat
    sample_rate_hz: int
    speed: float

    @property
    def cache_key(self) -> str:
        return cache_key(self.text, self.voice.id, self.format, self.sample_rate_hz, self.speed)


@dataclass(slots=True)
class StreamOutcome:
    """Filled by `Synthesizer.stream` when the whole audio was produced (for the cache)."""

    payload: bytes | None = None


class Synthesizer:
    """Turns jobs into streams of encoded audio; engines run on the worker pool."""

    def __init__(
        self,
        registry: EngineRegistry,
        pool: InferencePool,
        cache: PhraseCache,
        metrics: TtsMetrics,
        tracer: trace.Tracer,
        settings: Settings,
    ) -> None:
        self.registry = registry
        self._pool = pool
        self._cache = cache
        self._metrics = metrics
        self._tracer = tracer
        self._settings = settings

    @property
    def default_voice(self) -> str:
        return self._settings.default_voice

    async def warm_up(self) -> None:
        """Synthesizes a short phrase with the default voice (first-call setup happens here)."""
        engine, voice = self.registry.resolve(self._settings.default_voice)
        await self._pool.run_unbounded(
            lambda: list(engine.synthesize("Hello.", voice.name, speed=1.0))
        )

    def prepare(
        self, text: str, voice_id: str | None, fmt: OutputFormat, rate_hz: int | None, speed: float
    ) -> SpeechJob:
        """Validates a request; raises a ServiceError with a stable code for bad input."""
        text = text.strip()
        if not any(ch.isalnum() for ch in text):
            raise EmptyInputError("The input has no text to speak.")
        if len(text) > self._settings.max_input_chars:
            raise InputTooLongError(
                f"The input exceeds {self._settings.max_input_chars} characters.",
                details={"max_chars": self._settings.max_input_chars},
            )
        if not MIN_SPEED <= speed <= MAX_SPEED:
            raise InvalidParameterError(f"speed must be between {MIN_SPEED} and {MAX_SPEED}.")
        engine, voice = self.registry.resolve(voice_id or self._settings.default_voice)
        out_rate_hz = output_rate(fmt, rate_hz, voice.sample_rate_hz)
        return SpeechJob(text, engine, voice, fmt, out_rate_hz, speed)

    async def cached_body(self, job: SpeechJob) -> bytes | None:
        payload = await self._cache.get(job.cache_key)
        return None if payload is None else complete_body(job.format, job.sample_rate_hz, payload)

    def admit(self) -> None:
        """Raises OverloadedError when a new request would wait past the queue limit."""
        try:
            self._pool.ensure_capacity()
        except QueueFullError:
            self._metrics.requests.labels("overloaded").inc()
            raise OverloadedError(self._settings.retry_after_s) from None

    def record_cache_hit(self, started: float) -> None:
        self._metrics.requests.labels("cache_hit").inc()
        self._metrics.time_to_first_audio_s.labels("hit").observe(time.perf_counter() - started)

    async def stream(
        self, job: SpeechJob, started: float, outcome: StreamOutcome
    ) -> AsyncGenerator[bytes, None]:
        """Encoded audio as each piece is synthesized; the WAV header rides the first chunk.

        Closing the generator (client gone) stops before the next piece; the piece running on a
        worker finishes there and is dropped.
        """
        encoder = StreamEncoder(job.format, job.voice.sample_rate_hz, job.sample_rate_hz)
        pending_header = encoder.header()
        payload = bytearray()
        engine_s = 0.0
        span = self._tracer.start_span(
            "tts.synthesize", attributes={"tts.voice": job.voice.id, "tts.chars": len(job.text)}
        )
        try:
            for index, piece in enumerate(self._pieces(job)):
                async with aclosing(self._piece_chunks(job, piece, index == 0)) as chunks:
                    async for chunk, step_s in chunks:
                        engine_s += step_s
                        data = encoder.encode(chunk.pcm)
                        if data and not payload:
                            self._first_audio(started, span)
                        if data:
                            payload.extend(data)
                            yield pending_header + data
                            pending_header = b""
            tail = encoder.flush()
            payload.extend(tail)
            if pending_header or tail:
                yield pending_header + tail
        except (GeneratorExit, asyncio.CancelledError):
            self._metrics.requests.labels("cancelled").inc()
            raise
        except Exception:
            self._metrics.requests.labels("failed").inc()
            logger.exception("tts.synthesis_failed", extra={"fields": {"voice": job.voice.id}})
            return
        finally:
            span.end()
        self._finished(job, payload, engine_s)
        outcome.payload = bytes(payload)

    async def remember(self, job: SpeechJob, outcome: StreamOutcome) -> None:
        """Caches a completed stream (run after the response is sent)."""
        if outcome.payload:
            await self._cache.put(job.cache_key, outcome.payload, job.voice.id)

    def _pieces(self, job: SpeechJob) -> list[str]:
        return split_for_speech(
            job.text,
            first_max_chars=self._settings.first_chunk_max_chars,
            max_chars=self._settings.max_chunk_chars,
        )

    async def _piece_chunks(
        self, job: SpeechJob, piece: str, first: bool
    ) -> AsyncGenerator[tuple[AudioChunk, float], None]:
        """The engine's chunks for one piece, each with the worker seconds it took, as soon as
        the engine yields it: one pool job per chunk, so a chunked engine's first window
        leaves before the rest of the sentence is decoded. The first piece goes to
        `synthesize_first` where the engine has it."""
        engine, voice_name, speed = job.engine, job.voice.name, job.speed
        synthesize = engine.synthesize
        if first and isinstance(engine, FirstAudioEngine):
            synthesize = engine.synthesize_first
        chunks: Iterator[AudioChunk] | None = None

        def step() -> tuple[AudioChunk | None, float]:
            nonlocal chunks
            step_started = time.perf_counter()
            if chunks is None:
                chunks = iter(synthesize(piece, voice_name, speed=speed))
            return next(chunks, None), time.perf_counter() - step_started

        piece_s = 0.0
        while True:
            chunk, step_s = await self._pool.run_unbounded(step)
            piece_s += step_s
            if chunk is None:
                break
            yield chunk, step_s
        self._metrics.synthesis_s.labels(engine.name).observe(piece_s)

    def _first_audio(self, started: float, span: trace.Span) -> None:
        ttfa_s = time.perf_counter() - started
        self._metrics.time_to_first_audio_s.labels("miss").observe(ttfa_s)
        span.set_attribute("tts.time_to_first_audio_ms", round(ttfa_s * 1000))

    def _finished(self, job: SpeechJob, payload: bytearray, engine_s: float) -> None:
        self._metrics.requests.labels("ok").inc()
        bytes_per_sample = 1 if job.format is OutputFormat.MULAW else 2
        audio_s = len(payload) / bytes_per_sample / job.sample_rate_hz
        if audio_s > 0:
            self._metrics.real_time_factor.labels(job.engine.name).observe(engine_s / audio_s)
