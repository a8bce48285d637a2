"""Who gets a call at all: unknown numbers, suspended tenants, full capacity, bad signatures."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from switchboard_callsim import SimEvent, parse_scenario
from switchboard_callsim.events import CallAnswered
from switchboard_callsim.signature import SIGNATURE_HEADER, twilio_signature
from switchboard_callsim.webhook import (
    CallIdentity,
    WebhookError,
    media_connect_url,
    new_sid,
    post_voice_webhook,
)

from .stack import ACCOUNT_SID, AUTH_TOKEN, PUBLIC_BASE_URL, E2EStack
from .tenants import Tenants, call_events

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]


def refused_call(number: str) -> dict[str, object]:
    return {"name": "refused", "to_number": number, "steps": [{"hangup": True}],
            "expect": {"twiml": "hangup"}}  # fmt: skip


async def test_an_unknown_number_hears_a_message_and_is_hung_up(stack: E2EStack) -> None:
    report = await stack.call("unknown_number", transcribe=False)
    assert report.passed, report.checks
    assert report.twiml == "hangup" and "not in service" in " ".join(report.twiml_said)


async def test_a_suspended_tenant_s_caller_hears_a_polite_message(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005556010", status="suspended")
    report = await stack.call(parse_scenario(refused_call("+15005556010")), transcribe=False)
    assert report.passed, report.checks
    assert "cannot take your call" in " ".join(report.twiml_said)


async def test_a_telnyx_number_called_through_twilio_hears_it_is_not_in_service(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005556014", carrier="telnyx")
    report = await stack.call(parse_scenario(refused_call("+15005556014")), transcribe=False)
    assert report.passed, report.checks
    assert "not in service" in " ".join(report.twiml_said)


async def test_a_call_over_the_tenant_s_limit_hears_busy(stack: E2EStack, tenants: Tenants) -> None:
    number = "+15005556011"
    await tenants.publish(number, max_concurrent_calls=1)
    answered = asyncio.Event()

    def on_event(event: SimEvent) -> None:
        if isinstance(event, CallAnswered):
            answered.set()

    first_call = parse_scenario(
        {"name": "first", "to_number": number, "steps": [{"wait_ms": 1500}, {"hangup": True}]}
    )
    first = asyncio.create_task(stack.call(first_call, transcribe=False, on_event=on_event))
    async with asyncio.timeout(30):
        await answered.wait()
    second = await stack.call(parse_scenario(refused_call(number)), transcribe=False)
    report = await first
    assert second.passed, second.checks
    assert "lines are busy" in " ".join(second.twiml_said)
    assert report.twiml == "stream" and report.end_reason == "caller_hangup", report.errors
    assert (await call_events(stack.redis, report.call_sid)).ended.reason == "caller_hangup"


async def test_a_webhook_with_a_wrong_signature_is_refused_with_403(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005556012")
    scenario = parse_scenario({"name": "forged", "to_number": "+15005556012",
                               "steps": [{"hangup": True}]})  # fmt: skip
    with pytest.raises(WebhookError, match="answered 403"):
        await stack.call(scenario, transcribe=False, auth_token="not-the-account-token")


async def test_a_media_upgrade_with_a_wrong_signature_is_refused(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005556013")
    identity = CallIdentity(new_sid("CA"), ACCOUNT_SID, new_sid("MZ"), "+15005550006",
                            "+15005556013")  # fmt: skip
    async with httpx.AsyncClient() as http:
        twiml = await post_voice_webhook(
            http, identity, runtime_url=stack.runtime.url, public_base_url=PUBLIC_BASE_URL,
            auth_token=AUTH_TOKEN,
        )  # fmt: skip
    assert twiml.stream_url is not None
    forged = {SIGNATURE_HEADER: twilio_signature("not-the-account-token", twiml.stream_url)}
    with pytest.raises(InvalidStatus) as refused:
        async with connect(
            media_connect_url(twiml.stream_url, stack.runtime.url), additional_headers=forged
        ):
            pass
    assert refused.value.response.status_code == 403
