"""Telnyx TeXML: reading the instruction fetch (GET query or POST form) and writing the answer
documents. Pure: no I/O.

The answer that puts a call on our media socket is ``<Connect><Stream bidirectionalMode="rtp">``:
``bidirectionalMode`` defaults to ``mp3`` at Telnyx, which would drop every RTP frame we send.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape

from switchboard_voice_runtime.telephony.telnyx_media import Codec
from switchboard_voice_runtime.telephony.wire import xml_attr, xml_response

TEXML_RATES_HZ = (8000, 16000, 24000)
"""``bidirectionalSamplingRate`` values TeXML accepts."""


class TexmlRequestError(ValueError):
    """The instruction fetch lacks a field every Telnyx fetch carries (``field`` names it)."""

    def __init__(self, field: str) -> None:
        super().__init__(f"TeXML fetch lacks {field}")
        self.field = field


@dataclass(frozen=True, slots=True)
class TexmlCall:
    """What a TeXML instruction fetch says about the ringing call. ``call_sid`` is the call
    control id (``v3:...``), usable with the Call Control commands."""

    account_sid: str
    call_sid: str
    from_number: str
    to_number: str
    connection_id: str = ""
    call_status: str = ""
    api_version: str = ""


def parse_texml_request(fields: Mapping[str, str]) -> TexmlCall:
    """Reads the fetch's fields (the query of a GET, the form of a POST)."""

    def need(name: str) -> str:
        value = fields.get(name, "")
        if not value:
            raise TexmlRequestError(name)
        return value

    return TexmlCall(
        account_sid=need("AccountSid"),
        call_sid=fields.get("CallSid") or need("CallSidLegacy"),
        from_number=need("From"),
        to_number=need("To"),
        connection_id=fields.get("ConnectionId", ""),
        call_status=fields.get("CallStatus", ""),
        api_version=fields.get("ApiVersion", ""),
    )


def connect_stream_texml(
    stream_url: str,
    parameters: Mapping[str, str],
    *,
    codec: Codec = "PCMU",
    sample_rate_hz: int | None = None,
    track: str = "inbound_track",
) -> str:
    """``<Connect><Stream url bidirectionalMode="rtp" bidirectionalCodec>`` with
    ``<Parameter>``s (they arrive in ``start.custom_parameters``); for PCMU and PCMA the inbound
    stream (``codec``) is asked in the same codec. ``sample_rate_hz`` sets
    ``bidirectionalSamplingRate`` (8000, 16000 or 24000; Telnyx's default is 8000)."""
    if sample_rate_hz is not None and sample_rate_hz not in TEXML_RATES_HZ:
        raise ValueError(f"bidirectionalSamplingRate {sample_rate_hz} is not one TeXML accepts")
    rate = (
        ""
        if sample_rate_hz is None
        else f" bidirectionalSamplingRate={xml_attr(str(sample_rate_hz))}"
    )
    params = "".join(
        f"<Parameter name={xml_attr(name)} value={xml_attr(value)}/>"
        for name, value in parameters.items()
    )
    # the inbound stream in the same codec (TeXML transcodes only between PCMU and PCMA)
    inbound = "" if codec == "L16" else f" codec={xml_attr(codec)}"
    stream = (
        f"<Stream url={xml_attr(stream_url)} track={xml_attr(track)}{inbound}"
        f' bidirectionalMode="rtp" bidirectionalCodec={xml_attr(codec)}{rate}>'
        f"{params}</Stream>"
    )
    return xml_response(f"<Connect>{stream}</Connect>")


def say_hangup_texml(message: str, *, voice: str | None = None) -> str:
    """Speaks ``message`` (Telnyx's TTS) and hangs up: the polite refusal."""
    voice_attr = "" if voice is None else f" voice={xml_attr(voice)}"
    return xml_response(f"<Say{voice_attr}>{escape(message)}</Say>", "<Hangup/>")


def hangup_texml() -> str:
    return xml_response("<Hangup/>")


def reject_texml(reason: str = "busy") -> str:
    """Refuses the call unanswered (``busy`` or ``rejected``): nothing is billed."""
    if reason not in ("busy", "rejected"):
        raise ValueError("reason is busy or rejected")
    return xml_response(f"<Reject reason={xml_attr(reason)}/>")


def dial_texml(number: str) -> str:
    """Transfers the call (the answer to a redirect of a TeXML call)."""
    return xml_response(f"<Dial><Number>{escape(number)}</Number></Dial>")
