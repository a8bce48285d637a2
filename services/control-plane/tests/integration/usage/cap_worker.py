"""One runtime process taking calls under a monthly minutes cap (run by test_minutes_cap.py).

Usage: python cap_worker.py REDIS_URL TENANT_ID CAP CALLS PREFIX HOLD_S DURATION_S

Waits for the test's go signal, then places CALLS calls at once through the runtime's own
admission (``CapacityManager``): each admitted call is held HOLD_S, billed as the runtime bills
it (``charge`` with the minutes of a DURATION_S call) and its ``call.ended`` is sent on the
events stream. Prints a JSON line: the admitted call ids and the refusal reasons.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import UTC, datetime, timedelta

from redis.asyncio import Redis

from switchboard_common.contract import CallEnded
from switchboard_common.contract.keys import EVENT_FIELD, EVENTS_STREAM
from switchboard_voice_runtime.capacity import CapacityExceededError, CapacityManager

READY_KEY = "test:cap:ready"
GO_KEY = "test:cap:go"


async def _call(
    redis: Redis,
    capacity: CapacityManager,
    tenant_id: str,
    call_id: str,
    cap: int,
    hold_s: float,
    duration_s: float,
) -> str:
    try:
        lease = await capacity.acquire(
            tenant_id,
            call_id,
            max_concurrent_calls=1000,
            calls_per_minute=100_000,
            ttl_s=60.0,
            monthly_minutes_cap=cap,
        )
    except CapacityExceededError as exc:
        return exc.reason
    await asyncio.sleep(hold_s)
    ended_at = datetime.now(UTC)
    event = CallEnded(
        event_id=f"{call_id}-end",
        tenant_id=tenant_id,
        call_id=call_id,
        occurred_at=ended_at,
        reason="caller_hangup",
        started_at=ended_at - timedelta(seconds=duration_s),
        duration_s=duration_s,
        turns=1,
    )
    usage = event.usage_record()
    await capacity.charge(lease, period=usage.period, minutes=usage.billable_minutes)
    await redis.xadd(EVENTS_STREAM, {EVENT_FIELD: event.model_dump_json()})
    await capacity.release(lease)
    return "admitted"


async def main(argv: list[str]) -> None:
    url, tenant_id, cap, calls, prefix, hold_s, duration_s = argv
    redis = Redis.from_url(url)
    capacity = CapacityManager(redis, max_calls=10_000)
    await redis.incr(READY_KEY)
    async with asyncio.timeout(30):
        while not await redis.exists(GO_KEY):  # noqa: ASYNC110 - another process signals
            await asyncio.sleep(0.005)
    ids = [f"{prefix}-{index}" for index in range(int(calls))]
    results = await asyncio.gather(
        *(
            _call(redis, capacity, tenant_id, i, int(cap), float(hold_s), float(duration_s))
            for i in ids
        )
    )
    await redis.aclose()
    admitted = [i for i, result in zip(ids, results, strict=True) if result == "admitted"]
    refused = sorted({result for result in results if result != "admitted"})
    print(json.dumps({"admitted": admitted, "refused": refused}))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
