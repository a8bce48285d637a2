"""TeXML: the fetch's fields are read, and the answers are the documents Telnyx expects."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from switchboard_voice_runtime.telephony import telnyx_texml as tx


def _xml(document: str) -> ET.Element:
    return ET.fromstring(document)  # noqa: S314 (our own output)


FETCH = {
    "AccountSid": "f5586561-8ff0-4291-a51b-c7dfe4139ff9",
    "CallSid": "v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ",
    "CallSidLegacy": "v3:9X2vxPDFY2RHSJ1EdMS0RHRksMTg7ldNxdjWbVr9zBjbGjGsSe-aiQ",
    "From": "+13122010094",
    "To": "+13122123456",
    "ConnectionId": "1494404757140276705",
    "ApiVersion": "2010-04-01",
    "CallStatus": "ringing",
}


def test_the_fetch_fields_are_read() -> None:
    call = tx.parse_texml_request(FETCH)
    assert call.call_sid == FETCH["CallSid"]
    assert (call.from_number, call.to_number) == ("+13122010094", "+13122123456")
    assert call.account_sid == FETCH["AccountSid"] and call.call_status == "ringing"
    legacy_only = {k: v for k, v in FETCH.items() if k != "CallSid"}
    assert tx.parse_texml_request(legacy_only).call_sid == FETCH["CallSidLegacy"]
    for missing in ("To", "From", "AccountSid"):
        with pytest.raises(tx.TexmlRequestError) as caught:
            tx.parse_texml_request({k: v for k, v in FETCH.items() if k != missing})
        assert caught.value.field == missing


def test_the_stream_answer_is_bidirectional_rtp_with_the_parameters() -> None:
    document = tx.connect_stream_texml(
        "wss://rt.example/telephony/telnyx/media",
        {"call_token": 'a"b&c'},
        codec="PCMA",
    )
    root = _xml(document)
    stream = root.find("Connect/Stream")
    assert stream is not None
    assert stream.get("url") == "wss://rt.example/telephony/telnyx/media"
    assert (stream.get("bidirectionalMode"), stream.get("bidirectionalCodec")) == ("rtp", "PCMA")
    assert stream.get("codec") == "PCMA"
    assert stream.get("bidirectionalSamplingRate") is None
    params = {p.get("name"): p.get("value") for p in stream.findall("Parameter")}
    assert params == {"call_token": 'a"b&c'}
    wide = _xml(tx.connect_stream_texml("wss://x/m", {}, codec="L16", sample_rate_hz=16000))
    wide_stream = wide.find("Connect/Stream")
    assert wide_stream is not None and wide_stream.get("bidirectionalSamplingRate") == "16000"
    assert wide_stream.get("codec") is None  # TeXML has no L16 inbound codec
    with pytest.raises(ValueError, match="bidirectionalSamplingRate"):
        tx.connect_stream_texml("wss://x/m", {}, sample_rate_hz=11025)


def test_refusals() -> None:
    said = _xml(tx.say_hangup_texml("Sorry <we> are closed."))
    assert [child.tag for child in said] == ["Say", "Hangup"]
    assert said.find("Say").text == "Sorry <we> are closed."  # type: ignore[union-attr]
    rejected = _xml(tx.reject_texml())
    assert rejected.find("Reject").get("reason") == "busy"  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="busy"):
        tx.reject_texml("nope")
    assert _xml(tx.hangup_texml()).find("Hangup") is not None
    dial = _xml(tx.dial_texml("+15550001111"))
    assert dial.find("Dial/Number").text == "+15550001111"  # type: ignore[union-attr]
