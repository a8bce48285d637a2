"""The STT service's Prometheus metrics, registered on the app's own registry."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from switchboard_common.telemetry import LATENCY_BUCKETS_S

RTF_BUCKETS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0, 5.0)


@dataclass(frozen=True, slots=True)
class SttMetrics:
    requests: Counter
    processing_s: Histogram
    audio_s: Histogram
    real_time_factor: Histogram
    running: Gauge
    queue_depth: Gauge
    streams: Gauge

    @classmethod
    def create(cls, registry: CollectorRegistry) -> SttMetrics:
        return cls(
            requests=Counter(
                "stt_transcriptions_total",
                "Transcriptions by kind (batch, stream_final, stream_partial) and outcome",
                ["kind", "outcome"],
                registry=registry,
            ),
            processing_s=Histogram(
                "stt_processing_seconds",
                "Model time per transcription",
                ["kind"],
                buckets=LATENCY_BUCKETS_S,
                registry=registry,
            ),
            audio_s=Histogram(
                "stt_audio_seconds",
                "Audio duration per transcription",
                ["kind"],
                buckets=(0.5, 1, 2, 3, 5, 10, 20, 30, 60, 300),
                registry=registry,
            ),
            real_time_factor=Histogram(
                "stt_real_time_factor",
                "Processing time divided by audio duration",
                ["kind"],
                buckets=RTF_BUCKETS,
                registry=registry,
            ),
            running=Gauge("stt_running_jobs", "Transcriptions running now", registry=registry),
            queue_depth=Gauge(
                "stt_queue_depth", "Transcriptions waiting for a worker", registry=registry
            ),
            streams=Gauge("stt_stream_sessions", "Open /v1/stream websockets", registry=registry),
        )

    def pool_changed(self, running: int, waiting: int) -> None:
        self.running.set(running)
        self.queue_depth.set(waiting)

    def observe(self, kind: str, audio_ms: int, processing_ms: int) -> None:
        self.requests.labels(kind, "ok").inc()
        self.processing_s.labels(kind).observe(processing_ms / 1000)
        self.audio_s.labels(kind).observe(audio_ms / 1000)
        if audio_ms > 0:
            self.real_time_factor.labels(kind).observe(processing_ms / audio_ms)
