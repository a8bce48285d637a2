"""Twilio's wire formats: request signatures, TwiML answers, Media Streams frames (no I/O)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit
from xml.sax.saxutils import escape

from switchboard_common.audio import TELEPHONY_MULAW, mulaw_decode
from switchboard_voice_runtime.telephony import media_events as events

SIGNATURE_HEADER = "x-twilio-signature"
_DEFAULT_PORTS = {"https": 443, "wss": 443, "http": 80, "ws": 80}


MAX_FRAME_BYTES = 65_536
"""The largest frame parsed; Twilio's largest (a start frame with parameters) is a few KB."""

MAX_MEDIA_PAYLOAD_BYTES = 8_000
"""One second of mu-law; Twilio sends 160-byte frames, anything far larger is not audio."""

WIRE_FORMAT = TELEPHONY_MULAW
"""Media Streams carry 8 kHz mu-law both ways."""

MAX_FRAME_BRACKETS = 64
"""The most ``{`` and ``[`` a frame may hold (in strings too), counted at C speed before parsing.
Twilio's frames hold fewer than ten; the bound also caps nesting (each level opens one) far
below the depth at which json.loads exhausts its recursion and raises."""


class FrameError(ValueError):
    """A media-stream frame is not valid JSON or lacks what its event needs.

    ``reason`` is a stable label for metrics and logs: ``malformed``, ``oversized`` or
    ``too_complex``.
    """

    def __init__(self, message: str, *, reason: str = "malformed") -> None:
        super().__init__(message)
        self.reason = reason


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


def _attr(value: str) -> str:
    return '"' + escape(value, {'"': "&quot;"}) + '"'


def _response(*verbs: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?><Response>' + "".join(verbs) + "</Response>"


def connect_stream_twiml(stream_url: str, parameters: Mapping[str, str]) -> str:
    """``<Connect><Stream url=...>`` with ``<Parameter>``s (the stream URL carries no query)."""
    params = "".join(
        f"<Parameter name={_attr(name)} value={_attr(value)}/>"
        for name, value in parameters.items()
    )
    return _response(f"<Connect><Stream url={_attr(stream_url)}>{params}</Stream></Connect>")


def say_hangup_twiml(message: str) -> str:
    return _response(f"<Say>{escape(message)}</Say>", "<Hangup/>")


def hangup_twiml() -> str:
    return _response("<Hangup/>")


def reject_twiml(reason: str = "busy") -> str:
    return _response(f"<Reject reason={_attr(reason)}/>")


def dial_twiml(number: str) -> str:
    return _response(f"<Dial>{escape(number)}</Dial>")


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


def _obj(value: object, name: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise FrameError(f"{name} must be an object")
    return value


def _str(container: Mapping[str, object], name: str, *, default: str | None = None) -> str:
    value = container.get(name, default)
    if not isinstance(value, str):
        raise FrameError(f"{name} must be a string")
    return value


def _parse_start(frame: Mapping[str, object]) -> Start:
    start = _obj(frame.get("start"), "start")
    raw_params = _obj(start.get("customParameters", {}), "customParameters")
    params = {str(k): v for k, v in raw_params.items() if isinstance(v, str)}
    media_format = _obj(start.get("mediaFormat", {}), "mediaFormat")
    rate = media_format.get("sampleRate", 8000)
    return Start(
        stream_sid=_str(start, "streamSid", default=_str(frame, "streamSid", default="")),
        call_sid=_str(start, "callSid"),
        account_sid=_str(start, "accountSid", default=""),
        custom_parameters=params,
        encoding=_str(media_format, "encoding", default="audio/x-mulaw"),
        sample_rate_hz=int(rate) if isinstance(rate, int | str) and str(rate).isdigit() else 0,
    )


def _parse_media(frame: Mapping[str, object]) -> Media:
    media = _obj(frame.get("media"), "media")
    try:
        payload = base64.b64decode(_str(media, "payload"), validate=True)
    except binascii.Error as exc:
        raise FrameError("media.payload is not base64") from exc
    stamp = media.get("timestamp")
    timestamp_ms = int(stamp) if isinstance(stamp, str) and stamp.isdigit() else None
    return Media(_str(frame, "streamSid", default=""), payload, timestamp_ms)


def _bracket_count(text: str | bytes) -> int:
    if isinstance(text, str):
        return text.count("{") + text.count("[")
    return text.count(b"{") + text.count(b"[")


def parse_frame(text: str | bytes) -> InboundFrame:
    """Parses one Media Streams JSON frame; unknown events come back as ``Unknown``.

    Frames over MAX_FRAME_BYTES or holding more than MAX_FRAME_BRACKETS brackets are refused
    before ``json.loads`` sees them: deep nesting would exhaust the parser's recursion.
    """
    if len(text) > MAX_FRAME_BYTES:
        raise FrameError("frame is too large", reason="oversized")
    if _bracket_count(text) > MAX_FRAME_BRACKETS:
        raise FrameError("frame holds too many brackets to parse", reason="too_complex")
    try:
        frame = _obj(json.loads(text), "frame")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FrameError("frame is not JSON") from exc
    event = _str(frame, "event")
    sid = frame.get("streamSid")
    stream_sid = sid if isinstance(sid, str) else ""
    match event:
        case "connected":
            return Connected(_str(frame, "protocol", default="Call"))
        case "start":
            return _parse_start(frame)
        case "media":
            return _parse_media(frame)
        case "mark":
            return Mark(stream_sid, _str(_obj(frame.get("mark"), "mark"), "name"))
        case "dtmf":
            return Dtmf(stream_sid, _str(_obj(frame.get("dtmf"), "dtmf"), "digit"))
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
    return json.dumps(body, separators=(",", ":"))


def mark_frame(stream_sid: str, name: str) -> str:
    body = {"event": "mark", "streamSid": stream_sid, "mark": {"name": name}}
    return json.dumps(body, separators=(",", ":"))


def clear_frame(stream_sid: str) -> str:
    return json.dumps({"event": "clear", "streamSid": stream_sid}, separators=(",", ":"))
