"""Telnyx media WebSocket frames: parse what Telnyx sends, format what we send, and convert the
RTP payloads (PCMU, PCMA at 8 kHz; L16 big-endian, 16 kHz for wideband) to and from PCM16.
Pure: no I/O. Inbound order is not guaranteed: see ``reorder.SequenceReorderer``."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from switchboard_common.audio import AudioEncoding, AudioFormat, decode, encode
from switchboard_voice_runtime.telephony import media_events as events
from switchboard_voice_runtime.telephony.wire import (
    FrameError,
    counter,
    dumps,
    load_frame,
    obj,
    optional_text,
    text,
)

Codec = Literal["PCMU", "PCMA", "L16"]
CODECS: tuple[Codec, ...] = ("PCMU", "PCMA", "L16")
AUTH_TOKEN_FIELD = "x-telnyx-streaming-auth-token"  # noqa: S105 (a field name, not a secret)
"""The stream auth token's name: the upgrade's header, and the ``connected`` frame's field."""

_ENCODING_ALIASES: dict[str, Codec] = {
    "PCMU": "PCMU",
    "AUDIO/X-MULAW": "PCMU",
    "PCMA": "PCMA",
    "AUDIO/X-ALAW": "PCMA",
    "L16": "L16",
}
_ENCODINGS = {"PCMU": AudioEncoding.MULAW, "PCMA": AudioEncoding.ALAW, "L16": AudioEncoding.L16}
_G711_RATE_HZ = 8000
L16_RATES_HZ = (8000, 16000, 22050, 24000, 48000)


@dataclass(frozen=True, slots=True)
class MediaFormat:
    """``start.media_format``: the inbound stream's codec and rate. We ask for the same codec
    both ways (``stream_codec`` / TeXML ``codec`` equal to the bidirectional codec)."""

    codec: Codec
    sample_rate_hz: int
    channels: int = 1

    @property
    def audio_format(self) -> AudioFormat:
        """The payload's format as the common audio types name it."""
        return AudioFormat(_ENCODINGS[self.codec], self.sample_rate_hz)

    def frame_bytes(self, duration_ms: int = 20) -> int:
        return self.audio_format.bytes_for_ms(duration_ms)


def media_format(codec: str, sample_rate_hz: int, channels: int = 1) -> MediaFormat:
    """A checked ``MediaFormat``: G.711 at 8 kHz, L16 at one of Telnyx's rates, mono."""
    known = _ENCODING_ALIASES.get(codec.upper())
    if known is None:
        raise FrameError(f"unsupported media encoding {codec!r} (PCMU, PCMA or L16)")
    if known != "L16" and sample_rate_hz != _G711_RATE_HZ:
        raise FrameError(f"{known} is 8000 Hz, not {sample_rate_hz}")
    if known == "L16" and sample_rate_hz not in L16_RATES_HZ:
        raise FrameError(f"L16 sample rate {sample_rate_hz} Hz is not one Telnyx sends")
    if channels != 1:
        raise FrameError(f"{channels} channels (mono only)")
    return MediaFormat(known, sample_rate_hz, channels)


def decode_payload(fmt: MediaFormat, payload: bytes) -> npt.NDArray[np.int16]:
    """RTP payload bytes to PCM16 samples at ``fmt.sample_rate_hz``."""
    if fmt.codec == "L16" and len(payload) % 2:
        raise FrameError("L16 payload has an odd number of bytes")
    return decode(payload, _ENCODINGS[fmt.codec])


def encode_payload(fmt: MediaFormat, pcm: npt.NDArray[np.int16]) -> bytes:
    """PCM16 samples at ``fmt.sample_rate_hz`` to RTP payload bytes."""
    return encode(pcm, _ENCODINGS[fmt.codec])


def send_format(codec: Codec) -> AudioFormat:
    """What the call core hands a Telnyx media connection for ``codec``: mu-law as the TTS
    service streams it for PCMU, PCM16 at the stream's rate otherwise (encoded at the socket)."""
    if codec == "PCMU":
        return AudioFormat(AudioEncoding.MULAW, _G711_RATE_HZ)
    return AudioFormat(AudioEncoding.PCM16, 16_000 if codec == "L16" else _G711_RATE_HZ)


# -- carrier -> us ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Connected:
    version: str
    auth_token: str | None = None


@dataclass(frozen=True, slots=True)
class Start:
    sequence_number: int | None
    stream_id: str
    call_control_id: str
    media_format: MediaFormat
    call_session_id: str = ""
    from_number: str = ""
    to_number: str = ""
    client_state: str | None = None
    custom_parameters: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Media:
    sequence_number: int | None
    stream_id: str
    payload: bytes
    track: str = "inbound"
    chunk: int | None = None
    timestamp_ms: int | None = None


@dataclass(frozen=True, slots=True)
class Dtmf:
    sequence_number: int | None
    stream_id: str
    digit: str


@dataclass(frozen=True, slots=True)
class Mark:
    sequence_number: int | None
    stream_id: str
    name: str


@dataclass(frozen=True, slots=True)
class Clear:
    stream_id: str


@dataclass(frozen=True, slots=True)
class Stop:
    sequence_number: int | None
    stream_id: str
    call_control_id: str = ""


@dataclass(frozen=True, slots=True)
class StreamError:
    """An ``error`` frame: the stream failed (``code``, ``title``, ``detail`` from Telnyx)."""

    sequence_number: int | None
    stream_id: str
    code: str
    title: str = ""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Unknown:
    event: str


InboundFrame = Connected | Start | Media | Dtmf | Mark | Clear | Stop | StreamError | Unknown


def _parse_start(frame: Mapping[str, object], seq: int | None, stream_id: str) -> Start:
    start = obj(frame.get("start"), "start")
    raw_params = obj(start.get("custom_parameters") or {}, "custom_parameters")
    params = {str(k): v for k, v in raw_params.items() if isinstance(v, str)}
    fmt = obj(start.get("media_format"), "media_format")
    rate = counter(fmt, "sample_rate")
    channels = counter(fmt, "channels")
    return Start(
        sequence_number=seq,
        stream_id=stream_id,
        call_control_id=text(start, "call_control_id"),
        media_format=media_format(
            text(fmt, "encoding"), rate if rate is not None else 8000, channels or 1
        ),
        call_session_id=text(start, "call_session_id", default=""),
        from_number=text(start, "from", default=""),
        to_number=text(start, "to", default=""),
        client_state=optional_text(start, "client_state"),
        custom_parameters=params,
    )


def _parse_media(frame: Mapping[str, object], seq: int | None, stream_id: str) -> Media:
    media = obj(frame.get("media"), "media")
    try:
        payload = base64.b64decode(text(media, "payload"), validate=True)
    except binascii.Error as exc:
        raise FrameError("media.payload is not base64") from exc
    return Media(
        sequence_number=seq,
        stream_id=stream_id,
        payload=payload,
        track=text(media, "track", default="inbound"),
        chunk=counter(media, "chunk"),
        timestamp_ms=counter(media, "timestamp"),
    )


def _parse_error(frame: Mapping[str, object], seq: int | None, stream_id: str) -> StreamError:
    body = obj(frame.get("payload") or frame.get("error") or {}, "payload")
    code = body.get("code")
    return StreamError(
        sequence_number=seq,
        stream_id=stream_id,
        code=str(code) if isinstance(code, str | int) else "",
        title=text(body, "title", default=""),
        detail=text(body, "detail", default=""),
    )


def parse_frame(raw: str | bytes) -> InboundFrame:
    """Parses one Telnyx media frame; an unknown event comes back as ``Unknown``, a malformed
    frame raises ``FrameError``."""
    frame = load_frame(raw)
    event = text(frame, "event")
    seq = counter(frame, "sequence_number")
    stream_id = text(frame, "stream_id", default="")
    match event:
        case "connected":
            token = optional_text(frame, AUTH_TOKEN_FIELD)
            return Connected(text(frame, "version", default=""), token)
        case "start":
            return _parse_start(frame, seq, stream_id)
        case "media":
            return _parse_media(frame, seq, stream_id)
        case "dtmf":
            return Dtmf(seq, stream_id, text(obj(frame.get("dtmf"), "dtmf"), "digit"))
        case "mark":
            return Mark(seq, stream_id, text(obj(frame.get("mark"), "mark"), "name"))
        case "clear":
            return Clear(stream_id)
        case "stop":
            stop = obj(frame.get("stop") or {}, "stop")
            return Stop(seq, stream_id, text(stop, "call_control_id", default=""))
        case "error":
            return _parse_error(frame, seq, stream_id)
        case _:
            return Unknown(event)


# -- us -> carrier ----------------------------------------------------------------------------


def media_frame(payload: bytes) -> str:
    """Audio to play (RTP mode: 20 ms up to 30 s of the stream's codec, no RTP header)."""
    return dumps({"event": "media", "media": {"payload": base64.b64encode(payload).decode()}})


def mark_frame(name: str) -> str:
    return dumps({"event": "mark", "mark": {"name": name}})


def clear_frame() -> str:
    return dumps({"event": "clear"})


# -- neutral events ---------------------------------------------------------------------------

MAX_MEDIA_PAYLOAD_BYTES = 16_000
"""The largest inbound media payload taken (Telnyx sends 20 ms: 160 bytes, 640 for L16 16 kHz)."""


def media_event(frame: InboundFrame, fmt: MediaFormat | None) -> events.MediaEvent:
    """The neutral event of a frame (``fmt``: the stream's, from its ``start``), caller audio
    decoded to little-endian PCM16 at the stream's rate. ``start`` carries its parameters, with
    the decoded ``client_state`` as ``client_state`` (Call Control binds the call token there)."""
    match frame:
        case Start():
            params = dict(frame.custom_parameters)
            if frame.client_state:
                state = decode_client_state(frame.client_state)
                if state is not None:
                    params.setdefault("client_state", state)
            return events.MediaStarted(
                stream_id=frame.stream_id,
                carrier_call_id=frame.call_control_id,
                caller_format=frame.media_format.audio_format.pcm16(),
                custom_parameters=params,
            )
        case Media(payload=payload) if len(payload) > MAX_MEDIA_PAYLOAD_BYTES:
            return events.MediaRejected("oversized")
        case Media(track=track) if track not in ("inbound", "inbound_track"):
            return events.MediaIgnored(f"media:{track}")
        case Media(payload=payload) if fmt is None:
            return events.MediaRejected("before_start")
        case Media(payload=payload):
            assert fmt is not None
            try:
                pcm = decode_payload(fmt, payload)
            except FrameError as exc:
                return events.MediaRejected(exc.reason)
            return events.MediaAudio(pcm.astype("<i2", copy=False).tobytes(), frame.sequence_number)
        case Mark(name=name):
            return events.MediaMark(name)
        case Dtmf(digit=digit):
            return events.MediaDtmf(digit)
        case Stop():
            return events.MediaStopped()
        case StreamError(code=code):
            return events.MediaIgnored(f"error:{code}")
        case Connected() | Clear():
            return events.MediaIgnored(type(frame).__name__.lower())
        case Unknown(event=event):
            return events.MediaIgnored(event)


def decode_client_state(value: str) -> str | None:
    """``client_state`` as we set it (base64 text); None when it is not."""
    try:
        return base64.b64decode(value, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
