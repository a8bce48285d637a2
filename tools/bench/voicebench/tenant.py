"""The bench tenant: its agent, published to Redis as the control plane would, and its events."""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from switchboard_common.contract import (
    AgentConfig,
    CallEnded,
    CallStarted,
    CallTurn,
    DidRoute,
    TenantRuntimeConfig,
    keys,
)
from switchboard_common.contract.tenant_config import TenantLimits, TurnTakingConfig
from switchboard_voice_runtime.testing.tenants import publish_tenant, read_events

TENANT_ID = "t-bench"
AGENT_ID = "a-bench"
BENCH_NUMBER = "+15005550555"
BENCH_TELNYX_NUMBER = "+15005550556"
"""The same agent on a Telnyx number: voice-to-voice over Telnyx beside Twilio."""

END_OF_TURN_SILENCE_MS = 350
"""Above the 200-300 ms pauses inside a spoken sentence (commas, breaths), so a caller is not
cut off mid-sentence, and 170 ms after the runtime's speculative transcription starts (180 ms
into the pause), which hides most of a short clip's STT time behind the silence wait."""

BARGE_IN_MIN_SPEECH_MS = TurnTakingConfig().barge_in_min_speech_ms
"""The agents' default: the speech that starts a tentative interruption (the words decide)."""

CALLER_LINES = (
    "What are your opening hours?",
    "Where is your location?",
    "Do you take new patients?",
)


def bench_agent() -> AgentConfig:
    """Built-in brain (no LLM): a quick reply and two knowledge sections answer at once."""
    return AgentConfig.model_validate(
        {
            "agent_id": AGENT_ID,
            "version": 1,
            "name": "Bench front desk",
            "greeting": "Hi, thanks for calling Bench Dental.",
            "quick_replies": [
                {
                    "phrases": ["opening hours", "when are you open"],
                    "answer": "We are open Monday to Friday, nine to five.",
                }
            ],
            "knowledge": [
                {"title": "Location", "content": "We are at 12 Main Street, next to the park."},
                {
                    "title": "New patients",
                    "content": "Yes, we welcome new patients. Call us to book a first visit.",
                },
            ],
            "turn_taking": {
                "end_of_turn_silence_ms": END_OF_TURN_SILENCE_MS,
                "barge_in_min_speech_ms": BARGE_IN_MIN_SPEECH_MS,
                "idle_reprompt_s": 60,
                "idle_hangup_s": 120,
            },
        }
    )


async def publish_bench_tenant(redis: Redis, max_calls: int) -> TenantRuntimeConfig:
    """Writes the snapshot and the DID route (Redis DB 5) and clears the previous run's events."""
    await redis.delete(
        keys.EVENTS_STREAM, keys.tenant_capacity_key(TENANT_ID), keys.global_capacity_key()
    )
    limits = TenantLimits(
        max_concurrent_calls=max_calls, calls_per_minute=100_000, max_call_duration_s=3600
    )
    snapshot = await publish_tenant(redis, TENANT_ID, BENCH_NUMBER, bench_agent(), limits)
    telnyx = DidRoute(
        tenant_id=TENANT_ID, agent_id=AGENT_ID, number_id="n-telnyx", carrier="telnyx"
    )
    await redis.set(keys.did_key(BENCH_TELNYX_NUMBER), telnyx.model_dump_json())
    return snapshot


async def remove_bench_tenant(redis: Redis) -> None:
    await redis.delete(
        keys.tenant_key(TENANT_ID), keys.did_key(BENCH_NUMBER), keys.did_key(BENCH_TELNYX_NUMBER)
    )


async def read_call_events(
    redis: Redis, carrier_call_ids: set[str], wait_s: float = 5.0
) -> tuple[dict[str, list[CallTurn]], dict[str, int]]:
    """Every ``CallTurn`` the runtime emitted for these carrier calls, by CallSid; waits up to
    ``wait_s`` for each call's ``CallEnded`` (the runtime's event sink writes in the background).
    Also returns how many calls ended for each reason."""
    deadline = asyncio.get_running_loop().time() + wait_s
    while True:
        sids: dict[str, str] = {}
        turns: dict[str, list[CallTurn]] = {}
        ended: dict[str, str] = {}
        for event in await read_events(redis):
            if isinstance(event, CallStarted) and event.carrier_call_id in carrier_call_ids:
                sids[event.call_id] = event.carrier_call_id
            elif isinstance(event, CallTurn) and event.call_id in sids:
                turns.setdefault(sids[event.call_id], []).append(event)
            elif isinstance(event, CallEnded) and event.call_id in sids:
                ended[event.call_id] = event.reason
        if len(ended) >= len(carrier_call_ids) or asyncio.get_running_loop().time() > deadline:
            reasons = {reason: list(ended.values()).count(reason) for reason in set(ended.values())}
            return turns, reasons
        await asyncio.sleep(0.2)
