"""Over Telnyx as over Twilio: barge-in keeps only what was heard, a transfer goes through
Telnyx's REST API, and the STT going down mid-call gets the caller an apology."""

from __future__ import annotations

import asyncio

import pytest

from switchboard_callsim import parse_scenario
from switchboard_voice_runtime.call.phrases import APOLOGY_REPEAT

from .checks import assert_call, failed
from .stack import E2EStack, SwitchableProxy
from .telnyx_stack import telnyx_runtime
from .tenants import Tenants, call_events, e2e_agent
from .test_call_control import FRONT_DESK
from .test_failures import when_caller_asks_again

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]


@pytest.mark.parametrize("mode", ["texml", "call_control"])
async def test_talking_over_the_agent_on_telnyx_clears_and_keeps_what_was_heard(
    stack: E2EStack, tenants: Tenants, mode: str
) -> None:
    rules = e2e_agent().turn_taking.model_copy(update={"barge_in_min_speech_ms": 150})
    await tenants.publish("+15005557011", e2e_agent(turn_taking=rules), carrier="telnyx")
    async with telnyx_runtime(stack) as telnyx:
        # the scenario times the talk-over from the stream's start: a fresh runtime's first
        # greeting comes seconds late (phrases warming up), so one call warms it first
        warm_up = {"name": "warm-up", "steps": [{"wait_ms": 4000}, {"hangup": True}]}
        await telnyx.call(parse_scenario(warm_up), to_number="+15005557011")
        report = await telnyx.call("barge_in", to_number="+15005557011", mode=mode)
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)
    assert report.clears, failed(report, events)
    answer = events.turns[0]
    full = next(q.answer for q in e2e_agent().quick_replies if "your services" in q.phrases)
    assert answer.interrupted and len(answer.agent_text) < len(full), answer


async def test_a_transfer_on_telnyx_goes_through_its_rest_api(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005557012", carrier="telnyx")
    async with telnyx_runtime(stack) as telnyx:
        report = await telnyx.call(
            "transfer_allowed", to_number="+15005557012", mode="call_control"
        )
        commands = telnyx.rest.commands_for(report.call_sid)
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)
    assert [(a["kind"], a["target"]) for a in report.carrier_actions] == [("transfer", FRONT_DESK)]
    assert [c.action for c in commands][-1] == "transfer" and commands[-1].body["to"] == FRONT_DESK
    assert events.ended.reason == "transferred" and events.ended.transferred_to == FRONT_DESK


async def test_stt_going_down_on_a_telnyx_call_gets_the_caller_an_apology(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005557013", carrier="telnyx")
    proxy = SwitchableProxy(int(stack.stt.url.rsplit(":", 1)[1]))
    await proxy.start()
    cuts: set[asyncio.Task[None]] = set()
    try:
        async with telnyx_runtime(stack, stt_url=proxy.url) as telnyx:
            report = await telnyx.call(
                "stt_down", to_number="+15005557013",
                on_event=when_caller_asks_again(proxy.cut, cuts),
            )  # fmt: skip
    finally:
        await proxy.cut()
    assert cuts, "the STT was never cut"
    events = await call_events(stack.redis, report.call_sid)
    assert_call(report, events)
    transcript = [(e.role, e.text) for e in events.ended.transcript]
    assert ("system", "stt failed") in transcript and ("agent", APOLOGY_REPEAT) in transcript
