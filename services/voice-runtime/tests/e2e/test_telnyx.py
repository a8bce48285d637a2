"""Whole calls over Telnyx through the real runtime, STT and TTS: TeXML and Call Control, PCMU,
PCMA and 16 kHz L16; forged webhooks and media sockets without the stream token are refused."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from switchboard_callsim import TelnyxSigner
from switchboard_callsim.telnyx_webhook import (
    CALL_CONTROL_PATH,
    TEXML_PATH,
    initiated_event,
    new_telnyx_identity,
    texml_params,
)
from switchboard_callsim.webhook import WebhookError

from .checks import assert_call
from .stack import E2EStack
from .telnyx_stack import telnyx_runtime
from .tenants import Tenants, call_events

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="session")]


async def test_a_texml_call_and_a_call_control_call_are_answered(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005557001", carrier="telnyx")
    async with telnyx_runtime(stack) as telnyx:
        for mode in ("texml", "call_control"):
            report = await telnyx.call("happy", to_number="+15005557001", mode=mode)
            events = await call_events(stack.redis, report.call_sid)
            assert_call(report, events)
            assert events.started.carrier == "telnyx", mode
            assert "Monday" in events.turns[0].agent_text, mode
            assert report.marks and all(m.echoed_ms is not None for m in report.marks)
        actions = [c.action for c in telnyx.rest.commands_for(report.call_sid)]
        assert actions == ["answer", "streaming_start"]
        start = telnyx.rest.commands_for(report.call_sid)[1].body
        assert start["stream_auth_token"] and start["stream_bidirectional_mode"] == "rtp"


async def test_a_wideband_l16_call_control_call(stack: E2EStack, tenants: Tenants) -> None:
    await tenants.publish("+15005557002", carrier="telnyx")
    async with telnyx_runtime(stack, codec="L16") as telnyx:
        report = await telnyx.call(
            "happy", to_number="+15005557002", mode="call_control", disorder_every=9
        )
        events = await call_events(stack.redis, report.call_sid)
        assert_call(report, events)
        start = telnyx.rest.commands_for(report.call_sid)[1].body
        assert (
            start["stream_bidirectional_codec"],
            start["stream_bidirectional_sampling_rate"],
        ) == (
            "L16",
            16000,
        )


async def test_a_pcma_texml_call(stack: E2EStack, tenants: Tenants) -> None:
    await tenants.publish("+15005557003", carrier="telnyx")
    async with telnyx_runtime(stack, codec="PCMA") as telnyx:
        report = await telnyx.call("happy", to_number="+15005557003", texml_method="POST")
        assert_call(report, await call_events(stack.redis, report.call_sid))


async def test_unknown_and_other_carrier_numbers_hear_the_refusal(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005557004")  # a Twilio number: not Telnyx's to route
    async with telnyx_runtime(stack) as telnyx:
        for number in ("+15005557999", "+15005557004"):
            texml = await telnyx.call("unknown_number", to_number=number)
            assert (texml.twiml, texml.ended_by) == ("hangup", "runtime")
            assert "not in service" in texml.twiml_said[0]
            control = await telnyx.call("unknown_number", to_number=number, mode="call_control")
            assert control.twiml == "say" and "not in service" in control.twiml_said[0]
            actions = [c.action for c in telnyx.rest.commands_for(control.call_sid)]
            assert actions == ["answer", "speak", "hangup"]


async def test_forged_and_replayed_webhooks_are_refused(stack: E2EStack, tenants: Tenants) -> None:
    await tenants.publish("+15005557005", carrier="telnyx")
    async with telnyx_runtime(stack) as telnyx, httpx.AsyncClient() as http:
        url = telnyx.runtime.url
        identity = new_telnyx_identity("+15005550006", "+15005557005")
        body = initiated_event(identity)
        forger = TelnyxSigner.generate()
        stale = telnyx.signer.headers(body, int(time.time()) - 400)
        cases = {
            "bad signature": forger.headers(body),
            "stale timestamp": stale,
            "missing headers": {},
            "tampered body": telnyx.signer.headers(body + b" "),
        }
        for case, headers in cases.items():
            refused = await http.post(url + CALL_CONTROL_PATH, content=body, headers=headers)
            assert refused.status_code == 403, case
            get_headers = forger.headers(b"") if case == "tampered body" else headers
            params = texml_params(identity)
            fetch = await http.get(url + TEXML_PATH, params=params, headers=get_headers)
            assert fetch.status_code == 403, case
        assert telnyx.rest.commands == []
        signed = telnyx.signer.headers(body)
        assert (
            await http.post(url + CALL_CONTROL_PATH, content=body, headers=signed)
        ).status_code == 200
        replay = await http.post(url + CALL_CONTROL_PATH, content=body, headers=signed)
        assert replay.status_code == 200
        actions = [c.action for c in telnyx.rest.commands_for(identity.call_sid)]
        assert actions == ["answer", "streaming_start"]  # the replay did nothing more
        with pytest.raises(WebhookError, match="403"):
            await telnyx.call("happy", to_number="+15005557005", signer=forger)


async def test_a_media_socket_without_the_stream_token_is_refused(
    stack: E2EStack, tenants: Tenants
) -> None:
    await tenants.publish("+15005557006", carrier="telnyx")
    async with telnyx_runtime(stack) as telnyx, httpx.AsyncClient() as http:
        url = telnyx.runtime.url
        identity = new_telnyx_identity("+15005550006", "+15005557006")
        body = initiated_event(identity)
        answered = await http.post(
            url + CALL_CONTROL_PATH, content=body, headers=telnyx.signer.headers(body)
        )
        assert answered.status_code == 200
        start = telnyx.rest.commands_for(identity.call_sid)[1].body
        call_token = start["custom_parameters"][0]["value"]
        ws_url = url.replace("http", "ws", 1) + "/telephony/telnyx/media"
        received: list[str] = []
        async with connect(ws_url) as ws:  # no x-telnyx-streaming-auth-token anywhere
            await ws.send(json.dumps({"event": "connected", "version": "1.0.0"}))
            start_frame = {
                "event": "start", "sequence_number": "1", "stream_id": "s-1",
                "start": {"call_control_id": identity.call_sid,
                          "custom_parameters": {"call_token": call_token},
                          "media_format": {"encoding": "PCMU", "sample_rate": 8000,
                                           "channels": 1}},
            }  # fmt: skip
            await ws.send(json.dumps(start_frame))
            try:
                async for message in ws:
                    received.append(str(message))
            except ConnectionClosed:
                pass
        assert not [m for m in received if '"media"' in m], "no greeting for an unproven socket"
