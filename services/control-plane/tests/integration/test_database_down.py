"""Postgres unreachable (a closed port): 503 database_unavailable, generic readiness, few logs."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from tests.integration.conftest import Harness, make_settings, start_harness

pytestmark = pytest.mark.integration


def _closed_port() -> int:
    """A loopback port nothing listens on (bound once to pick it, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def database_down(redis: Redis) -> AsyncIterator[Harness]:
    url = f"postgresql+asyncpg://postgres@127.0.0.1:{_closed_port()}/switchboard"
    harness, lifespan = await start_harness(make_settings(url), redis)
    yield harness
    await harness.client.aclose()
    await lifespan.__aexit__(None, None, None)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/v1/tenants", None),
        ("POST", "/v1/tenants", {"name": "Acme"}),
        ("GET", "/v1/tenants/tnt_x/agents", None),
        ("GET", "/v1/me", None),
    ],
)
async def test_every_route_answers_503_database_unavailable(
    database_down: Harness, method: str, path: str, body: object
) -> None:
    headers = database_down.as_("sb_some_api_key") if path == "/v1/me" else None
    response = await database_down.client.request(method, path, json=body, headers=headers)
    assert response.status_code == 503, response.text
    assert response.json()["error"]["code"] == "database_unavailable"
    assert int(response.headers["Retry-After"]) >= 1


async def test_readiness_names_the_failing_check_without_driver_text(
    database_down: Harness,
) -> None:
    response = await database_down.client.get("/readyz", headers={"Authorization": ""})
    assert response.status_code == 503
    assert response.json() == {
        "status": "not_ready",
        "checks": {
            "database": "unavailable",
            "redis": "ok",
            # nothing can be republished while the database is down
            "contract_data": "degraded: contract data missing in Redis; republishing",
        },
    }


async def test_workers_log_one_traceback_per_outage_not_one_per_retry(
    redis: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    url = f"postgresql+asyncpg://postgres@127.0.0.1:{_closed_port()}/switchboard"
    caplog.set_level(logging.INFO, logger="switchboard")
    harness, lifespan = await start_harness(make_settings(url), redis)
    try:
        for _ in range(5):
            await harness.client.get("/v1/tenants")
            await harness.client.get("/readyz")
        await asyncio.sleep(3.5)  # the old supervisor restarted (and logged) every second
    finally:
        await harness.client.aclose()
        await lifespan.__aexit__(None, None, None)
    tracebacks: dict[str, int] = {}
    for record in caplog.records:
        if record.exc_info is not None:
            tracebacks[record.name] = tracebacks.get(record.name, 0) + 1
    # one traceback per logger and outage (a supervised worker loop: one per loop)
    workers = tracebacks.pop("switchboard.control_plane.workers", 0)
    assert workers <= 3
    assert tracebacks["switchboard.control_plane.database"] == 1
    assert tracebacks["switchboard.control_plane.readiness"] == 1
    assert max(tracebacks.values()) == 1, tracebacks
    per_message: dict[str, int] = {}
    for record in caplog.records:
        if record.levelno >= logging.WARNING:
            per_message[record.getMessage()] = per_message.get(record.getMessage(), 0) + 1
    assert max(per_message.values()) <= 3, per_message  # not once per retry
    assert "publisher.database_unavailable" in per_message, per_message
