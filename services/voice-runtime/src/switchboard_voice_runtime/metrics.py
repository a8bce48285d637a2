"""Prometheus metrics of the runtime, and the EventSink wrapper that derives turn latencies."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from switchboard_common.contract import CallEnded, CallStarted, CallTurn
from switchboard_common.telemetry import LATENCY_BUCKETS_S
from switchboard_voice_runtime.call.ports import EventSink

PLAYOUT_LATENESS_BUCKETS_S = (0.001, 0.0025, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64)
"""Frame lateness: 0 is normal; over 20 ms the carrier heard a gap of at least a frame."""

_STAGES = (
    "end_of_turn",
    "transcript_final",
    "llm_first_token",
    "tts_first_audio",
    "first_frame_out",
)


class RuntimeMetrics:
    """Every metric the runtime exports, registered on the app's own registry."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.stage_seconds = Histogram(
            "voice_runtime_turn_stage_seconds",
            "Time from the caller's last voiced frame to each stage of a turn",
            ["tenant", "stage"],
            buckets=LATENCY_BUCKETS_S,
            registry=registry,
        )
        self.voice_to_voice_seconds = Histogram(
            "voice_runtime_voice_to_voice_seconds",
            "Caller's last voiced frame to the agent's first audio frame out",
            ["tenant"],
            buckets=LATENCY_BUCKETS_S,
            registry=registry,
        )
        self.playout_lateness_seconds = Histogram(
            "voice_runtime_playout_lateness_seconds",
            "How long after its scheduled play time each agent frame continuing a stretch of "
            "speech was sent (0: ahead of time; above 0 the carrier ran out of audio)",
            buckets=PLAYOUT_LATENESS_BUCKETS_S,
            registry=registry,
        )
        self.http_tool_calls = Counter(
            "voice_runtime_http_tool_calls_total",
            "Agents' HTTP tool calls by outcome (ok, http_error, timeout, refused, failed)",
            ["outcome"],
            registry=registry,
        )
        self.active_calls = Gauge(
            "voice_runtime_active_calls", "Calls with a live media socket", registry=registry
        )
        self.webhook_outcomes = Counter(
            "voice_runtime_webhook_outcomes_total",
            "Voice webhook answers by outcome",
            ["carrier", "outcome"],
            registry=registry,
        )
        self.calls_ended = Counter(
            "voice_runtime_calls_ended_total",
            "Calls ended by reason",
            ["reason"],
            registry=registry,
        )
        self.carrier_status = Counter(
            "voice_runtime_carrier_status_total",
            "Carrier status callbacks by status",
            ["carrier", "status"],
            registry=registry,
        )
        self.media_frames_rejected = Counter(
            "voice_runtime_media_frames_rejected_total",
            "Inbound media-socket frames that were malformed or out of place",
            ["reason"],
            registry=registry,
        )
        self.events_dropped = Counter(
            "voice_runtime_events_dropped_total",
            "Call events dropped because the event buffer was full",
            registry=registry,
        )

    def observe_turn(self, event: CallTurn) -> None:
        stages = event.stages
        if stages.caller_stopped_ms is None:
            return
        for stage in _STAGES:
            at_ms = getattr(stages, f"{stage}_ms")
            if isinstance(at_ms, float | int):
                delta_s = max(0.0, (at_ms - stages.caller_stopped_ms) / 1000)
                self.stage_seconds.labels(event.tenant_id, stage).observe(delta_s)
        v2v_ms = stages.voice_to_voice_ms
        if v2v_ms is not None:
            self.voice_to_voice_seconds.labels(event.tenant_id).observe(max(0.0, v2v_ms / 1000))


class MeteredEventSink:
    """EventSink for one call: records turn latencies, stamps the carrier's final status on
    ``CallEnded``, runs ``on_ended`` (billing the call's minutes) before forwarding it, and
    forwards everything to the real sink."""

    def __init__(
        self,
        inner: EventSink,
        metrics: RuntimeMetrics,
        carrier_status: Callable[[], str | None] = lambda: None,
        on_ended: Callable[[CallEnded], Awaitable[None]] | None = None,
    ) -> None:
        self._inner = inner
        self._metrics = metrics
        self._carrier_status = carrier_status
        self._on_ended = on_ended

    async def publish(self, event: CallStarted | CallTurn | CallEnded) -> None:
        if isinstance(event, CallTurn):
            self._metrics.observe_turn(event)
        elif isinstance(event, CallEnded):
            self._metrics.calls_ended.labels(event.reason).inc()
            status = self._carrier_status()
            if status is not None and event.carrier_status is None:
                event = event.model_copy(update={"carrier_status": status})
            if self._on_ended is not None:
                await self._on_ended(event)
        await self._inner.publish(event)
