"""The fan-out sink: the primary gets every event even when a mirror (Kafka) refuses it."""

from __future__ import annotations

from datetime import UTC, datetime

from switchboard_common.contract import CallEnded, CallStarted, CallTurn
from switchboard_common.kafka_sink import KafkaBufferFullError
from switchboard_voice_runtime.event_sink import FanOutEventSink
from switchboard_voice_runtime.testing.fakes import ListEventSink


class RefusingSink:
    def __init__(self) -> None:
        self.refused = 0

    async def publish(self, event: CallStarted | CallTurn | CallEnded) -> None:
        self.refused += 1
        raise KafkaBufferFullError("switchboard.calls: 1 messages await delivery")


def _ended(event_id: str) -> CallEnded:
    now = datetime(2026, 3, 2, tzinfo=UTC)
    return CallEnded(
        event_id=event_id,
        tenant_id="t1",
        call_id="c1",
        occurred_at=now,
        reason="caller_hangup",
        started_at=now,
        duration_s=3.0,
        turns=0,
    )


async def test_every_event_reaches_the_primary_and_each_mirror() -> None:
    primary, mirror = ListEventSink(), ListEventSink()
    sink = FanOutEventSink(primary, [mirror])
    await sink.publish(_ended("e1"))
    await sink.publish(_ended("e2"))
    assert [e.event_id for e in primary.events] == ["e1", "e2"]
    assert [e.event_id for e in mirror.events] == ["e1", "e2"]


async def test_a_failing_mirror_never_reaches_the_caller_nor_the_other_sinks() -> None:
    primary, refusing, later = ListEventSink(), RefusingSink(), ListEventSink()
    sink = FanOutEventSink(primary, [refusing, later])
    await sink.publish(_ended("e1"))
    assert refusing.refused == 1
    assert [e.event_id for e in primary.events] == ["e1"]
    assert [e.event_id for e in later.events] == ["e1"]
