"""HTTP tools against a real HTTP server on loopback: requests, results, failures, the guard."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from switchboard_common.app_testing import serving
from switchboard_common.contract.tenant_config import HttpTool
from switchboard_voice_runtime.providers.http_tools import (
    MAX_RESULT_CHARS,
    HttpToolRunner,
    ToolCallContext,
    ToolOutcome,
)

pytestmark = pytest.mark.integration

CONTEXT = ToolCallContext(tenant_id="t-1", call_id="call-1", agent_id="agent-1")


class ToolServer:
    """A tenant's endpoint: records what it receives."""

    def __init__(self) -> None:
        self.received: list[dict[str, object]] = []
        self.url = ""

    async def _record(self, request: Request) -> dict[str, object]:
        body = await request.body()
        seen = {
            "method": request.method,
            "query": dict(request.query_params),
            "json": json.loads(body) if body else None,
            "headers": {k: v for k, v in request.headers.items() if k.startswith("x-switchboard")},
            "host": request.headers.get("host"),
        }
        self.received.append(seen)
        return seen

    async def slots(self, request: Request) -> Response:
        seen = await self._record(request)
        return JSONResponse({"free": ["10:00"], "asked": seen["query"] or seen["json"]})

    async def broken(self, request: Request) -> Response:
        await self._record(request)
        return PlainTextResponse("database down", status_code=503)

    async def slow(self, request: Request) -> Response:
        await self._record(request)
        await asyncio.sleep(2.0)
        return PlainTextResponse("late")

    async def moved(self, request: Request) -> Response:
        await self._record(request)
        return RedirectResponse("http://169.254.169.254/latest/meta-data", status_code=302)

    async def huge(self, request: Request) -> Response:
        await self._record(request)
        return PlainTextResponse("x" * 100_000)

    def app(self) -> FastAPI:
        app = FastAPI()
        app.add_api_route("/slots", self.slots, methods=["GET", "POST"])
        app.add_api_route("/broken", self.broken, methods=["POST"])
        app.add_api_route("/slow", self.slow, methods=["POST"])
        app.add_api_route("/moved", self.moved, methods=["POST"])
        app.add_api_route("/huge", self.huge, methods=["GET"])
        return app


@pytest.fixture
async def server() -> AsyncIterator[ToolServer]:
    tool_server = ToolServer()
    async with serving(tool_server.app(), lifespan="off") as url:
        tool_server.url = url
        yield tool_server


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client


def _tool(url: str, *, method: str = "POST", timeout_s: float = 5.0) -> HttpTool:
    return HttpTool(
        name="find_slot", description="Free slots", url=url, method=method, timeout_s=timeout_s
    )


async def test_post_sends_the_arguments_as_json_with_the_call_headers(
    server: ToolServer, http: httpx.AsyncClient
) -> None:
    outcomes: list[ToolOutcome] = []
    runner = HttpToolRunner(http, allow_private_addresses=True, on_outcome=outcomes.append)
    result = await runner.run(_tool(f"{server.url}/slots"), {"day": "monday", "n": 2}, CONTEXT)

    assert json.loads(result) == {"free": ["10:00"], "asked": {"day": "monday", "n": 2}}
    (seen,) = server.received
    assert seen["method"] == "POST" and seen["json"] == {"day": "monday", "n": 2}
    assert seen["headers"] == {
        "x-switchboard-tenant-id": "t-1",
        "x-switchboard-call-id": "call-1",
        "x-switchboard-agent-id": "agent-1",
    }
    assert outcomes == ["ok"]


async def test_get_sends_the_arguments_as_query_parameters(
    server: ToolServer, http: httpx.AsyncClient
) -> None:
    runner = HttpToolRunner(http, allow_private_addresses=True)
    result = await runner.run(
        _tool(f"{server.url}/slots", method="GET"), {"day": "monday", "n": 2}, CONTEXT
    )

    assert json.loads(result)["asked"] == {"day": "monday", "n": "2"}
    assert server.received[0]["method"] == "GET"


async def test_failures_become_results_the_model_can_explain(
    server: ToolServer, http: httpx.AsyncClient
) -> None:
    outcomes: list[ToolOutcome] = []
    runner = HttpToolRunner(http, allow_private_addresses=True, on_outcome=outcomes.append)

    broken = await runner.run(_tool(f"{server.url}/broken"), {}, CONTEXT)
    slow = await runner.run(_tool(f"{server.url}/slow", timeout_s=0.3), {}, CONTEXT)
    moved = await runner.run(_tool(f"{server.url}/moved"), {}, CONTEXT)
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    dead_port = closed.getsockname()[1]
    closed.close()
    unreachable = await runner.run(_tool(f"http://127.0.0.1:{dead_port}/x"), {}, CONTEXT)
    malformed = await runner.run(_tool("http://[::1/x"), {}, CONTEXT)

    assert broken == "error: HTTP 503 database down"
    assert slow == "error: the service did not answer in time"
    assert moved.startswith("error: HTTP 302")  # the redirect was not followed
    assert unreachable.startswith("error: the service could not be reached")
    assert malformed == "error: the service could not be reached (InvalidURL)"
    assert outcomes == ["http_error", "timeout", "http_error", "failed", "failed"]
    assert len(server.received) == 3


async def test_call_reports_whether_it_worked_and_the_http_status(
    server: ToolServer, http: httpx.AsyncClient
) -> None:
    runner = HttpToolRunner(http, allow_private_addresses=True)

    worked = await runner.call(_tool(f"{server.url}/slots"), {"day": "monday"}, CONTEXT)
    broken = await runner.call(_tool(f"{server.url}/broken"), {}, CONTEXT)
    slow = await runner.call(_tool(f"{server.url}/slow", timeout_s=0.3), {}, CONTEXT)

    assert (worked.ok, worked.status_code) == (True, 200)
    assert json.loads(worked.text)["asked"] == {"day": "monday"}
    assert (broken.ok, broken.status_code, broken.text) == (
        False,
        503,
        "error: HTTP 503 database down",
    )
    assert (slow.ok, slow.status_code) == (False, None)


async def test_a_huge_answer_is_cut_to_what_the_model_gets(
    server: ToolServer, http: httpx.AsyncClient
) -> None:
    runner = HttpToolRunner(http, allow_private_addresses=True)
    result = await runner.run(_tool(f"{server.url}/huge", method="GET"), {}, CONTEXT)
    assert result == "x" * MAX_RESULT_CHARS


async def test_by_default_the_runtimes_own_network_is_refused_before_any_request(
    server: ToolServer, http: httpx.AsyncClient
) -> None:
    outcomes: list[ToolOutcome] = []
    runner = HttpToolRunner(http, on_outcome=outcomes.append)
    port = server.url.rsplit(":", 1)[1]
    for url in (
        f"{server.url}/slots",
        f"http://localhost:{port}/slots",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/x",
        "http://10.1.2.3/x",
        f"http://[::ffff:127.0.0.1]:{port}/slots",
        "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
    ):
        result = await runner.run(_tool(url, timeout_s=1.0), {"day": "monday"}, CONTEXT)
        assert result == "error: this tool's address is not allowed", url
    assert server.received == []
    assert outcomes == ["refused"] * 7


async def test_a_named_host_is_resolved_once_and_called_at_that_address(
    server: ToolServer, http: httpx.AsyncClient
) -> None:
    port = server.url.rsplit(":", 1)[1]
    runner = HttpToolRunner(http, allow_private_addresses=True)
    result = await runner.run(_tool(f"http://localhost:{port}/slots"), {"day": "monday"}, CONTEXT)

    assert json.loads(result)["free"] == ["10:00"]
    assert server.received[0]["host"] == f"localhost:{port}"
