"""Webhook delivery benchmark: call end -> signed ``call.ended`` at the customer's receiver.

Runs the real control plane under uvicorn in its own process (Postgres scratch database, Redis
DB 14 by default) with a webhook endpoint aimed at a receiver on loopback in this process;
each sample publishes a ``CallEnded`` on the events stream (as the runtime does when a call
ends) and times it until the receiver has the verified event. Prints p50/p95 and writes
.bench/webhooks.json.
Usage: uv run python tools/bench/webhooks.py [--calls 100]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from control_plane import (
    ADMIN,
    REDIS_URL,
    free_port,
    fresh_database,
    percentile,
    start_server,
    wait_ready,
)
from fastapi import FastAPI, Request, Response
from redis.asyncio import Redis
from standardwebhooks.webhooks import Webhook

from switchboard_common.contract import CallEnded, CallStarted
from switchboard_common.contract.keys import EVENT_FIELD, EVENTS_STREAM

OUT = Path(".bench/webhooks.json")


class Receiver:
    """Verifies each delivery and notes when each call's ``call.ended`` arrived."""

    def __init__(self) -> None:
        self.secret = ""
        self.arrived: dict[str, float] = {}
        self.events: dict[str, asyncio.Event] = {}

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/hook")
        async def hook(request: Request) -> Response:
            at = time.perf_counter()
            event = Webhook(self.secret).verify(await request.body(), dict(request.headers))
            if event["type"] == "call.ended":
                call_id = event["data"]["call_id"]
                self.arrived.setdefault(call_id, at)
                self.events.setdefault(call_id, asyncio.Event()).set()
            return Response(status_code=204)

        return app


async def one_call(redis: Redis, receiver: Receiver, tenant_id: str, index: int) -> float:
    call_id = f"bench-call-{index}"
    now = datetime.now(UTC)
    common: dict[str, Any] = {"tenant_id": tenant_id, "call_id": call_id, "occurred_at": now}
    started = CallStarted(
        event_id=f"{call_id}-start",
        agent_id="agt_bench",
        agent_version=1,
        number_id="num_bench",
        carrier="twilio",
        carrier_call_id=f"CA{index}",
        from_number="+14155550000",
        to_number="+14155550100",
        **common,
    )
    ended = CallEnded(
        event_id=f"{call_id}-end",
        started_at=now,
        duration_s=1.0,
        turns=0,
        reason="caller_hangup",
        **common,
    )
    await redis.xadd(EVENTS_STREAM, {EVENT_FIELD: started.model_dump_json()})
    arrival = receiver.events.setdefault(call_id, asyncio.Event())
    sent = time.perf_counter()
    await redis.xadd(EVENTS_STREAM, {EVENT_FIELD: ended.model_dump_json()})
    await asyncio.wait_for(arrival.wait(), timeout=30)
    return (receiver.arrived[call_id] - sent) * 1000


async def run(args: argparse.Namespace) -> dict[str, Any]:
    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    receiver = Receiver()
    receiver_port = free_port()
    config = uvicorn.Config(
        receiver.app(), host="127.0.0.1", port=receiver_port, log_level="warning", lifespan="off"
    )
    receiver_server = uvicorn.Server(config)
    receiver_task = asyncio.create_task(receiver_server.serve())
    port = free_port()
    extra = {"CONTROL_PLANE_ALLOW_PRIVATE_ADDRESSES": "true"}
    server = start_server(await fresh_database(), port, extra_env=extra)
    samples: list[float] = []
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            await wait_ready(client, server)
            created = await client.post("/v1/tenants", json={"name": "Bench"}, headers=ADMIN)
            tenant_id = created.json()["id"]
            hook = {"url": f"http://127.0.0.1:{receiver_port}/hook", "event_types": ["call.ended"]}
            endpoint = await client.post(
                f"/v1/tenants/{tenant_id}/webhooks", json=hook, headers=ADMIN
            )
            endpoint.raise_for_status()
            receiver.secret = endpoint.json()["secret"]
            for index in range(args.calls):
                samples.append(await one_call(redis, receiver, tenant_id, index))
    finally:
        server.terminate()
        server.wait(timeout=30)
        receiver_server.should_exit = True
        await receiver_task
        await redis.aclose()
    return {
        "call_end_to_receiver_ms": {
            "p50": round(statistics.median(samples), 1),
            "p95": round(percentile(samples, 0.95), 1),
            "max": round(max(samples), 1),
            "samples": len(samples),
        },
        "path": "events stream -> consumer -> Postgres (call + outbox) -> delivery worker -> "
        "signed POST on loopback",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=100)
    result = asyncio.run(run(parser.parse_args()))
    figures = result["call_end_to_receiver_ms"]
    print(
        f"webhooks: call end -> signed call.ended at the receiver p50 {figures['p50']} ms, "
        f"p95 {figures['p95']} ms ({figures['samples']} calls)"
    )
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
