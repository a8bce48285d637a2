"""The first audio leaves before later sentences are synthesized; results feed the cache."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

import pytest
from opentelemetry import trace
from prometheus_client import CollectorRegistry

from switchboard_common.inference_pool import InferencePool
from switchboard_tts.audio_output import OutputFormat
from switchboard_tts.cache import MemoryLru, PhraseCache
from switchboard_tts.engines.base import AudioChunk, SpeechEngine, VoiceInfo
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.metrics import TtsMetrics
from switchboard_tts.settings import Settings
from switchboard_tts.synthesis import StreamOutcome, Synthesizer

pytestmark = pytest.mark.models


class RecordingEngine:
    """The real Piper engine, with a log of the text pieces it was asked for."""

    def __init__(self, inner: SpeechEngine) -> None:
        self.inner = inner
        self.calls: list[str] = []

    @property
    def name(self) -> str:
        return self.inner.name

    def voices(self) -> Sequence[VoiceInfo]:
        return self.inner.voices()

    def synthesize(self, text: str, voice: str, *, speed: float) -> Iterator[AudioChunk]:
        self.calls.append(text)
        return self.inner.synthesize(text, voice, speed=speed)

    def close(self) -> None:
        self.calls.clear()


@pytest.fixture
def recording(piper_registry: EngineRegistry) -> RecordingEngine:
    return RecordingEngine(piper_registry.engines[0])


@pytest.fixture
def synthesizer(recording: RecordingEngine) -> Iterator[Synthesizer]:
    registry = CollectorRegistry()
    metrics = TtsMetrics.create(registry)
    pool = InferencePool(2, 4)
    cache = PhraseCache(
        MemoryLru(10_000_000),
        None,
        metrics.cache_events,
        key_prefix="t:",
        ttl_s=60,
        max_entry_bytes=5_000_000,
        redis_retry_s=1,
        redis_max_bytes_per_voice=0,
        shared_writes=False,
    )
    yield Synthesizer(
        EngineRegistry([recording]), pool, cache, metrics, trace.NoOpTracer(), Settings()
    )
    pool.close()


async def test_first_audio_is_yielded_before_the_next_sentence_is_synthesized(
    synthesizer: Synthesizer, recording: RecordingEngine
) -> None:
    text = "Thanks for calling. I can help you book a visit. Is there anything else?"
    job = synthesizer.prepare(text, None, OutputFormat.MULAW, None, 1.0)
    outcome = StreamOutcome()
    stream = synthesizer.stream(job, time.perf_counter(), outcome)
    first = await anext(stream)
    assert first
    assert recording.calls == ["Thanks for calling."]
    rest = [chunk async for chunk in stream]
    assert len(recording.calls) == 3
    assert outcome.payload == first + b"".join(rest)


async def test_a_completed_stream_is_served_from_the_cache(synthesizer: Synthesizer) -> None:
    job = synthesizer.prepare("Please hold.", None, OutputFormat.PCM, 16000, 1.0)
    assert await synthesizer.cached_body(job) is None
    outcome = StreamOutcome()
    body = b"".join([chunk async for chunk in synthesizer.stream(job, 0.0, outcome)])
    await synthesizer.remember(job, outcome)
    assert await synthesizer.cached_body(job) == body


async def test_an_abandoned_stream_is_not_cached(synthesizer: Synthesizer) -> None:
    job = synthesizer.prepare("One. Two. Three.", None, OutputFormat.PCM, None, 1.0)
    outcome = StreamOutcome()
    stream = synthesizer.stream(job, 0.0, outcome)
    await anext(stream)
    await stream.aclose()
    await synthesizer.remember(job, outcome)
    assert outcome.payload is None
    assert await synthesizer.cached_body(job) is None
