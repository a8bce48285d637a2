"""Two runtimes answering a capped tenant's calls at once: the cap holds, refusals are polite."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import TenantRuntimeConfig
from switchboard_common.contract.usage import usage_counter_key, usage_period
from switchboard_voice_runtime.admission import UNAVAILABLE_MESSAGE
from switchboard_voice_runtime.testing.twilio_media import MediaHarness

pytestmark = pytest.mark.integration
Publish = Callable[..., Awaitable[TenantRuntimeConfig]]
StartRuntime = Callable[..., Awaitable[MediaHarness]]


async def test_two_runtimes_admit_no_more_calls_than_the_minutes_left(
    redis: Redis, publish: Publish, start_runtime: StartRuntime
) -> None:
    await publish(max_concurrent_calls=50, calls_per_minute=1000, monthly_minutes_cap=10)
    await redis.hset(usage_counter_key("t1", usage_period(datetime.now(UTC))), "base", 7)
    first, second = await start_runtime(), await start_runtime()
    runtimes = (first, second)
    answers = await asyncio.gather(
        *(runtimes[index % 2].voice(call_sid=f"CA{index:032d}") for index in range(16))
    )
    connected = [answer for answer in answers if "<Connect>" in answer.text]
    refused = [answer for answer in answers if "<Connect>" not in answer.text]
    assert len(connected) == 3  # 7 of 10 minutes metered: 3 calls may start
    assert {UNAVAILABLE_MESSAGE in answer.text for answer in refused} == {True}
    # A replayed webhook of a refused call hears the same polite refusal.
    replay_sid = next(
        f"CA{index:032d}" for index, answer in enumerate(answers) if answer in refused
    )
    assert UNAVAILABLE_MESSAGE in (await first.voice(call_sid=replay_sid)).text


async def test_the_agents_own_unavailable_message_is_said_at_the_cap(
    redis: Redis, publish: Publish, start_runtime: StartRuntime
) -> None:
    message = "Our line is closed for this month. Please write to us."
    await publish(monthly_minutes_cap=1, unavailable_message=message)
    await redis.hset(usage_counter_key("t1", usage_period(datetime.now(UTC))), "base", 1)
    runtime = await start_runtime()
    refused = await runtime.voice(call_sid="CA" + "5" * 32)
    assert message in refused.text and "<Connect>" not in refused.text
