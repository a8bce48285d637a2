"""The STT service's Prometheus metrics, registered on the app's own registry."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from switchboard_common.inference_pool import InferencePoolGauges
from switchboard_common.telemetry import LATENCY_BUCKETS_S, REAL_TIME_FACTOR_BUCKETS


@dataclass(frozen=True, slots=True)
class SttMetrics:
    requests: Counter
    processing_s: Histogram
    audio_s: Histogram
    real_time_factor: Histogram
    pool: InferencePoolGauges
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
                buckets=REAL_TIME_FACTOR_BUCKETS,
                registry=registry,
            ),
            pool=InferencePoolGauges.create(
                registry,
                "stt",
                running_help="Transcriptions running now",
                waiting_help="Transcriptions waiting for a worker",
            ),
            streams=Gauge("stt_stream_sessions", "Open /v1/stream websockets", registry=registry),
        )

    def observe(self, kind: str, audio_ms: int, processing_ms: int) -> None:
        self.requests.labels(kind, "ok").inc()
        self.processing_s.labels(kind).observe(processing_ms / 1000)
        self.audio_s.labels(kind).observe(audio_ms / 1000)
        if audio_ms > 0:
            self.real_time_factor.labels(kind).observe(processing_ms / audio_ms)
