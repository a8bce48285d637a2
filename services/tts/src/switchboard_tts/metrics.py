"""The TTS service's Prometheus metrics, registered on the app's own registry."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Histogram

from switchboard_common.inference_pool import InferencePoolGauges
from switchboard_common.telemetry import LATENCY_BUCKETS_S, REAL_TIME_FACTOR_BUCKETS


@dataclass(frozen=True, slots=True)
class TtsMetrics:
    requests: Counter
    time_to_first_audio_s: Histogram
    synthesis_s: Histogram
    real_time_factor: Histogram
    cache_events: Counter
    pool: InferencePoolGauges

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
                buckets=REAL_TIME_FACTOR_BUCKETS,
                registry=registry,
            ),
            cache_events=Counter(
                "tts_cache_events_total",
                "Phrase cache lookups by layer (memory, redis) and result (hit, miss, error)",
                ["layer", "result"],
                registry=registry,
            ),
            pool=InferencePoolGauges.create(
                registry,
                "tts",
                running_help="Text pieces being synthesized",
                waiting_help="Text pieces waiting for a worker",
            ),
        )
