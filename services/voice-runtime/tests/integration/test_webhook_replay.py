"""The webhook replay guard: an event id is acted on once across replicas, on the real Redis."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import keys
from switchboard_voice_runtime.webhook_replay import WebhookReplayGuard

pytestmark = pytest.mark.integration


async def test_an_event_is_taken_once_across_replicas(redis: Redis) -> None:
    guard, other_replica = WebhookReplayGuard(redis, ttl_s=60), WebhookReplayGuard(redis, ttl_s=60)
    assert await guard.first_delivery("telnyx", "evt-1")
    assert not await other_replica.first_delivery("telnyx", "evt-1")
    assert await other_replica.first_delivery("telnyx", "evt-2")
    assert await guard.first_delivery("twilio", "evt-1")  # ids are per carrier
    assert 55 <= await redis.ttl(keys.webhook_event_key("telnyx", "evt-1")) <= 60


async def test_a_forgotten_event_can_be_taken_again(redis: Redis) -> None:
    guard = WebhookReplayGuard(redis)
    assert await guard.first_delivery("telnyx", "evt-3")
    await guard.forget("telnyx", "evt-3")
    assert await guard.first_delivery("telnyx", "evt-3")


async def test_unfit_ids_are_refused(redis: Redis) -> None:
    guard = WebhookReplayGuard(redis)
    for bad in ("", "a:b", "x" * 129, "new\nline"):
        with pytest.raises(ValueError, match="webhook event id"):
            await guard.first_delivery("telnyx", bad)
    with pytest.raises(ValueError, match="ttl_s"):
        WebhookReplayGuard(redis, ttl_s=0)
