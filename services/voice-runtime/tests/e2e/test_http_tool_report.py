"""An HTTP tool the LLM calls mid-answer, on a real endpoint, reported in the ``call.turn``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from switchboard_common.app_testing import ServedApp
from switchboard_common.contract.tenant_config import LlmConfig

from .checks import assert_call
from .fake_llm import tool_call_app
from .stack import E2EStack, serve
from .tenants import Tenants, call_events, e2e_agent, tenant_id_for

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]
NUMBER = "+15005556030"


@pytest_asyncio.fixture(loop_scope="session")
async def slots_endpoint() -> AsyncIterator[tuple[ServedApp, list[dict[str, Any]]]]:
    """The tenant's own service: answers 503 so the report shows a failed call with its status."""
    received: list[dict[str, Any]] = []
    app = FastAPI()

    @app.post("/slots")
    async def slots(request: Request) -> JSONResponse:
        received.append(await request.json())
        return JSONResponse({"error": "calendar down"}, status_code=503)

    served = await serve(app)
    try:
        yield served, received
    finally:
        await served.stop()


@pytest_asyncio.fixture(loop_scope="session")
async def llm_calling_the_tool() -> AsyncIterator[ServedApp]:
    served = await serve(tool_call_app("Sorry, let me check.", "find_slot", {"day": "monday"}))
    try:
        yield served
    finally:
        await served.stop()


async def test_an_http_tool_call_is_reported_in_the_turn_without_its_arguments(
    stack: E2EStack,
    tenants: Tenants,
    slots_endpoint: tuple[ServedApp, list[dict[str, Any]]],
    llm_calling_the_tool: ServedApp,
) -> None:
    endpoint, received = slots_endpoint
    secret = stack.keyring.seal(
        tenant_id_for(NUMBER), "llm_api_key", "sk-e2e-fake", kind="llm_api_key",
        allowed_host="127.0.0.1",
    )  # fmt: skip
    llm = LlmConfig(
        model="openai/fake-model", api_base=llm_calling_the_tool.url + "/v1", api_key_secret=secret
    )
    tool = {"name": "find_slot", "description": "Free slots", "url": endpoint.url + "/slots"}
    agent = e2e_agent(llm=llm, tools={**e2e_agent().tools.model_dump(), "http_tools": [tool]})
    await tenants.publish(NUMBER, agent)
    report = await stack.call("http_tool")
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)

    (turn,) = events.turns
    assert turn.brain == "llm" and received and received[0] == {"day": "monday"}
    assert len(turn.tool_calls) == len(received)  # every round's call, as the endpoint saw them
    for reported in turn.tool_calls:
        assert (reported.name, reported.ok, reported.status_code) == ("find_slot", False, 503)
        assert reported.duration_ms > 0
        assert set(reported.model_dump()) == {"name", "ok", "status_code", "duration_ms"}
