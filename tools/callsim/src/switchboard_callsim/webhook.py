"""Placing the call: the signed Twilio voice webhook, and where the media socket goes."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx

from switchboard_callsim.signature import SIGNATURE_HEADER, twilio_signature
from switchboard_callsim.twiml import TwimlError, TwimlOutcome, parse_twiml

VOICE_PATH = "/telephony/twilio/voice"
API_VERSION = "2010-04-01"


class WebhookError(RuntimeError):
    """The runtime did not answer the voice webhook with usable TwiML."""


def require_ok(response: httpx.Response, what: str) -> None:
    """Raises WebhookError (with the answer's first 300 characters) unless ``what`` answered 200."""
    if response.status_code != 200:
        raise WebhookError(f"{what} answered {response.status_code}: {response.text[:300]}")


def new_sid(prefix: str) -> str:
    """A Twilio-style id: two-letter prefix and 32 lowercase hex digits."""
    return prefix + secrets.token_hex(16)


@dataclass(frozen=True, slots=True)
class CallIdentity:
    call_sid: str
    account_sid: str
    stream_sid: str
    from_number: str
    to_number: str


def voice_params(identity: CallIdentity) -> dict[str, str]:
    """The form fields Twilio posts for a ringing inbound call."""
    return {
        "CallSid": identity.call_sid,
        "AccountSid": identity.account_sid,
        "From": identity.from_number,
        "To": identity.to_number,
        "Caller": identity.from_number,
        "Called": identity.to_number,
        "CallStatus": "ringing",
        "Direction": "inbound",
        "ApiVersion": API_VERSION,
        "FromCountry": "US",
        "ToCountry": "US",
    }


async def post_voice_webhook(
    http: httpx.AsyncClient,
    identity: CallIdentity,
    *,
    runtime_url: str,
    public_base_url: str,
    auth_token: str,
    path: str = VOICE_PATH,
) -> TwimlOutcome:
    """POSTs the webhook to ``runtime_url + path``, signed over ``public_base_url + path``."""
    params = voice_params(identity)
    signature = twilio_signature(auth_token, public_base_url.rstrip("/") + path, params)
    try:
        response = await http.post(
            runtime_url.rstrip("/") + path, data=params, headers={SIGNATURE_HEADER: signature}
        )
    except httpx.HTTPError as exc:
        raise WebhookError(f"voice webhook failed: {exc!r}") from exc
    require_ok(response, "voice webhook")
    try:
        return parse_twiml(response.content)
    except TwimlError as exc:
        raise WebhookError(f"voice webhook answer: {exc}") from exc


def media_connect_url(stream_url: str, runtime_url: str) -> str:
    """The Stream url's path on the runtime actually reachable (ws:// for a local http runtime).

    The carrier signs the Stream url itself; a local runtime listens on plain http, so the
    socket goes to the runtime's host with the same path and query.
    """
    stream = urlsplit(stream_url)
    runtime = urlsplit(runtime_url)
    scheme = "wss" if runtime.scheme == "https" else "ws"
    return urlunsplit((scheme, runtime.netloc, stream.path, stream.query, ""))
