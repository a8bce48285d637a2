"""After the call: a call placed through the simulator on a tenant set up through the real control
plane's API ends with signed ``call.started``, ``call.ended`` and ``call.analyzed`` webhooks at
the customer's receiver (verified with the Standard Webhooks library), and usage that matches
the call's duration."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import pytest_asyncio

from switchboard_callsim import load_scenario
from switchboard_common.contract import CallEnded
from switchboard_control_plane.testing.webhook_receiver import Receiver, serve

from .checks import assert_call
from .control_plane import ControlPlane, running_control_plane
from .stack import E2EStack
from .tenants import SCENARIOS, call_events

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]

USAGE_WINDOW = timedelta(hours=1)
NUMBER = "+15005556101"
"""This module's line (the happy scenario, dialled here instead of its own number)."""
EVENT_TYPES = ["call.started", "call.ended", "call.analyzed"]
DELIVERED_WITHIN_S = 30.0


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def control_plane(stack: E2EStack) -> AsyncIterator[ControlPlane]:
    """Only this module's tests start the control plane: the others publish straight to Redis."""
    async with running_control_plane(stack) as running:
        yield running


async def test_a_call_ends_with_signed_webhooks_at_the_customer_and_metered_usage(
    stack: E2EStack, control_plane: ControlPlane
) -> None:
    tenant_id = await control_plane.tenant_on(stack.redis, NUMBER)
    receiver = Receiver()
    served = await serve(receiver)
    try:
        hook = {"url": f"{served.url}/switchboard", "event_types": EVENT_TYPES}
        endpoint = await control_plane.post(f"/v1/tenants/{tenant_id}/webhooks", hook)
        scenario = load_scenario(SCENARIOS / "happy.yaml").model_copy(update={"to_number": NUMBER})
        report = await stack.call(scenario, transcribe=False)
        events = await call_events(stack.redis, report.call_sid)
        assert_call(report, events)
        delivered = await receiver.wait_for(len(EVENT_TYPES), timeout_s=DELIVERED_WITHIN_S)
    finally:
        await served.stop()

    verified = [item.verified(endpoint["secret"]) for item in delivered.values()]
    assert [event["type"] for event in verified] == EVENT_TYPES, "in order per call"
    started, ended, analyzed = (event["data"] for event in verified)
    call_id = events.started.call_id
    assert started["call_id"] == ended["call_id"] == analyzed["call_id"] == call_id
    assert started["to_number"] == ended["to_number"] == NUMBER
    assert_ended_as_the_runtime_saw_it(ended, events.ended.duration_s, events.ended.turns)
    runtime_said = [line.model_dump(mode="json") for line in events.ended.transcript]
    assert ended["transcript"] == runtime_said, "the transcript is what the runtime reported"

    analysis = analyzed["analysis"]
    assert analysis["source"] == "builtin" and analysis["model"] is None, analysis
    assert analysis["ended_how"] == "The caller hung up.", analysis
    assert len(analysis["caller_questions"]) == 2, analysis  # "When are you open?", "Do you..."
    call = await control_plane.get(f"/v1/tenants/{tenant_id}/calls/{call_id}")
    assert call["analysis"] == analysis, "the call record shows what the webhook sent"
    await assert_metered(control_plane, tenant_id, events.ended)


async def assert_metered(control_plane: ControlPlane, tenant_id: str, ended: CallEnded) -> None:
    """The tenant's usage (metered with ``call.ended``, before its webhook) is this one call:
    its duration from answer to end in seconds and started minutes, and what the runtime
    counted."""
    window = {
        "from": (ended.started_at - USAGE_WINDOW).isoformat(),
        "to": (datetime.now(UTC) + USAGE_WINDOW).isoformat(),
        "granularity": "day",
    }
    usage = await control_plane.get(f"/v1/tenants/{tenant_id}/usage", window)
    totals = usage["totals"]
    assert totals["calls"] == 1, usage
    assert totals["billable_seconds"] == pytest.approx(ended.duration_s, abs=0.001), usage
    assert totals["billable_minutes"] == math.ceil(ended.duration_s / 60) == 1, usage
    counted = ended.usage
    assert totals["stt_audio_seconds"] == pytest.approx(counted.stt_audio_seconds), usage
    assert 0 < totals["stt_audio_seconds"] <= ended.duration_s, usage
    assert totals["tts_characters"] == counted.tts_characters > 0, usage
    assert totals["llm_prompt_tokens"] == totals["tool_calls"] == 0, "no LLM on this agent"
    [day] = usage["periods"]
    assert {k: v for k, v in day.items() if k != "start"} == totals, usage
    assert datetime.fromisoformat(day["start"]).date() == ended.started_at.date(), usage


def assert_ended_as_the_runtime_saw_it(
    ended: dict[str, Any], duration_s: float, turns: int
) -> None:
    assert ended["end_reason"] == "caller_hangup" and ended["outcome"] == "answered", ended
    assert ended["duration_s"] == pytest.approx(duration_s), ended
    assert ended["turns"] == turns, ended
