"""Call events reach the Redis stream in order, even across a Redis outage."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import CallStarted, keys, parse_call_event
from switchboard_voice_runtime.event_sink import RedisEventSink

pytestmark = pytest.mark.integration


def _started(index: int) -> CallStarted:
    return CallStarted(
        event_id=f"e{index}",
        tenant_id="t1",
        call_id="c1",
        occurred_at=datetime.now(UTC),
        agent_id="a1",
        agent_version=1,
        number_id="n1",
        carrier="twilio",
        carrier_call_id="CA1",
        from_number="+15550001111",
        to_number="+15550002222",
    )


async def _stream_ids(redis: Redis) -> list[str]:
    entries = await redis.xrange(keys.EVENTS_STREAM) or []
    return [
        parse_call_event((fields or {})[keys.EVENT_FIELD.encode()]).event_id
        for _, fields in entries
    ]


async def test_events_are_written_in_order(redis: Redis) -> None:
    sink = RedisEventSink(redis)
    await sink.start()
    try:
        for index in range(5):
            await sink.publish(_started(index))
        assert await sink.flush(5)
    finally:
        await sink.close()
    assert await _stream_ids(redis) == [f"e{i}" for i in range(5)]


async def test_outage_buffers_then_delivers_in_order(redis: Redis) -> None:
    dead = Redis.from_url("redis://127.0.0.1:1/2", socket_connect_timeout=0.2)
    sink = RedisEventSink(dead)
    await sink.start()
    try:
        for index in range(4):
            await sink.publish(_started(index))
        assert not await sink.flush(0.5)
        assert sink.pending == 4
        sink._redis = redis  # Redis comes back
        assert await sink.flush(5)
    finally:
        await sink.close()
        await dead.aclose()
    assert await _stream_ids(redis) == [f"e{i}" for i in range(4)]


async def test_full_buffer_drops_the_oldest_and_counts_it(redis: Redis) -> None:
    dead = Redis.from_url("redis://127.0.0.1:1/2", socket_connect_timeout=0.2)
    drops: list[int] = []
    sink = RedisEventSink(dead, buffer_size=3, on_drop=lambda: drops.append(1))
    await sink.start()
    try:
        for index in range(5):
            await sink.publish(_started(index))
        sink._redis = redis
        assert await sink.flush(5)
    finally:
        await sink.close()
        await dead.aclose()
    assert len(drops) == 2
    assert await _stream_ids(redis) == ["e2", "e3", "e4"]
