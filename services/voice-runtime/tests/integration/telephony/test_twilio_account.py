"""Twilio REST call control against a local fake of the Calls API."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from urllib.parse import parse_qs

import httpx
import pytest
from fastapi import FastAPI, Request, Response

from switchboard_voice_runtime.call.ports import CallControlError
from switchboard_voice_runtime.telephony.twilio_account import TwilioCallControl

pytestmark = pytest.mark.integration

Serve = Callable[[FastAPI], AbstractAsyncContextManager[str]]
ACCOUNT = "AC" + "0" * 32
CALL_SID = "CA" + "1" * 32


@dataclass
class FakeTwilio:
    """Records Calls API requests; answers with the scripted statuses, then 200."""

    statuses: list[int] = field(default_factory=list)
    requests: list[tuple[str, str, dict[str, list[str]]]] = field(default_factory=list)

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/2010-04-01/Accounts/{account}/Calls/{call}.json")
        async def update(account: str, call: str, request: Request) -> Response:
            form = parse_qs((await request.body()).decode())
            self.requests.append((request.url.path, request.headers.get("authorization", ""), form))
            status = self.statuses.pop(0) if self.statuses else 200
            return Response(f'{{"sid": "{call}"}}', status_code=status)

        return app


@pytest.fixture
async def fake_twilio(serve: Serve) -> AsyncIterator[tuple[FakeTwilio, str]]:
    fake = FakeTwilio()
    async with serve(fake.app()) as base_url:
        yield fake, base_url


def _control(http: httpx.AsyncClient, base_url: str, attempts: int = 3) -> TwilioCallControl:
    return TwilioCallControl(
        http,
        api_base=base_url,
        account_sid=ACCOUNT,
        auth_token="tok",
        call_sid=CALL_SID,
        attempts=attempts,
        timeout_s=2.0,
    )


async def test_hang_up_posts_status_completed_with_basic_auth(
    fake_twilio: tuple[FakeTwilio, str],
) -> None:
    fake, base_url = fake_twilio
    async with httpx.AsyncClient() as http:
        await _control(http, base_url).hang_up()
    path, auth, form = fake.requests[0]
    assert path == f"/2010-04-01/Accounts/{ACCOUNT}/Calls/{CALL_SID}.json"
    assert auth == "Basic " + base64.b64encode(f"{ACCOUNT}:tok".encode()).decode()
    assert form == {"Status": ["completed"]}


async def test_transfer_posts_dial_twiml(fake_twilio: tuple[FakeTwilio, str]) -> None:
    fake, base_url = fake_twilio
    async with httpx.AsyncClient() as http:
        await _control(http, base_url).transfer("+15550003333")
    twiml = fake.requests[0][2]["Twiml"][0]
    assert "<Dial>+15550003333</Dial>" in twiml


async def test_server_errors_are_retried(fake_twilio: tuple[FakeTwilio, str]) -> None:
    fake, base_url = fake_twilio
    fake.statuses = [503, 500]
    async with httpx.AsyncClient() as http:
        await _control(http, base_url).hang_up()
    assert len(fake.requests) == 3


async def test_client_errors_raise_without_retry(fake_twilio: tuple[FakeTwilio, str]) -> None:
    fake, base_url = fake_twilio
    fake.statuses = [404]
    async with httpx.AsyncClient() as http:
        with pytest.raises(CallControlError):
            await _control(http, base_url).hang_up()
    assert len(fake.requests) == 1


async def test_unreachable_api_raises_after_the_attempts() -> None:
    async with httpx.AsyncClient() as http:
        with pytest.raises(CallControlError):
            await _control(http, "http://127.0.0.1:1", attempts=2).hang_up()
