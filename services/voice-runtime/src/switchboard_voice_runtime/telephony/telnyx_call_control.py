"""Telnyx Call Control: the JSON webhook events we act on and the command bodies we send
(``POST /v2/calls/{call_control_id}/actions/<action>``). Pure: no I/O.

16 kHz L16 and a stream auth token cannot be set by ``answer``: answer without a stream, then
``streaming_start`` with them (``streaming_start_command``).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import quote

from switchboard_voice_runtime.telephony.telnyx_media import L16_RATES_HZ, Codec
from switchboard_voice_runtime.telephony.telnyx_media import (
    decode_client_state as media_decode_client_state,
)

API_PREFIX = "/v2"
ALREADY_ENDED_STATUS = 422
"""A command on a call that has already ended is answered 422: for a hang-up, that is done."""
MAX_EVENT_BYTES = 65_536


class EventError(ValueError):
    """A Call Control webhook body is not an event we can read."""


@dataclass(frozen=True, slots=True)
class CallControlEvent:
    """One webhook event (``data``); payload fields not used by every event are None."""

    id: str
    event_type: str
    call_control_id: str
    occurred_at: str = ""
    call_leg_id: str = ""
    call_session_id: str = ""
    connection_id: str = ""
    client_state: str | None = None
    direction: str | None = None
    from_number: str | None = None
    to_number: str | None = None
    state: str | None = None
    hangup_cause: str | None = None
    hangup_source: str | None = None
    sip_hangup_cause: str | None = None
    failure_reason: str | None = None
    stream_id: str | None = None
    digit: str | None = None
    attempt: int | None = None
    payload: Mapping[str, object] = field(default_factory=dict)

    @property
    def incoming(self) -> bool:
        """A new inbound call waiting for an answer (``call.initiated``, direction incoming)."""
        return self.event_type == "call.initiated" and self.direction == "incoming"


def _opt(payload: Mapping[str, object], name: str) -> str | None:
    value = payload.get(name)
    return value if isinstance(value, str) else None


def parse_event(body: bytes | str) -> CallControlEvent:
    """Reads ``{"data": {"id", "event_type", "payload": {...}}, "meta": {...}}``."""
    if len(body) > MAX_EVENT_BYTES:
        raise EventError("event body is too large")
    try:
        document = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise EventError("event body is not JSON") from exc
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, dict):
        raise EventError("event has no data object")
    payload = data.get("payload")
    if not isinstance(payload, dict):
        raise EventError("event has no payload object")
    event_id, event_type = data.get("id"), data.get("event_type")
    call_control_id = payload.get("call_control_id")
    for name, value in (("id", event_id), ("event_type", event_type)):
        if not isinstance(value, str) or not value:
            raise EventError(f"event lacks data.{name}")
    if not isinstance(call_control_id, str) or not call_control_id:
        raise EventError("event lacks payload.call_control_id")
    meta = document.get("meta")
    attempt = meta.get("attempt") if isinstance(meta, dict) else None
    return CallControlEvent(
        id=str(event_id),
        event_type=str(event_type),
        call_control_id=call_control_id,
        occurred_at=_opt(data, "occurred_at") or "",
        call_leg_id=_opt(payload, "call_leg_id") or "",
        call_session_id=_opt(payload, "call_session_id") or "",
        connection_id=_opt(payload, "connection_id") or "",
        client_state=_opt(payload, "client_state"),
        direction=_opt(payload, "direction"),
        from_number=_opt(payload, "from"),
        to_number=_opt(payload, "to"),
        state=_opt(payload, "state"),
        hangup_cause=_opt(payload, "hangup_cause"),
        hangup_source=_opt(payload, "hangup_source"),
        sip_hangup_cause=_opt(payload, "sip_hangup_cause"),
        failure_reason=_opt(payload, "failure_reason"),
        stream_id=_opt(payload, "stream_id"),
        digit=_opt(payload, "digit"),
        attempt=attempt if isinstance(attempt, int) and not isinstance(attempt, bool) else None,
        payload=payload,
    )


def encode_client_state(value: str) -> str:
    """``client_state`` travels base64-encoded; Telnyx echoes it on later events."""
    return base64.b64encode(value.encode()).decode()


def decode_client_state(value: str | None) -> str | None:
    """The text we put in ``client_state``; None when absent or not base64 UTF-8."""
    return media_decode_client_state(value) if value else None


# -- commands ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Command:
    """One REST command: POST ``path(call_control_id)`` with ``body`` as JSON."""

    action: str
    body: Mapping[str, object]

    def path(self, call_control_id: str) -> str:
        return f"{API_PREFIX}/calls/{quote(call_control_id, safe=':')}/actions/{self.action}"


def _command(action: str, command_id: str | None, **fields: object) -> Command:
    body = {name: value for name, value in fields.items() if value is not None}
    if command_id is not None:
        body["command_id"] = command_id
    return Command(action, body)


def answer_command(
    *,
    command_id: str,
    stream_url: str | None = None,
    codec: Codec = "PCMU",
    client_state: str | None = None,
    stream_track: str = "inbound_track",
) -> Command:
    """Answers; with ``stream_url`` the bidirectional RTP stream starts at once (8 kHz codecs
    only, no stream auth token: use ``streaming_start_command`` for those)."""
    stream: dict[str, object] = {}
    if stream_url is not None:
        stream = {
            "stream_url": stream_url,
            "stream_track": stream_track,
            "stream_codec": codec,
            "stream_bidirectional_mode": "rtp",
            "stream_bidirectional_codec": codec,
        }
    state = None if client_state is None else encode_client_state(client_state)
    return _command("answer", command_id, client_state=state, **stream)


def streaming_start_command(
    *,
    command_id: str,
    stream_url: str,
    codec: Codec = "PCMU",
    sample_rate_hz: int = 8000,
    auth_token: str | None = None,
    client_state: str | None = None,
    custom_parameters: Mapping[str, str] | None = None,
    stream_track: str = "inbound_track",
) -> Command:
    """Starts the bidirectional RTP stream on an answered call: any codec and rate (L16 at
    16 kHz for wideband), and the token Telnyx must present on the media socket."""
    if sample_rate_hz not in L16_RATES_HZ or (codec != "L16" and sample_rate_hz != 8000):
        raise ValueError(f"{codec} at {sample_rate_hz} Hz cannot be streamed")
    params = None
    if custom_parameters:
        params = [{"name": name, "value": value} for name, value in custom_parameters.items()]
    return _command(
        "streaming_start",
        command_id,
        stream_url=stream_url,
        stream_track=stream_track,
        stream_codec=codec,
        stream_bidirectional_mode="rtp",
        stream_bidirectional_codec=codec,
        stream_bidirectional_sampling_rate=sample_rate_hz,
        stream_auth_token=auth_token,
        client_state=None if client_state is None else encode_client_state(client_state),
        custom_parameters=params,
    )


def hangup_command(*, command_id: str) -> Command:
    return _command("hangup", command_id)


def transfer_command(*, command_id: str, to: str, from_number: str | None = None) -> Command:
    return _command("transfer", command_id, to=to, **{"from": from_number})


def speak_command(
    *, command_id: str, text: str, voice: str = "female", language: str = "en-US"
) -> Command:
    """Speaks ``text`` on an answered call (refusals: speak, then ``hangup`` on
    ``call.speak.ended``)."""
    return _command("speak", command_id, payload=text, voice=voice, language=language)


def reject_command(
    *, command_id: str, cause: Literal["CALL_REJECTED", "USER_BUSY"] = "USER_BUSY"
) -> Command:
    """Refuses a ringing call unanswered."""
    return _command("reject", command_id, cause=cause)


@dataclass(frozen=True, slots=True)
class CommandError:
    code: str
    title: str
    detail: str = ""


def parse_command_errors(body: bytes | str) -> list[CommandError]:
    """The ``{"errors": [{code, title, detail}]}`` of a failed command (empty if unreadable)."""
    try:
        document = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return []
    errors = document.get("errors") if isinstance(document, dict) else None
    if not isinstance(errors, list):
        return []
    return [
        CommandError(str(e.get("code", "")), str(e.get("title", "")), str(e.get("detail", "")))
        for e in errors
        if isinstance(e, dict)
    ]
