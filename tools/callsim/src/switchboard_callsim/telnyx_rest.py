"""A fake Telnyx Call Control REST API for the runtime to command, so a harness sees what a call
was told to do (answer, streaming_start, speak, reject, hangup, transfer) and the simulator can
open the media stream Telnyx would open.

``POST /v2/calls/{call_control_id}/actions/{action}`` with ``Authorization: Bearer <API key>``
(401 otherwise), JSON body. Like Telnyx: a repeated ``command_id`` on a call is answered again
and not recorded twice; a command on a call already hung up or rejected is a 422; a hang-up,
reject or transfer ends the media stream (through ``next_action``, the ``CarrierObserver``).
"""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from switchboard_callsim.carrier import ActionKind, CarrierAction

ACTIONS = ("answer", "streaming_start", "streaming_stop", "speak", "reject", "hangup", "transfer")
_ENDING: dict[str, ActionKind] = {"hangup": "hangup", "reject": "hangup", "transfer": "transfer"}
ALREADY_ENDED_CODE = "90018"


@dataclass(frozen=True, slots=True)
class TelnyxCommand:
    action: str
    call_control_id: str
    body: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StreamRequest:
    """A stream Telnyx would open: from ``answer`` (8 kHz codecs, no token) or
    ``streaming_start`` (any rate, with the stream auth token)."""

    url: str
    codec: str = "PCMU"
    sample_rate_hz: int = 8000
    auth_token: str | None = None
    client_state: str | None = None
    custom_parameters: dict[str, str] = field(default_factory=dict)
    bidirectional_mode: str = "mp3"


def stream_request(command: TelnyxCommand) -> StreamRequest | None:
    """The stream a command starts, if any."""
    body = command.body
    url = body.get("stream_url")
    if command.action not in ("answer", "streaming_start") or not isinstance(url, str):
        return None
    params = body.get("custom_parameters") or []
    custom = {str(p.get("name")): str(p.get("value")) for p in params if isinstance(p, dict)}
    rate = body.get("stream_bidirectional_sampling_rate", 8000)
    return StreamRequest(
        url=url,
        codec=str(body.get("stream_bidirectional_codec", "PCMU")),
        sample_rate_hz=rate if isinstance(rate, int) else 8000,
        auth_token=body.get("stream_auth_token"),
        client_state=body.get("client_state"),
        custom_parameters=custom,
        bidirectional_mode=str(body.get("stream_bidirectional_mode", "mp3")),
    )


def _error(status: int, code: str, title: str, detail: str = "") -> JSONResponse:
    errors = [{"code": code, "title": title, "detail": detail or title}]
    return JSONResponse({"errors": errors}, status_code=status)


class FakeTelnyxRest:
    """Records every command; ``next_command`` yields them per call in order, ``next_action``
    only those that end the media stream (hang-up, reject, transfer)."""

    def __init__(self, api_key: str) -> None:
        self._auth = f"Bearer {api_key}"
        self.fail_next: list[int] = []
        """Statuses to answer the next commands with (not recorded), to script outages."""
        self.commands: list[TelnyxCommand] = []
        self._command_ids: dict[tuple[str, str], TelnyxCommand] = {}
        self._ended: set[str] = set()
        self._all: dict[str, asyncio.Queue[TelnyxCommand]] = {}
        self._actions: dict[str, asyncio.Queue[CarrierAction]] = {}

    def commands_for(self, call_control_id: str) -> list[TelnyxCommand]:
        return [c for c in self.commands if c.call_control_id == call_control_id]

    def _all_queue(self, ccid: str) -> asyncio.Queue[TelnyxCommand]:
        return self._all.setdefault(ccid, asyncio.Queue())

    def _action_queue(self, ccid: str) -> asyncio.Queue[CarrierAction]:
        return self._actions.setdefault(ccid, asyncio.Queue())

    async def next_command(self, call_control_id: str) -> TelnyxCommand:
        return await self._all_queue(call_control_id).get()

    async def next_action(self, call_sid: str) -> CarrierAction:
        return await self._action_queue(call_sid).get()

    def _record(self, command: TelnyxCommand) -> None:
        self.commands.append(command)
        self._all_queue(command.call_control_id).put_nowait(command)
        kind = _ENDING.get(command.action)
        if kind is None:
            return
        self._ended.add(command.call_control_id)
        target = command.body.get("to") if kind == "transfer" else None
        action = CarrierAction(kind, command.call_control_id, str(target) if target else None)
        self._action_queue(command.call_control_id).put_nowait(action)

    def app(self) -> FastAPI:
        app = FastAPI(title="fake Telnyx Call Control API")

        @app.post("/v2/calls/{call_control_id}/actions/{action}")
        async def command(call_control_id: str, action: str, request: Request) -> JSONResponse:
            given = request.headers.get("authorization", "")
            if not secrets.compare_digest(given.encode(), self._auth.encode()):
                return _error(401, "10009", "Authentication failed")
            if self.fail_next:
                return _error(self.fail_next.pop(0), "10007", "Unexpected error")
            if action not in ACTIONS:
                return _error(404, "10005", "Resource not found", f"no action {action!r}")
            try:
                body = await request.json()
            except ValueError:
                return _error(400, "10015", "Bad Request", "the body is not JSON")
            if not isinstance(body, dict):
                return _error(422, "10015", "Invalid parameter", "the body is not an object")
            command_id = body.get("command_id")
            key = (call_control_id, str(command_id))
            if command_id is not None and key in self._command_ids:
                return JSONResponse({"data": {"result": "ok"}})
            if call_control_id in self._ended:
                return _error(422, ALREADY_ENDED_CODE, "Call has already ended")
            recorded = TelnyxCommand(action, call_control_id, body)
            if command_id is not None:
                self._command_ids[key] = recorded
            self._record(recorded)
            return JSONResponse({"data": {"result": "ok"}})

        return app
