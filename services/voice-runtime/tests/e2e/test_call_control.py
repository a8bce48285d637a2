"""The runtime ending and handing over calls: after hours, idle callers, transfers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
import pytest_asyncio

from switchboard_common.app_testing import ServedApp
from switchboard_common.contract import AgentConfig
from switchboard_common.contract.tenant_config import BusinessHours, LlmConfig, OpeningHours

from .checks import assert_call
from .fake_llm import tool_call_app
from .stack import E2EStack, serve
from .tenants import Tenants, call_events, e2e_agent, tenant_id_for

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FRONT_DESK = "+15005550009"
NOT_ALLOWED = "+15559990000"


def closed_today() -> BusinessHours:
    """Open all day, three days from today only: closed now whatever the time."""
    day = WEEKDAYS[(datetime.now(UTC).weekday() + 3) % 7]
    hours = e2e_agent().business_hours
    assert hours is not None
    window = OpeningHours.model_validate({"days": [day], "opens_at": "00:00", "closes_at": "23:59"})
    return hours.model_copy(update={"windows": (window,)})


async def test_after_hours_the_caller_hears_the_message_and_the_agent_hangs_up(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005556004", e2e_agent(business_hours=closed_today()))
    report = await stack.call("after_hours")
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)
    assert [a["kind"] for a in report.carrier_actions] == ["hangup"]
    assert events.ended.reason == "agent_hangup"
    assert [e.text for e in events.ended.transcript if e.role == "agent"] == [
        closed_today().after_hours_message
    ]


async def test_a_silent_caller_is_reprompted_then_hung_up_on(
    stack: E2EStack, tenants: Tenants
) -> None:
    rules = e2e_agent().turn_taking.model_copy(update={"idle_reprompt_s": 1.5, "idle_hangup_s": 4})
    agent = e2e_agent(turn_taking=rules)
    await tenants.publish("+15005556007", agent)
    report = await stack.call("silence_hangup")
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)
    assert [a["kind"] for a in report.carrier_actions] == ["hangup"]
    assert events.ended.reason == "idle_timeout" and events.ended.turns == 0
    said = [e.text for e in events.ended.transcript if e.role == "agent"]
    assert said == [agent.greeting, rules.idle_reprompt_message]


async def test_a_transfer_to_an_allowed_number_redirects_the_call_to_it(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005556005")
    report = await stack.call("transfer_allowed")
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)
    assert [(a["kind"], a["target"]) for a in report.carrier_actions] == [("transfer", FRONT_DESK)]
    assert events.ended.reason == "transferred" and events.ended.transferred_to == FRONT_DESK


@pytest_asyncio.fixture(loop_scope="session")
async def llm_asking_for_an_unlisted_number() -> AsyncIterator[ServedApp]:
    served = await serve(tool_call_app("", "transfer_call", {"target": NOT_ALLOWED}))
    try:
        yield served
    finally:
        await served.stop()


def llm_agent(stack: E2EStack, number: str, llm_url: str) -> AgentConfig:
    secret = stack.keyring.seal(
        tenant_id_for(number), "llm_api_key", "sk-e2e-fake", kind="llm_api_key",
        allowed_host="127.0.0.1",
    )  # fmt: skip
    llm = LlmConfig(model="openai/fake-model", api_base=llm_url + "/v1", api_key_secret=secret)
    return e2e_agent(llm=llm)


async def test_a_transfer_to_a_number_off_the_list_is_refused_without_carrier_action(
    stack: E2EStack, tenants: Tenants, llm_asking_for_an_unlisted_number: ServedApp
) -> None:
    number = "+15005556006"
    await tenants.publish(number, llm_agent(stack, number, llm_asking_for_an_unlisted_number.url))
    report = await stack.call("transfer_refused")
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)
    assert report.carrier_actions == []
    assert [a for a in stack.carrier.actions if a.call_sid == report.call_sid] == []
    assert events.ended.reason == "caller_hangup" and events.ended.transferred_to is None
    notes = [e.text for e in events.ended.transcript if e.role == "system"]
    assert "transfer refused: number not allowed" in notes
    assert events.turns[0].brain == "llm"
