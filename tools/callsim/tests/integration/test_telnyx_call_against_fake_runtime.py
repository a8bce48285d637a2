"""The simulator places Telnyx calls (TeXML and Call Control) against a fake runtime built on the
runtime's own Telnyx wire modules, over real sockets, with the fake Telnyx REST API."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from switchboard_callsim.carrier import FakeTwilioRest
from switchboard_callsim.report import CallReport
from switchboard_callsim.scenario import parse_scenario
from switchboard_callsim.telnyx_rest import FakeTelnyxRest
from switchboard_callsim.telnyx_runner import run_telnyx_call
from switchboard_callsim.telnyx_signature import TelnyxSigner
from switchboard_callsim.webhook import WebhookError
from switchboard_voice_runtime.telephony import telnyx_media as tm

from .conftest import ACCOUNT_SID, AUTH_TOKEN, FakeRuntime, Serve, build_app
from .telnyx_fake_runtime import (
    API_KEY,
    BUSY_NUMBER,
    TRANSFER_NUMBER,
    TelnyxFakeRuntime,
    add_telnyx_routes,
)

FAST = {"after_agent_silence_ms": 200}
CONVERSATION = {
    "name": "telnyx",
    "defaults": FAST,
    "expect": {"ended_by": "caller", "end_reason": "caller_hangup"},
    "steps": [
        {"say": "Hello there", "expect": {"contains": ["calling"], "max_latency_ms": 5000}},
        {"dtmf": "5"},
        {"hangup": True},
    ],
}


@dataclass
class TelnyxStack:
    url: str
    runtime: TelnyxFakeRuntime
    rest: FakeTelnyxRest
    signer: TelnyxSigner


@pytest.fixture
async def telnyx_stack(serve: Serve) -> AsyncIterator[TelnyxStack]:
    signer = TelnyxSigner.generate()
    runtime, rest = TelnyxFakeRuntime(signer), FakeTelnyxRest(API_KEY)
    app = build_app(FakeRuntime(), FakeTwilioRest(ACCOUNT_SID, AUTH_TOKEN))
    add_telnyx_routes(app, runtime)
    app.mount("/telnyx", rest.app())
    async with serve(app) as url:
        runtime.carrier_url = f"{url}/telnyx"
        yield TelnyxStack(url, runtime, rest, signer)


async def place(stack: TelnyxStack, data: dict[str, Any], **kwargs: Any) -> CallReport:
    return await run_telnyx_call(
        parse_scenario(data),
        runtime_url=stack.url,
        signer=kwargs.pop("signer", stack.signer),
        carrier=stack.rest,
        tts_url=stack.url,
        stt_url=stack.url,
        **kwargs,
    )


def _media(runtime: TelnyxFakeRuntime) -> list[tm.Media]:
    return [f for f in runtime.in_order if isinstance(f, tm.Media)]


async def test_a_texml_call_speaks_telnyx_frames_the_runtime_parses(
    telnyx_stack: TelnyxStack,
) -> None:
    report = await place(telnyx_stack, CONVERSATION)
    assert report.passed, (report.checks, report.errors, report.protocol_errors)
    assert report.twiml == "stream" and report.call_sid.startswith("v3:")
    runtime = telnyx_stack.runtime
    method, fields = runtime.fetches[0]
    assert method == "GET" and fields["CallSid"] == fields["CallSidLegacy"] == report.call_sid
    assert "Direction" not in fields and fields["CallStatus"] == "ringing"
    assert runtime.received[0] == tm.Connected("1.0.0", None)
    start = runtime.received[1]
    assert isinstance(start, tm.Start) and start.sequence_number == 1
    assert start.custom_parameters == {"call_token": f"token-{report.call_sid}"}
    assert start.media_format == tm.MediaFormat("PCMU", 8000)
    assert start.stream_id == report.stream_sid
    numbers = [getattr(f, "sequence_number", None) for f in runtime.received[1:]]
    assert numbers == list(range(1, len(numbers) + 1))
    media = _media(runtime)
    assert {len(m.payload) for m in media} == {160}
    assert all(m.timestamp_ms == ((m.chunk or 0) - 1) * 20 for m in media)
    assert [f.digit for f in runtime.in_order if isinstance(f, tm.Dtmf)] == ["5"]
    stop = runtime.in_order[-1]
    assert isinstance(stop, tm.Stop) and stop.call_control_id == report.call_sid
    assert json.loads(runtime.raw[-1])["stop"]["user_id"] == report.account_sid
    assert [m.name for m in report.marks][:2] == ["greeting", "t1"]
    assert all(m.echoed_ms is not None for m in report.marks)


async def test_a_posted_texml_fetch_and_a_pcma_call(telnyx_stack: TelnyxStack) -> None:
    telnyx_stack.runtime.codec = "PCMA"
    report = await place(telnyx_stack, CONVERSATION, texml_method="POST")
    assert report.passed, (report.checks, report.errors, report.protocol_errors)
    assert telnyx_stack.runtime.fetches[0][0] == "POST"
    start = telnyx_stack.runtime.received[1]
    assert isinstance(start, tm.Start) and start.media_format.codec == "PCMA"
    assert report.turns[1].agent_text == "Thanks for calling!"


async def test_a_call_control_l16_call_with_a_stream_token(telnyx_stack: TelnyxStack) -> None:
    runtime = telnyx_stack.runtime
    runtime.codec, runtime.sample_rate_hz, runtime.stream_token = "L16", 16000, "s3cret-token"
    report = await place(telnyx_stack, CONVERSATION, mode="call_control")
    assert report.passed, (report.checks, report.errors, report.protocol_errors)
    actions = [c.action for c in telnyx_stack.rest.commands_for(report.call_sid)]
    assert actions == ["answer", "streaming_start"]
    assert runtime.upgrade_token == "s3cret-token"
    assert runtime.received[0] == tm.Connected("1.0.0", "s3cret-token")
    start = runtime.received[1]
    assert isinstance(start, tm.Start)
    assert start.media_format == tm.MediaFormat("L16", 16000)
    assert start.client_state is not None
    assert start.custom_parameters == {"call_token": f"token-{report.call_sid}"}
    assert {len(m.payload) for m in _media(runtime)} == {640}
    assert report.turns[1].latency_ms is not None
    kinds = [e.event_type for e in runtime.events]
    assert kinds == ["call.initiated", "call.answered", "streaming.started", "call.hangup"]
    assert runtime.events[-1].hangup_source == "caller"


async def test_an_unknown_number_is_rejected_through_the_rest_api(
    telnyx_stack: TelnyxStack,
) -> None:
    scenario = {"name": "busy", "to_number": BUSY_NUMBER, "steps": [{"hangup": True}]}
    report = await place(telnyx_stack, scenario, mode="call_control")
    assert (report.twiml, report.ended_by, report.end_reason) == ("reject", "runtime", "USER_BUSY")
    texml = await place(telnyx_stack, scenario)
    assert (texml.twiml, texml.end_reason) == ("reject", "busy")


async def test_reordered_and_repeated_media_is_put_back_in_order(
    telnyx_stack: TelnyxStack,
) -> None:
    report = await place(telnyx_stack, CONVERSATION, disorder_every=7)
    assert report.passed, (report.checks, report.errors)
    stats = telnyx_stack.runtime.reorderer.stats
    assert stats.reordered > 0 and stats.duplicates > 0 and stats.lost == 0
    chunks = [m.chunk for m in _media(telnyx_stack.runtime)]
    assert chunks == list(range(1, len(chunks) + 1))


async def test_a_transfer_through_the_rest_api_ends_the_stream(telnyx_stack: TelnyxStack) -> None:
    scenario = {"name": "transfer", "defaults": FAST, "steps": [{"dtmf": "0"}, {"wait_ms": 3000}]}
    report = await place(telnyx_stack, scenario, mode="call_control")
    assert report.end_reason == "transferred"
    assert report.carrier_actions == [
        {"kind": "transfer", "target": TRANSFER_NUMBER, "twiml": None}
    ]


async def test_a_call_signed_with_another_key_is_refused(telnyx_stack: TelnyxStack) -> None:
    with pytest.raises(WebhookError, match="403"):
        await place(telnyx_stack, CONVERSATION, signer=TelnyxSigner.generate())
