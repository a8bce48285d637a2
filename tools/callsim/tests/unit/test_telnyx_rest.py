"""The fake Telnyx REST API: Bearer auth, commands recorded once per command_id, a call that
ended refuses more (422), and the stream an answer or streaming_start asks for is read exactly
from the runtime's own command bodies."""

from __future__ import annotations

import asyncio

import httpx

from switchboard_callsim.carrier import CarrierAction
from switchboard_callsim.telnyx_rest import (
    FakeTelnyxRest,
    StreamRequest,
    TelnyxCommand,
    stream_request,
)
from switchboard_voice_runtime.telephony import telnyx_call_control as cc

CCID = "v3:abc"


def _client(rest: FakeTelnyxRest) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=rest.app())
    headers = {"Authorization": "Bearer key"}
    return httpx.AsyncClient(transport=transport, base_url="http://telnyx.test", headers=headers)


async def _send(client: httpx.AsyncClient, command: cc.Command) -> httpx.Response:
    return await client.post(command.path(CCID), json=dict(command.body))


async def test_commands_need_the_bearer_key_and_are_recorded_once() -> None:
    rest = FakeTelnyxRest("key")
    async with _client(rest) as client:
        answer = cc.answer_command(command_id="a1", stream_url="wss://rt/m", client_state="c")
        refused = await client.post(answer.path(CCID), json=dict(answer.body),
                                    headers={"Authorization": "Bearer nope"})  # fmt: skip
        assert refused.status_code == 401 and refused.json()["errors"][0]["code"] == "10009"
        assert (await _send(client, answer)).status_code == 200
        assert (await _send(client, answer)).status_code == 200  # a retry, same command_id
        unknown = await client.post(f"/v2/calls/{CCID}/actions/fly", json={})
        assert unknown.status_code == 404
    assert [c.action for c in rest.commands_for(CCID)] == ["answer"]
    first = await asyncio.wait_for(rest.next_command(CCID), 1)
    assert first.body["stream_bidirectional_mode"] == "rtp"


async def test_an_ended_call_refuses_commands_and_ends_its_stream() -> None:
    rest = FakeTelnyxRest("key")
    async with _client(rest) as client:
        transfer = cc.transfer_command(command_id="t1", to="+15550001111")
        assert (await _send(client, transfer)).status_code == 200
        late = await _send(client, cc.hangup_command(command_id="h1"))
        assert late.status_code == cc.ALREADY_ENDED_STATUS
        assert cc.parse_command_errors(late.content)[0].title == "Call has already ended"
    action = await asyncio.wait_for(rest.next_action(CCID), 1)
    assert action == CarrierAction("transfer", CCID, "+15550001111")


def test_the_stream_requested_is_read_from_the_runtime_commands() -> None:
    answer = cc.answer_command(command_id="a", stream_url="wss://rt/m", codec="PCMA",
                               client_state="call_1")  # fmt: skip
    request = stream_request(_recorded(answer))
    assert request == StreamRequest(url="wss://rt/m", codec="PCMA", client_state="Y2FsbF8x",
                                    bidirectional_mode="rtp")  # fmt: skip
    start = cc.streaming_start_command(
        command_id="s", stream_url="wss://rt/m", codec="L16", sample_rate_hz=16000,
        auth_token="tok", custom_parameters={"call_token": "t"},
    )  # fmt: skip
    wide = stream_request(_recorded(start))
    assert wide is not None
    assert (wide.codec, wide.sample_rate_hz, wide.auth_token) == ("L16", 16000, "tok")
    assert wide.custom_parameters == {"call_token": "t"}
    assert stream_request(_recorded(cc.answer_command(command_id="b"))) is None
    assert stream_request(_recorded(cc.hangup_command(command_id="h"))) is None


def _recorded(command: cc.Command) -> TelnyxCommand:
    return TelnyxCommand(command.action, CCID, dict(command.body))
