"""Telnyx Call Control over REST, against the simulator's fake Telnyx API (a paid third party)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

import httpx
import pytest
from fastapi import FastAPI

from switchboard_callsim.telnyx_rest import FakeTelnyxRest
from switchboard_voice_runtime.call.ports import CallControlError
from switchboard_voice_runtime.telephony import telnyx_call_control as cc
from switchboard_voice_runtime.telephony.telnyx_account import TelnyxCallControl

pytestmark = pytest.mark.integration

Serve = Callable[[FastAPI], AbstractAsyncContextManager[str]]
CCID = "v3:call-1"


@pytest.fixture
async def fake_api(serve: Serve) -> AsyncIterator[tuple[FakeTelnyxRest, str]]:
    fake = FakeTelnyxRest("KEY-1")
    async with serve(fake.app()) as base_url:
        yield fake, base_url


def _control(base_url: str, http: httpx.AsyncClient, key: str = "KEY-1") -> TelnyxCallControl:
    return TelnyxCallControl(http, api_key=key, call_control_id=CCID, api_base=base_url)


async def test_answer_stream_and_hang_up(fake_api: tuple[FakeTelnyxRest, str]) -> None:
    fake, base_url = fake_api
    async with httpx.AsyncClient() as http:
        control = _control(base_url, http)
        await control.send(cc.answer_command(command_id="a-1"))
        await control.send(cc.streaming_start_command(
            command_id="s-1", stream_url="wss://rt/m", codec="L16", sample_rate_hz=16000,
            auth_token="tok",
        ))  # fmt: skip
        await control.hang_up()
        await control.hang_up()  # the call already ended: 422, which is done
    commands = fake.commands_for(CCID)
    assert [c.action for c in commands] == ["answer", "streaming_start", "hangup"]
    assert commands[1].body["stream_bidirectional_sampling_rate"] == 16000


async def test_server_errors_are_retried_with_the_same_command_id(
    fake_api: tuple[FakeTelnyxRest, str],
) -> None:
    fake, base_url = fake_api
    fake.fail_next = [503, 500]
    async with httpx.AsyncClient() as http:
        await _control(base_url, http).transfer("+15550001111")
    [transfer] = fake.commands_for(CCID)
    assert transfer.body["to"] == "+15550001111" and transfer.body["command_id"]


async def test_a_refused_command_raises_without_the_key(
    fake_api: tuple[FakeTelnyxRest, str], caplog: pytest.LogCaptureFixture
) -> None:
    fake, base_url = fake_api
    async with httpx.AsyncClient() as http:
        with pytest.raises(CallControlError, match="401"):
            await _control(base_url, http, key="WRONG-KEY").hang_up()
        fake.fail_next = [503, 503, 503]
        with pytest.raises(CallControlError, match="503"):
            await _control(base_url, http).transfer("+15550001111")
    assert fake.commands == []
    assert "WRONG-KEY" not in caplog.text
