"""The carrier-call ledger: the first webhook's admission wins, ends are counted once, records
expire."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import keys
from switchboard_voice_runtime.carrier_calls import RECORD_TTL_S, CarrierCall, CarrierCallLedger

pytestmark = pytest.mark.integration

SID = "CA" + "5" * 32


async def test_the_first_admission_of_a_carrier_call_wins(redis: Redis) -> None:
    ledger = CarrierCallLedger(redis)
    first = CarrierCall("c1", "t1", 1_700_000_000, "admitted")
    assert await ledger.open("twilio", SID, first) is None
    again = await ledger.open("twilio", SID, CarrierCall("c2", "t1", 1_700_000_009, "admitted"))
    assert again == first
    ttl_s = await redis.ttl(keys.carrier_call_key("twilio", SID))
    assert RECORD_TTL_S - 5 <= ttl_s <= RECORD_TTL_S


async def test_a_refusal_is_what_replays_see(redis: Redis) -> None:
    ledger = CarrierCallLedger(redis)
    await ledger.open("twilio", SID, CarrierCall("c1", "t1", 1, "admitted"))
    await ledger.refuse("twilio", SID, "busy")
    replay = await ledger.open("twilio", SID, CarrierCall("c2", "t1", 2, "admitted"))
    assert replay == CarrierCall("c1", "t1", 1, "refused", "busy")


async def test_only_the_first_end_sees_the_call_before_it_ended(redis: Redis) -> None:
    ledger = CarrierCallLedger(redis)
    assert await ledger.end("twilio", SID) is None  # never admitted here
    await ledger.open("twilio", SID, CarrierCall("c1", "t1", 1, "admitted"))
    assert await ledger.end("twilio", SID) == CarrierCall("c1", "t1", 1, "admitted")
    assert await ledger.end("twilio", SID) == CarrierCall("c1", "t1", 1, "ended")


async def test_ids_with_colons_are_kept_apart_and_unprintable_ones_refused(redis: Redis) -> None:
    ledger = CarrierCallLedger(redis)
    first = CarrierCall("c1", "t1", 1_700_000_000, "admitted")
    assert await ledger.open("telnyx", "v3:abc", first) is None
    assert await ledger.open("telnyx", "v3:abc", CarrierCall("c2", "t1", 1, "admitted")) == first
    assert await ledger.open("telnyx", "v3", CarrierCall("c3", "t1", 1, "admitted")) is None
    assert await redis.exists("sb:v1:carrier-call:telnyx:v3%3Aabc")
    with pytest.raises(ValueError, match="carrier call id"):
        await ledger.open("telnyx", "a\nb", first)
