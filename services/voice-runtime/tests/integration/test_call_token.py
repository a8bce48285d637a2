"""The call-token guard: single use across replicas, for the token's lifetime."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import keys
from switchboard_voice_runtime.call_token import CallTokenGuard

pytestmark = pytest.mark.integration


async def test_a_call_token_is_claimed_once_for_its_lifetime(redis: Redis) -> None:
    guard, other_replica = CallTokenGuard(redis, 30), CallTokenGuard(redis, 30)
    assert await guard.claim("c1")
    assert not await other_replica.claim("c1")
    assert await other_replica.claim("c2")
    assert 25 <= await redis.ttl(keys.call_token_key("c1")) <= 30
