"""Turn latencies and end reasons are derived from the events a call publishes."""

from __future__ import annotations

from datetime import UTC, datetime

from prometheus_client import CollectorRegistry

from switchboard_common.contract import CallEnded, CallStarted, CallTurn, TurnStages
from switchboard_voice_runtime.metrics import MeteredEventSink, RuntimeMetrics


class ListSink:
    def __init__(self) -> None:
        self.events: list[CallStarted | CallTurn | CallEnded] = []

    async def publish(self, event: CallStarted | CallTurn | CallEnded) -> None:
        self.events.append(event)


NOW = datetime(2025, 1, 1, tzinfo=UTC)


async def test_turn_stages_and_voice_to_voice_are_observed_per_tenant() -> None:
    registry = CollectorRegistry()
    inner = ListSink()
    sink = MeteredEventSink(inner, RuntimeMetrics(registry))
    stages = TurnStages(caller_stopped_ms=1000, end_of_turn_ms=1300, first_frame_out_ms=1500)
    turn = CallTurn(
        event_id="e1",
        tenant_id="t1",
        call_id="c1",
        occurred_at=NOW,
        turn_index=0,
        caller_text="hi",
        agent_text="hello",
        stages=stages,
    )
    await sink.publish(turn)
    assert inner.events == [turn]
    v2v_sum = registry.get_sample_value(
        "voice_runtime_voice_to_voice_seconds_sum", {"tenant": "t1"}
    )
    assert v2v_sum is not None and abs(v2v_sum - 0.5) < 1e-9
    eot = registry.get_sample_value(
        "voice_runtime_turn_stage_seconds_sum", {"tenant": "t1", "stage": "end_of_turn"}
    )
    assert eot is not None and abs(eot - 0.3) < 1e-9
    skipped = registry.get_sample_value(
        "voice_runtime_turn_stage_seconds_count", {"tenant": "t1", "stage": "llm_first_token"}
    )
    assert skipped in (None, 0.0)


async def test_call_ended_carries_the_carrier_status_when_known() -> None:
    registry = CollectorRegistry()
    inner = ListSink()
    sink = MeteredEventSink(inner, RuntimeMetrics(registry), lambda: "completed")
    ended = CallEnded(
        event_id="e2",
        tenant_id="t1",
        call_id="c1",
        occurred_at=NOW,
        reason="caller_hangup",
        started_at=NOW,
        duration_s=3.0,
        turns=1,
    )
    await sink.publish(ended)
    published = inner.events[0]
    assert isinstance(published, CallEnded) and published.carrier_status == "completed"
    count = registry.get_sample_value(
        "voice_runtime_calls_ended_total", {"reason": "caller_hangup"}
    )
    assert count == 1.0


def test_playout_lateness_buckets_tell_a_missed_frame_from_scheduling_noise() -> None:
    registry = CollectorRegistry()
    metrics = RuntimeMetrics(registry)
    for lateness_s in (0.0, 0.0, 0.003, 0.03):
        metrics.playout_lateness_seconds.observe(lateness_s)
    name = "voice_runtime_playout_lateness_seconds_bucket"
    assert registry.get_sample_value(name, {"le": "0.001"}) == 2
    assert registry.get_sample_value(name, {"le": "0.02"}) == 3
    assert registry.get_sample_value(name, {"le": "0.04"}) == 4
