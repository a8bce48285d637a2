"""Reading TwiML answers."""

import pytest

from switchboard_callsim.twiml import TwimlError, parse_twiml


def test_connect_stream_yields_url_and_parameters() -> None:
    outcome = parse_twiml(
        """<?xml version="1.0" encoding="UTF-8"?>
        <Response><Connect><Stream url="wss://voice.example.com/telephony/twilio/media">
          <Parameter name="call_token" value="abc.def"/>
          <Parameter name="tenant" value="t1"/>
        </Stream></Connect></Response>"""
    )
    assert outcome.kind == "stream"
    assert outcome.stream_url == "wss://voice.example.com/telephony/twilio/media"
    assert outcome.parameters == {"call_token": "abc.def", "tenant": "t1"}


def test_say_then_hangup_is_a_hangup_with_the_spoken_text() -> None:
    outcome = parse_twiml("<Response><Say>We are closed.</Say><Hangup/></Response>")
    assert outcome.kind == "hangup"
    assert outcome.said == ("We are closed.",)
    assert outcome.stream_url is None


def test_reject_carries_its_reason() -> None:
    outcome = parse_twiml('<Response><Reject reason="busy"/></Response>')
    assert (outcome.kind, outcome.reason) == ("reject", "busy")


def test_say_alone_is_a_say_outcome() -> None:
    outcome = parse_twiml("<Response><Say>Sorry, this number is not in service.</Say></Response>")
    assert outcome.kind == "say"
    assert outcome.said == ("Sorry, this number is not in service.",)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("not xml at all", "not XML"),
        ("<Foo/>", "expected <Response>"),
        ("<Response/>", "no verb"),
        ("<Response><Connect/></Response>", "no <Stream>"),
        ("<Response><Connect><Stream/></Connect></Response>", "no url"),
    ],
)
def test_unusable_answers_raise_clear_errors(body: str, message: str) -> None:
    with pytest.raises(TwimlError, match=message):
        parse_twiml(body)
