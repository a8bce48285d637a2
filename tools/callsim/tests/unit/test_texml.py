"""Reading TeXML answers: the runtime's documents and the documented example, and a stream
without ``bidirectionalMode="rtp"`` (Telnyx would play nothing) is an error."""

from __future__ import annotations

import pytest

from switchboard_callsim.texml import parse_texml
from switchboard_callsim.twiml import TwimlError
from switchboard_voice_runtime.telephony import telnyx_texml as tx

DOCUMENTED = (
    '<Response><Connect><Stream url="wss://example.test/media" bidirectionalMode="rtp"'
    ' bidirectionalCodec="PCMU"><Parameter name="call_token" value="tok"/></Stream>'
    "</Connect></Response>"
)


def test_the_documented_answer_and_the_runtimes_answers_parse() -> None:
    documented = parse_texml(DOCUMENTED)
    assert documented.outcome.stream_url == "wss://example.test/media"
    assert documented.outcome.parameters == {"call_token": "tok"}
    assert (documented.codec, documented.sample_rate_hz) == ("PCMU", 8000)
    wide = parse_texml(tx.connect_stream_texml("wss://x/m", {"a": "b"}, codec="L16",
                                               sample_rate_hz=16000))  # fmt: skip
    assert (wide.codec, wide.sample_rate_hz, wide.outcome.parameters) == ("L16", 16000, {"a": "b"})
    said = parse_texml(tx.say_hangup_texml("We are closed."))
    assert (said.outcome.kind, said.outcome.said) == ("hangup", ("We are closed.",))
    assert parse_texml(tx.reject_texml()).outcome.reason == "busy"


@pytest.mark.parametrize(
    ("document", "needle"),
    [
        ('<Response><Connect><Stream url="wss://x"/></Connect></Response>', "mp3"),
        (DOCUMENTED.replace("PCMU", "OPUS"), "OPUS"),
        (DOCUMENTED.replace('"PCMU"', '"PCMU" bidirectionalSamplingRate="16000"'), "16000"),
    ],
)
def test_streams_telnyx_would_not_play_are_errors(document: str, needle: str) -> None:
    with pytest.raises(TwimlError, match=needle):
        parse_texml(document)
