"""Placing a Telnyx call: the signed TeXML instruction fetch (GET by default, or a POST form),
and signed Call Control events (``call.initiated`` and what follows), as Telnyx sends them."""

from __future__ import annotations

import json
import secrets
import uuid
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlencode

import httpx

from switchboard_callsim.telnyx_signature import TelnyxSigner
from switchboard_callsim.texml import TexmlOutcome, parse_texml
from switchboard_callsim.twiml import TwimlError
from switchboard_callsim.webhook import CallIdentity, WebhookError, require_ok

TEXML_PATH = "/telephony/telnyx/texml"
CALL_CONTROL_PATH = "/telephony/telnyx/call-control"
API_VERSION = "2010-04-01"
TexmlMethod = Literal["GET", "POST"]


def new_telnyx_identity(
    from_number: str, to_number: str, account_id: str | None = None
) -> CallIdentity:
    """A Telnyx call: ``call_sid`` is the call control id (``v3:...``), ``account_sid`` the
    account's id (a UUID), ``stream_sid`` the stream id (a UUID)."""
    return CallIdentity(
        call_sid="v3:" + secrets.token_urlsafe(40),
        account_sid=account_id or str(uuid.uuid4()),
        stream_sid=str(uuid.uuid4()),
        from_number=from_number,
        to_number=to_number,
    )


def texml_params(
    identity: CallIdentity, connection_id: str = "1494404757140276705"
) -> dict[str, str]:
    """The fields of a TeXML fetch for a ringing inbound call (no Direction/Caller/Called)."""
    return {
        "AccountSid": identity.account_sid,
        "CallSid": identity.call_sid,
        "CallSidLegacy": identity.call_sid,
        "From": identity.from_number,
        "To": identity.to_number,
        "ConnectionId": connection_id,
        "ApiVersion": API_VERSION,
        "CallStatus": "ringing",
    }


async def fetch_texml(
    http: httpx.AsyncClient,
    identity: CallIdentity,
    *,
    runtime_url: str,
    signer: TelnyxSigner,
    method: TexmlMethod = "GET",
    path: str = TEXML_PATH,
    timestamp_s: int | None = None,
) -> TexmlOutcome:
    """Fetches the TeXML: a GET with the fields in the query (signed over an empty body), or a
    POST form (signed over the form body)."""
    params = texml_params(identity)
    url = runtime_url.rstrip("/") + path
    try:
        if method == "GET":
            headers = signer.headers(b"", timestamp_s)
            response = await http.get(url, params=params, headers=headers)
        else:
            body = urlencode(params).encode()
            headers = signer.headers(body, timestamp_s)
            headers["content-type"] = "application/x-www-form-urlencoded"
            response = await http.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise WebhookError(f"TeXML fetch failed: {exc!r}") from exc
    require_ok(response, "TeXML fetch")
    try:
        return parse_texml(response.content)
    except TwimlError as exc:
        raise WebhookError(f"TeXML answer: {exc}") from exc


def call_control_event(
    event_type: str,
    identity: CallIdentity,
    *,
    event_id: str | None = None,
    client_state: str | None = None,
    attempt: int = 1,
    **payload: Any,
) -> bytes:
    """A Call Control webhook body as Telnyx sends it (``data`` + ``meta``)."""
    ccid = identity.call_sid
    body = {
        "data": {
            "record_type": "event",
            "event_type": event_type,
            "id": event_id or str(uuid.uuid4()),
            "occurred_at": datetime.now(UTC).isoformat().replace("+00:00", "Z"),
            "payload": {
                "call_control_id": ccid,
                "call_leg_id": ccid.removeprefix("v3:")[:36],
                "call_session_id": "session-" + ccid.removeprefix("v3:")[:24],
                "connection_id": "1494404757140276705",
                "client_state": client_state,
                "from": identity.from_number,
                "to": identity.to_number,
                **payload,
            },
        },
        "meta": {"attempt": attempt, "delivered_to": CALL_CONTROL_PATH},
    }
    return json.dumps(body).encode()


async def post_event(
    http: httpx.AsyncClient,
    body: bytes,
    *,
    runtime_url: str,
    signer: TelnyxSigner,
    path: str = CALL_CONTROL_PATH,
    timestamp_s: int | None = None,
) -> httpx.Response:
    """POSTs one signed Call Control event; the runtime's response is returned as is."""
    headers = signer.headers(body, timestamp_s) | {"content-type": "application/json"}
    try:
        return await http.post(runtime_url.rstrip("/") + path, content=body, headers=headers)
    except httpx.HTTPError as exc:
        raise WebhookError(f"Call Control event failed: {exc!r}") from exc


def initiated_event(identity: CallIdentity, **extra: Any) -> bytes:
    """``call.initiated`` for an incoming call, parked until answered."""
    return call_control_event(
        "call.initiated", identity, direction="incoming", state="parked", **extra
    )
