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
from switchboard_tts.engines.base import AudioChunk, FirstAudioEngine, SpeechEngine, VoiceInfo
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
        self.chunks_made = 0

    @property
    def name(self) -> str:
        return self.inner.name

    def voices(self) -> Sequence[VoiceInfo]:
        return self.inner.voices()

    def synthesize(self, text: str, voice: str, *, speed: float) -> Iterator[AudioChunk]:
        self.calls.append(text)
        for chunk in self.inner.synthesize(text, voice, speed=speed):
            self.chunks_made += 1
            yield chunk

    def synthesize_first(self, text: str, voice: str, *, speed: float) -> Iterator[AudioChunk]:
        assert isinstance(self.inner, FirstAudioEngine)
        self.calls.append(f"first: {text}")
        for chunk in self.inner.synthesize_first(text, voice, speed=speed):
            self.chunks_made += 1
            yield chunk

    def close(self) -> None:
        self.calls.clear()


@pytest.fixture
def recording(piper_registry: EngineRegistry) -> RecordingEngine:
    return RecordingEngine(piper_registry.engines[0])


@pytest.fixture
def pool() -> Iterator[InferencePool]:
    pool = InferencePool(2, 4)
    yield pool
    pool.close()


def make_synthesizer(
    engine: RecordingEngine, settings: Settings, pool: InferencePool
) -> Synthesizer:
    metrics = TtsMetrics.create(CollectorRegistry())
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
    return Synthesizer(EngineRegistry([engine]), pool, cache, metrics, trace.NoOpTracer(), settings)


@pytest.fixture
def synthesizer(recording: RecordingEngine, pool: InferencePool) -> Synthesizer:
    return make_synthesizer(recording, Settings(), pool)


async def test_first_audio_is_yielded_before_the_next_sentence_is_synthesized(
    synthesizer: Synthesizer, recording: RecordingEngine
) -> None:
    text = "Thanks for calling. I can help you book a visit. Is there anything else?"
    job = synthesizer.prepare(text, None, OutputFormat.MULAW, None, 1.0)
    outcome = StreamOutcome()
    stream = synthesizer.stream(job, time.perf_counter(), outcome)
    first = await anext(stream)
    assert first
    assert recording.calls == ["first: Thanks for calling."]
    rest = [chunk async for chunk in stream]
    assert recording.calls[1:] == ["I can help you book a visit.", "Is there anything else?"]
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


async def test_a_long_sentence_starts_streaming_before_it_is_decoded_to_the_end(
    recording: RecordingEngine, pool: InferencePool
) -> None:
    text = (
        "Thanks for calling the clinic, I can book, move or cancel an appointment for you, or "
        "answer any questions you have about our opening hours today."
    )
    synthesizer = make_synthesizer(recording, Settings(first_chunk_max_chars=1000), pool)
    job = synthesizer.prepare(text, None, OutputFormat.PCM, None, 1.0)
    outcome = StreamOutcome()
    stream = synthesizer.stream(job, time.perf_counter(), outcome)
    first = await anext(stream)
    assert (recording.calls, recording.chunks_made) == ([f"first: {text}"], 1)
    assert len(first) == 16 * 256 * 2  # the first decoder window: 16 frames of 256 PCM16 samples
    rest = [chunk async for chunk in stream]
    assert len(rest) >= 3
    assert recording.chunks_made == len(rest) + 1
    assert outcome.payload == first + b"".join(rest)
