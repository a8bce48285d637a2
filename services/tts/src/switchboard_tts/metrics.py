"""The TTS service's Prometheus metrics, registered on the app's own registry."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from switchboard_common.telemetry import LATENCY_BUCKETS_S

RTF_BUCKETS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 5.0)


@dataclass(frozen=True, slots=True)
class TtsMetrics:
    requests: Counter
    time_to_first_audio_s: Histogram
    synthesis_s: Histogram
    real_time_factor: Histogram
    cache_events: Counter
    running: Gauge
    queue_depth: Gauge

    @classmethod
    def create(cls, registry: CollectorRegistry) -> TtsMetrics:
        return cls(
            requests=Counter(
                "tts_requests_total",
                "Speech requests by outcome (ok, cache_hit, overloaded, rejected, failed, "
                "cancelled)",
                ["outcome"],
                registry=registry,
            ),
            time_to_first_audio_s=Histogram(
                "tts_time_to_first_audio_seconds",
                "From the request to the first audio bytes handed to the server",
                ["cache"],
                buckets=LATENCY_BUCKETS_S,
                registry=registry,
            ),
            synthesis_s=Histogram(
                "tts_synthesis_seconds",
                "Engine time per text piece",
                ["engine"],
                buckets=LATENCY_BUCKETS_S,
                registry=registry,
            ),
            real_time_factor=Histogram(
                "tts_real_time_factor",
                "Engine time divided by the audio duration, per request",
                ["engine"],
                buckets=RTF_BUCKETS,
                registry=registry,
            ),
            cache_events=Counter(
                "tts_cache_events_total",
                "Phrase cache lookups by layer (memory, redis) and result (hit, miss, error)",
                ["layer", "result"],
                registry=registry,
            ),
            running=Gauge("tts_running_jobs", "Text pieces being synthesized", registry=registry),
            queue_depth=Gauge(
                "tts_queue_depth", "Text pieces waiting for a worker", registry=registry
            ),
        )

    def pool_changed(self, running: int, waiting: int) -> None:
        self.running.set(running)
        self.queue_depth.set(waiting)
