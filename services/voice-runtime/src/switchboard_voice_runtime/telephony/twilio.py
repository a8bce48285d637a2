"""Twilio's wire formats: request signatures, TwiML answers, Media Streams frames (no I/O)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit
from xml.sax.saxutils import escape

from switchboard_common.audio import TELEPHONY_MULAW, mulaw_decode
from switchboard_voice_runtime.telephony import media_events as events
from switchboard_voice_runtime.telephony.wire import MAX_FRAME_BRACKETS as MAX_FRAME_BRACKETS
from switchboard_voice_runtime.telephony.wire import MAX_FRAME_BYTES as MAX_FRAME_BYTES
from switchboard_voice_runtime.telephony.wire import FrameError as FrameError
from switchboard_voice_runtime.telephony.wire import dumps, load_frame, obj, xml_attr, xml_response
from switchboard_voice_runtime.telephony.wire import text as str_field

SIGNATURE_HEADER = "x-twilio-signature"
_DEFAULT_PORTS = {"https": 443, "wss": 443, "http": 80, "ws": 80}


MAX_MEDIA_PAYLOAD_BYTES = 8_000
"""One second of mu-law; Twilio sends 160-byte frames, anything far larger is not audio."""

WIRE_FORMAT = TELEPHONY_MULAW
"""Media Streams carry 8 kHz mu-law both ways."""


def compute_signature(auth_token: str, url: str, params: Iterable[tuple[str, str]] = ()) -> str:
    """base64(HMAC-SHA1(auth token, url + sorted name/value pairs)) as Twilio computes it."""
    message = url + "".join(name + value for name, value in sorted(params, key=lambda p: p[0]))
    digest = hmac.new(auth_token.encode(), message.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def _url_variants(url: str) -> tuple[str, str]:
    """The URL with and without its scheme's default port."""
    parts = urlsplit(url)
    default = _DEFAULT_PORTS.get(parts.scheme)
    host = parts.hostname or ""
    if parts.port is not None and parts.port != default:
        return url, url
    with_port = urlunsplit(parts._replace(netloc=f"{host}:{default}"))
    without_port = urlunsplit(parts._replace(netloc=host))
    return with_port, without_port


def verify_signature(
    auth_token: str, url: str, params: Sequence[tuple[str, str]], signature: str | None
) -> bool:
    """True when ``signature`` matches, computed with or without the default port."""
    if not signature or not auth_token:
        return False
    expected = signature.encode()
    return any(
        hmac.compare_digest(compute_signature(auth_token, variant, params).encode(), expected)
        for variant in _url_variants(url)
    )


def verify_json_body(url: str, body: bytes) -> bool:
    """For JSON bodies: the URL's ``bodySHA256`` query value must be the body's hex SHA-256."""
    query = urlsplit(url).query
    for item in query.split("&"):
        name, _, value = item.partition("=")
        if name == "bodySHA256":
            actual = hashlib.sha256(body).hexdigest()
            return hmac.compare_digest(actual.encode(), value.lower().encode())
    return False


def connect_stream_twiml(stream_url: str, parameters: Mapping[str, str]) -> str:
    """``<Connect><Stream url=...>`` with ``<Parameter>``s (the stream URL carries no query)."""
    params = "".join(
        f"<Parameter name={xml_attr(name)} value={xml_attr(value)}/>"
        for name, value in parameters.items()
    )
    return xml_response(f"<Connect><Stream url={xml_attr(stream_url)}>{params}</Stream></Connect>")


def say_hangup_twiml(message: str) -> str:
    return xml_response(f"<Say>{escape(message)}</Say>", "<Hangup/>")


def hangup_twiml() -> str:
    return xml_response("<Hangup/>")


def reject_twiml(reason: str = "busy") -> str:
    return xml_response(f"<Reject reason={xml_attr(reason)}/>")


def dial_twiml(number: str) -> str:
    return xml_response(f"<Dial>{escape(number)}</Dial>")


# -- Media Streams, carrier -> us -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Connected:
    protocol: str


@dataclass(frozen=True, slots=True)
class Start:
    stream_sid: str
    call_sid: str
    account_sid: str
    custom_parameters: Mapping[str, str] = field(default_factory=dict)
    encoding: str = "audio/x-mulaw"
    sample_rate_hz: int = 8000


@dataclass(frozen=True, slots=True)
class Media:
    stream_sid: str
    payload: bytes
    timestamp_ms: int | None = None


@dataclass(frozen=True, slots=True)
class Mark:
    stream_sid: str
    name: str


@dataclass(frozen=True, slots=True)
class Dtmf:
    stream_sid: str
    digit: str


@dataclass(frozen=True, slots=True)
class Stop:
    stream_sid: str


@dataclass(frozen=True, slots=True)
class Unknown:
    event: str


InboundFrame = Connected | Start | Media | Mark | Dtmf | Stop | Unknown


def _parse_start(frame: Mapping[str, object]) -> Start:
    start = obj(frame.get("start"), "start")
    raw_params = obj(start.get("customParameters", {}), "customParameters")
    params = {str(k): v for k, v in raw_params.items() if isinstance(v, str)}
    media_format = obj(start.get("mediaFormat", {}), "mediaFormat")
    rate = media_format.get("sampleRate", 8000)
    return Start(
        stream_sid=str_field(start, "streamSid", default=str_field(frame, "streamSid", default="")),
        call_sid=str_field(start, "callSid"),
        account_sid=str_field(start, "accountSid", default=""),
        custom_parameters=params,
        encoding=str_field(media_format, "encoding", default="audio/x-mulaw"),
        sample_rate_hz=int(rate) if isinstance(rate, int | str) and str(rate).isdigit() else 0,
    )


def _parse_media(frame: Mapping[str, object]) -> Media:
    media = obj(frame.get("media"), "media")
    try:
        payload = base64.b64decode(str_field(media, "payload"), validate=True)
    except binascii.Error as exc:
        raise FrameError("media.payload is not base64") from exc
    stamp = media.get("timestamp")
    timestamp_ms = int(stamp) if isinstance(stamp, str) and stamp.isdigit() else None
    return Media(str_field(frame, "streamSid", default=""), payload, timestamp_ms)


def parse_frame(text: str | bytes) -> InboundFrame:
    """Parses one Media Streams JSON frame; unknown events come back as ``Unknown``.

    Frames over MAX_FRAME_BYTES or holding more than MAX_FRAME_BRACKETS brackets are refused
    before ``json.loads`` sees them: deep nesting would exhaust the parser's recursion.
    """
    frame = load_frame(text)
    event = str_field(frame, "event")
    sid = frame.get("streamSid")
    stream_sid = sid if isinstance(sid, str) else ""
    match event:
        case "connected":
            return Connected(str_field(frame, "protocol", default="Call"))
        case "start":
            return _parse_start(frame)
        case "media":
            return _parse_media(frame)
        case "mark":
            return Mark(stream_sid, str_field(obj(frame.get("mark"), "mark"), "name"))
        case "dtmf":
            return Dtmf(stream_sid, str_field(obj(frame.get("dtmf"), "dtmf"), "digit"))
        case "stop":
            return Stop(stream_sid)
        case _:
            return Unknown(event)


def media_event(frame: InboundFrame) -> events.MediaEvent:
    """The neutral event of a parsed frame; caller audio decoded to 8 kHz PCM16."""
    match frame:
        case Start():
            return events.MediaStarted(
                stream_id=frame.stream_sid,
                carrier_call_id=frame.call_sid,
                caller_format=WIRE_FORMAT.pcm16(),
                custom_parameters=frame.custom_parameters,
            )
        case Media(payload=payload) if len(payload) > MAX_MEDIA_PAYLOAD_BYTES:
            return events.MediaRejected("oversized")
        case Media(payload=payload):
            return events.MediaAudio(mulaw_decode(payload).tobytes())
        case Mark(name=name):
            return events.MediaMark(name)
        case Dtmf(digit=digit):
            return events.MediaDtmf(digit)
        case Stop():
            return events.MediaStopped()
        case Connected():
            return events.MediaIgnored("connected")
        case Unknown(event=event):
            return events.MediaIgnored(event)


# -- Media Streams, us -> carrier -------------------------------------------------------------


def media_frame(stream_sid: str, payload: bytes) -> str:
    encoded = base64.b64encode(payload).decode()
    body = {"event": "media", "streamSid": stream_sid, "media": {"payload": encoded}}
    return dumps(body)


def mark_frame(stream_sid: str, name: str) -> str:
    body = {"event": "mark", "streamSid": stream_sid, "mark": {"name": name}}
    return dumps(body)


def clear_frame(stream_sid: str) -> str:
    return dumps({"event": "clear", "streamSid": stream_sid})
