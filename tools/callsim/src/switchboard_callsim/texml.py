"""Reading the runtime's TeXML answer: TwiML's verbs, plus what Telnyx needs on ``<Stream>``.

Telnyx plays none of our audio unless ``bidirectionalMode="rtp"`` (its default is ``mp3``), so a
stream answer without it is an error here, as it would be a silent call there.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from switchboard_callsim.twiml import TwimlError, TwimlOutcome, parse_twiml

CODEC_RATES_HZ = {"PCMU": 8000, "PCMA": 8000, "L16": 16000}


@dataclass(frozen=True, slots=True)
class TexmlOutcome:
    """The TwiML outcome, and for a stream the codec and rate Telnyx would use both ways."""

    outcome: TwimlOutcome
    codec: str = "PCMU"
    sample_rate_hz: int = 8000


def parse_texml(body: str | bytes) -> TexmlOutcome:
    outcome = parse_twiml(body)
    if outcome.kind != "stream":
        return TexmlOutcome(outcome)
    stream = next(ET.fromstring(body).iter("Stream"))  # noqa: S314 (parsed above)
    mode = stream.get("bidirectionalMode", "mp3")
    if mode != "rtp":
        raise TwimlError(f'<Stream bidirectionalMode="{mode}">: Telnyx would drop our RTP audio')
    codec = stream.get("bidirectionalCodec", "PCMU")
    if codec not in CODEC_RATES_HZ:
        raise TwimlError(f"<Stream bidirectionalCodec={codec!r}> (PCMU, PCMA or L16)")
    rate_text = stream.get("bidirectionalSamplingRate")
    rate = int(rate_text) if rate_text and rate_text.isdigit() else 8000
    if codec != "L16" and rate != 8000:
        raise TwimlError(f"{codec} at {rate} Hz")
    return TexmlOutcome(outcome, codec, rate)
