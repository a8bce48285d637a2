"""Control-plane benchmark: API change -> pub/sub arrival latency, and agent reads per second.

Runs the real app under uvicorn in a separate process (so the read figures are the server's,
not the load generator's) against Postgres (a scratch database) and Redis (DB 14 by default);
prints the figures and writes .bench/control_plane.json.
Usage: uv run python tools/bench/control_plane.py [--changes 200] [--read-seconds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import httpx
from redis.asyncio import Redis

from switchboard_common.contract import ConfigChanged
from switchboard_common.contract.keys import CONFIG_CHANNEL
from switchboard_control_plane.settings import DEV_BOOTSTRAP_ADMIN_KEY

DB_NAME = os.environ.get("BENCH_CONTROL_PLANE_DB", "switchboard_cp_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
ADMIN_TOKEN = DEV_BOOTSTRAP_ADMIN_KEY
ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
OUT = Path(".bench/control_plane.json")


async def fresh_database() -> str:
    connection = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/postgres")
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        await connection.execute(f'CREATE DATABASE "{DB_NAME}"')
    finally:
        await connection.close()
    return f"postgresql+asyncpg://postgres@127.0.0.1:5432/{DB_NAME}"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def start_server(
    database_url: str, port: int, *, extra_env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """uvicorn with the control plane's app, in its own process, logging warnings only."""
    env = {
        **os.environ,
        "CONTROL_PLANE_DATABASE_URL": database_url,
        "CONTROL_PLANE_REDIS_URL": REDIS_URL,
        "CONTROL_PLANE_MIGRATE_ON_START": "true",
        "CONTROL_PLANE_LOG_LEVEL": "WARNING",
        "CONTROL_PLANE_RATE_LIMIT__REQUESTS_PER_MINUTE": str(10**9),
        **(extra_env or {}),
    }
    code = (
        "import sys, uvicorn\n"
        "from switchboard_control_plane.app import create_app\n"
        "from switchboard_control_plane.settings import Settings\n"
        "uvicorn.run(create_app(Settings()), host='127.0.0.1', port=int(sys.argv[1]),"
        " log_level='warning', access_log=False)\n"
    )
    return subprocess.Popen([sys.executable, "-c", code, str(port)], env=env)  # noqa: S603 - fixed argv


async def wait_ready(client: httpx.AsyncClient, server: subprocess.Popen[bytes]) -> None:
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the control plane exited during start")
        try:
            if (await client.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise TimeoutError("the control plane did not become ready within 60 s")


async def publish_latency(client: httpx.AsyncClient, tenant_id: str, changes: int) -> list[float]:
    """Milliseconds from sending a limits change to its ConfigChanged arriving at a subscriber."""
    redis = Redis.from_url(REDIS_URL)
    pubsub = redis.pubsub()
    await pubsub.subscribe(CONFIG_CHANNEL)
    samples: list[float] = []
    for index in range(changes):
        body = {"limits": {"max_concurrent_calls": 1 + index % 50}}
        started = time.perf_counter()
        response = await client.patch(f"/v1/tenants/{tenant_id}", json=body, headers=ADMIN)
        revision = response.json()["revision"]
        while True:
            message = await pubsub.get_message(timeout=5.0)
            if message is None:
                raise TimeoutError("no ConfigChanged within 5 s")
            if message["type"] != "message":
                continue
            changed = ConfigChanged.model_validate_json(message["data"])
            if changed.tenant_id == tenant_id and changed.revision >= revision:
                break
        samples.append((time.perf_counter() - started) * 1000)
    await pubsub.aclose()  # type: ignore[no-untyped-call]
    await redis.aclose()
    return samples


async def read_load(
    client: httpx.AsyncClient, path: str, token: str, seconds: float, workers: int
) -> dict[str, float]:
    """Successful GETs of one agent with ``workers`` concurrent clients: rate and latency."""
    headers = {"Authorization": f"Bearer {token}"}
    for _ in range(20):  # warm the connections and the server's caches
        (await client.get(path, headers=headers)).raise_for_status()
    deadline = time.perf_counter() + seconds
    latencies_ms: list[float] = []

    async def worker() -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            response = await client.get(path, headers=headers)
            response.raise_for_status()
            latencies_ms.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(workers)))
    return {
        "requests_per_s": round(len(latencies_ms) / (time.perf_counter() - started), 1),
        "p50_ms": round(statistics.median(latencies_ms), 2),
        "p99_ms": round(percentile(latencies_ms, 0.99), 2),
        "workers": workers,
    }


async def seed(client: httpx.AsyncClient) -> tuple[str, str, str]:
    """A tenant with a published agent and a viewer API key: (tenant, agent path, key)."""
    tenant = (await client.post("/v1/tenants", json={"name": "Bench"}, headers=ADMIN)).json()["id"]
    base = f"/v1/tenants/{tenant}/agents"
    agent = (await client.post(base, json={"name": "desk"}, headers=ADMIN)).json()
    path = f"{base}/{agent['id']}"
    await client.post(f"{path}/versions", json={"greeting": "Hello"}, headers=ADMIN)
    await client.post(f"{path}/publish", json={"version": 1}, headers=ADMIN)
    key = await client.post(
        f"/v1/tenants/{tenant}/api-keys", json={"name": "bench", "role": "viewer"}, headers=ADMIN
    )
    key.raise_for_status()
    return tenant, path, str(key.json()["key"])


async def run(args: argparse.Namespace) -> dict[str, Any]:
    await Redis.from_url(REDIS_URL).flushdb()
    port = free_port()
    server = start_server(await fresh_database(), port)
    limits = httpx.Limits(max_connections=args.workers)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", limits=limits) as client:
            await wait_ready(client, server)
            tenant, path, key = await seed(client)
            latencies = await publish_latency(client, tenant, args.changes)
            reads = {
                "bootstrap_key": await read_load(
                    client, path, ADMIN_TOKEN, args.read_seconds, args.workers
                ),
                "tenant_api_key": await read_load(
                    client, path, key, args.read_seconds, args.workers
                ),
                "tenant_api_key_serial": await read_load(client, path, key, args.read_seconds, 1),
            }
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "change_to_pubsub_ms": {
            "p50": round(statistics.median(latencies), 2),
            "p99": round(percentile(latencies, 0.99), 2),
            "samples": len(latencies),
        },
        "agent_reads": reads,
        "agent_reads_per_s": reads["tenant_api_key"]["requests_per_s"],
        "note": "server in its own process; load generator shares this machine's cores",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--read-seconds", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=16)
    result = asyncio.run(run(parser.parse_args()))
    latency = result["change_to_pubsub_ms"]
    print(
        f"control plane: API change -> pub/sub message p50 {latency['p50']} ms, "
        f"p99 {latency['p99']} ms ({latency['samples']} changes)"
    )
    for name, figures in result["agent_reads"].items():
        print(
            f"control plane: GET agent ({name}, {figures['workers']} concurrent clients) "
            f"{figures['requests_per_s']} requests/s, p50 {figures['p50_ms']} ms, "
            f"p99 {figures['p99_ms']} ms"
        )
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
