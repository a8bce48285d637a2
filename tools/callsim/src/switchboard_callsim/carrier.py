"""A fake Twilio REST API for the runtime to call, so a harness can see hang-ups and transfers.

The simulator cannot see the runtime's REST calls to the carrier; the harness points the runtime
at this fake (``VOICE_RUNTIME_TWILIO__API_BASE``) and hands it to ``run_call`` as the carrier
observer. Like Twilio, completing or redirecting a call ends its media stream.
"""

from __future__ import annotations

import asyncio
import base64
import secrets
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Literal, Protocol
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

ActionKind = Literal["hangup", "transfer", "redirect"]


@dataclass(frozen=True, slots=True)
class CarrierAction:
    """One REST call-update the runtime made: hang up, transfer (``target``), or other TwiML."""

    kind: ActionKind
    call_sid: str
    target: str | None = None
    twiml: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"kind": self.kind, "target": self.target, "twiml": self.twiml}


class CarrierObserver(Protocol):
    """Where the simulator learns what the runtime asked of the carrier for a call."""

    async def next_action(self, call_sid: str) -> CarrierAction:
        """Waits for the runtime's next REST action on ``call_sid``."""


def _dial_target(twiml: str) -> str | None:
    try:
        root = ET.fromstring(twiml)  # noqa: S314
    except ET.ParseError:
        return None
    for dial in root.iter("Dial"):
        number = dial.find("Number")
        text = number.text if number is not None else dial.text
        return (text or "").strip() or None
    return None


def classify(call_sid: str, form: dict[str, str]) -> CarrierAction:
    """What a call-update form asks for."""
    if form.get("Status") == "completed":
        return CarrierAction("hangup", call_sid)
    twiml = form.get("Twiml")
    if twiml:
        target = _dial_target(twiml)
        return CarrierAction("transfer" if target else "redirect", call_sid, target, twiml)
    return CarrierAction("redirect", call_sid, twiml=form.get("Url"))


class FakeTwilioRest:
    """``POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json`` with basic auth."""

    def __init__(self, account_sid: str, auth_token: str) -> None:
        self.account_sid = account_sid
        self._auth = "Basic " + base64.b64encode(f"{account_sid}:{auth_token}".encode()).decode()
        self.actions: list[CarrierAction] = []
        self._queues: dict[str, asyncio.Queue[CarrierAction]] = {}

    def _queue(self, call_sid: str) -> asyncio.Queue[CarrierAction]:
        return self._queues.setdefault(call_sid, asyncio.Queue())

    async def next_action(self, call_sid: str) -> CarrierAction:
        return await self._queue(call_sid).get()

    def app(self) -> FastAPI:
        app = FastAPI(title="fake Twilio REST API")

        @app.post("/2010-04-01/Accounts/{account_sid}/Calls/{call_sid}.json")
        async def update_call(account_sid: str, call_sid: str, request: Request) -> JSONResponse:
            authorized = secrets.compare_digest(
                request.headers.get("authorization", ""), self._auth
            )
            if not authorized or account_sid != self.account_sid:
                return JSONResponse({"code": 20003, "message": "Authenticate"}, status_code=401)
            form = dict(parse_qsl((await request.body()).decode(), keep_blank_values=True))
            action = classify(call_sid, form)
            self.actions.append(action)
            self._queue(call_sid).put_nowait(action)
            status = "completed" if action.kind == "hangup" else "in-progress"
            return JSONResponse({"sid": call_sid, "account_sid": account_sid, "status": status})

        return app
