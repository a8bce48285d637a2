"""Console benchmark: how long each admin-console page takes to render in a real Chromium with a
tenant holding demo-sized data (the issue's goal: a page within a second).

Runs the control plane in its own process (Postgres scratch database, Redis DB 14, as
control_plane.py), seeds a tenant with an agent, a number and ``--calls`` calls over two weeks
(through the events stream, as the runtime reports them), then loads each page ``--rounds``
times (a full navigation: HTML, bundle, API calls, render) and prints p50 and max per page;
writes .bench/console.json. Usage: uv run python tools/bench/console.py [--calls 300]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from control_plane import (
    ADMIN,
    ADMIN_TOKEN,
    REDIS_URL,
    free_port,
    fresh_database,
    start_server,
    wait_ready,
)
from playwright.async_api import Page, async_playwright
from redis.asyncio import Redis

from switchboard_common.contract import CallEnded, CallStarted, CallTurn, TurnStages
from switchboard_common.contract.events import TranscriptEntry
from switchboard_common.contract.keys import EVENT_FIELD, EVENTS_STREAM

OUT = Path(".bench/console.json")
CHROMIUM = os.environ.get("SWITCHBOARD_CHROMIUM", "/usr/bin/chromium")
GOAL_MS = 1000.0
NUMBER = "+15005550001"


async def seed(client: httpx.AsyncClient, calls: int) -> tuple[str, str, str]:
    """A tenant, a published agent, a number and ``calls`` ended calls; (tenant, agent, call)."""
    tenant = (await client.post("/v1/tenants", json={"name": "Bench Dental"})).json()["id"]
    base = f"/v1/tenants/{tenant}"
    agent = (await client.post(f"{base}/agents", json={"name": "Front desk"})).json()["id"]
    version = {"greeting": "Thanks for calling Bench Dental.", "recording": True}
    (await client.post(f"{base}/agents/{agent}/versions", json=version)).raise_for_status()
    (await client.post(f"{base}/agents/{agent}/publish", json={"version": 1})).raise_for_status()
    number = {"e164": NUMBER, "agent_id": agent}
    number_id = (await client.post(f"{base}/numbers", json=number)).json()["id"]
    redis = Redis.from_url(REDIS_URL)
    now = datetime.now(UTC)
    ids = {"tenant_id": tenant, "agent_id": agent, "number_id": number_id}
    for index in range(calls):
        await _publish_call(redis, ids, f"bench-{index}", now - timedelta(hours=index))
    await redis.aclose()
    async with asyncio.timeout(120):
        while True:
            page = (await client.get(f"{base}/calls", params={"limit": 200})).json()
            stored = [c for c in page["items"] if c["ended_at"]]
            if len(stored) >= min(calls, 200):
                return tenant, agent, stored[0]["id"]
            await asyncio.sleep(0.5)


async def _publish_call(redis: Redis, ids: dict[str, str], call_id: str, started: datetime) -> None:
    common = {"tenant_id": ids["tenant_id"], "call_id": call_id}
    events: list[Any] = [
        CallStarted(
            event_id=f"{call_id}-s", occurred_at=started, agent_id=ids["agent_id"],
            number_id=ids["number_id"], agent_version=1, carrier="twilio",
            carrier_call_id=f"CA{call_id}", from_number="+15005550006", to_number=NUMBER,
            **common,
        )
    ]  # fmt: skip
    transcript = [TranscriptEntry(role="agent", text="Thanks for calling.", at_ms=0.0)]
    for turn in range(3):
        at = 4000.0 * (turn + 1)
        stages = TurnStages(
            caller_stopped_ms=at, end_of_turn_ms=at + 500, transcript_final_ms=at + 650,
            llm_first_token_ms=at + 700, tts_first_audio_ms=at + 850, first_frame_out_ms=at + 900,
        )  # fmt: skip
        events.append(
            CallTurn(
                event_id=f"{call_id}-t{turn}", occurred_at=started + timedelta(milliseconds=at),
                turn_index=turn, caller_text="When are you open?",
                agent_text="Monday to Friday, nine to five.", stages=stages, **common,
            )
        )  # fmt: skip
        transcript += [
            TranscriptEntry(role="caller", text="When are you open?", at_ms=at - 1500),
            TranscriptEntry(role="agent", text="Monday to Friday, nine to five.", at_ms=at + 900),
        ]
    events.append(
        CallEnded(
            event_id=f"{call_id}-e", occurred_at=started + timedelta(seconds=15),
            reason="caller_hangup", started_at=started, duration_s=15.0, turns=3,
            transcript=tuple(transcript), **common,
        )
    )  # fmt: skip
    for event in events:
        await redis.xadd(EVENTS_STREAM, {EVENT_FIELD: event.model_dump_json()})


async def measure(page: Page, url: str, ready: str, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        await page.goto(url)
        await page.locator(ready).first.wait_for()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


async def main(calls: int, rounds: int) -> dict[str, Any]:
    database_url = await fresh_database()
    port = free_port()
    await (redis := Redis.from_url(REDIS_URL)).flushdb()
    await redis.aclose()
    server = start_server(database_url, port)
    base_url = f"http://127.0.0.1:{port}"
    try:
        async with httpx.AsyncClient(base_url=base_url, headers=ADMIN, timeout=30) as client:
            await wait_ready(client, server)
            tenant, agent, call = await seed(client, calls)
        pages = {
            "home": (f"/admin/t/{tenant}", ".stats dd"),
            "calls": (f"/admin/t/{tenant}/calls", "tbody tr"),
            "call": (f"/admin/t/{tenant}/calls/{call}", "figure.waterfall"),
            "analytics": (f"/admin/t/{tenant}/analytics", "figure.chart"),
            "agent": (f"/admin/t/{tenant}/agents/{agent}", "table.diff, .agent-form input"),
            "audit": (f"/admin/t/{tenant}/audit", "tbody tr"),
            "usage": (f"/admin/t/{tenant}/usage", "[data-testid=usage-totals] dd"),
            "plans": ("/admin/plans", ".state.empty, tbody tr"),
        }
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM)
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            await page.goto(base_url + "/admin")
            await page.evaluate("key => sessionStorage.setItem('sb.token', key)", ADMIN_TOKEN)
            figures: dict[str, Any] = {}
            for name, (path, ready) in pages.items():
                samples = await measure(page, base_url + path, ready, rounds)
                figures[name] = {
                    "p50_ms": round(statistics.median(samples), 1),
                    "max_ms": round(max(samples), 1),
                }
            await browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"calls": calls, "rounds": rounds, "goal_ms": GOAL_MS, "pages": figures}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    result = asyncio.run(main(args.calls, args.rounds))
    print(f"Console page render, {result['calls']} calls, {result['rounds']} loads each:")
    for name, figure in result["pages"].items():
        verdict = "ok" if figure["p50_ms"] <= GOAL_MS else "OVER the 1 s goal"
        p50, top = figure["p50_ms"], figure["max_ms"]
        print(f"  {name:<10} p50 {p50:7.1f} ms  max {top:7.1f} ms  {verdict}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
