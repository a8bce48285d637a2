"""Twilio wire formats: signatures, TwiML, media-stream frames."""

from __future__ import annotations

import base64
import json

import pytest

from switchboard_common.audio import TELEPHONY_PCM16, mulaw_decode
from switchboard_voice_runtime.telephony import media_events as events
from switchboard_voice_runtime.telephony import twilio

VECTOR_TOKEN = "12345"
VECTOR_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
VECTOR_PARAMS = [
    ("CallSid", "CA1234567890ABCDE"),
    ("Caller", "+12349013030"),
    ("Digits", "1234"),
    ("From", "+12349013030"),
    ("To", "+18005551212"),
]
VECTOR_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ="


def test_signature_matches_the_documented_test_vector() -> None:
    assert twilio.compute_signature(VECTOR_TOKEN, VECTOR_URL, VECTOR_PARAMS) == VECTOR_SIGNATURE
    assert twilio.verify_signature(VECTOR_TOKEN, VECTOR_URL, VECTOR_PARAMS, VECTOR_SIGNATURE)


def test_signature_ignores_parameter_order() -> None:
    shuffled = list(reversed(VECTOR_PARAMS))
    assert twilio.verify_signature(VECTOR_TOKEN, VECTOR_URL, shuffled, VECTOR_SIGNATURE)


def test_signature_is_accepted_with_or_without_the_default_port() -> None:
    with_port = "https://mycompany.com:443/myapp.php?foo=1&bar=2"
    signed_with_port = twilio.compute_signature(VECTOR_TOKEN, with_port, VECTOR_PARAMS)
    assert signed_with_port != VECTOR_SIGNATURE
    assert twilio.verify_signature(VECTOR_TOKEN, VECTOR_URL, VECTOR_PARAMS, signed_with_port)
    assert twilio.verify_signature(VECTOR_TOKEN, with_port, VECTOR_PARAMS, VECTOR_SIGNATURE)


def test_signature_with_a_non_default_port_must_match_exactly() -> None:
    url = "https://mycompany.com:8443/myapp.php"
    signature = twilio.compute_signature(VECTOR_TOKEN, url, [])
    assert twilio.verify_signature(VECTOR_TOKEN, url, [], signature)
    assert not twilio.verify_signature(
        VECTOR_TOKEN, "https://mycompany.com/myapp.php", [], signature
    )


@pytest.mark.parametrize(
    ("token", "params", "signature"),
    [
        ("wrong", VECTOR_PARAMS, VECTOR_SIGNATURE),
        (VECTOR_TOKEN, [*VECTOR_PARAMS[:-1], ("To", "+18005551213")], VECTOR_SIGNATURE),
        (VECTOR_TOKEN, VECTOR_PARAMS, None),
        (VECTOR_TOKEN, VECTOR_PARAMS, ""),
        ("", VECTOR_PARAMS, VECTOR_SIGNATURE),
    ],
)
def test_signature_rejects_tampering_and_missing_values(
    token: str, params: list[tuple[str, str]], signature: str | None
) -> None:
    assert not twilio.verify_signature(token, VECTOR_URL, params, signature)


def test_repeated_parameters_each_contribute() -> None:
    once = twilio.compute_signature("t", "https://x.test/a", [("A", "1")])
    twice = twilio.compute_signature("t", "https://x.test/a", [("A", "1"), ("A", "2")])
    assert once != twice


def test_json_body_hash_is_checked_against_the_url() -> None:
    body = b'{"a":1}'
    import hashlib

    digest = hashlib.sha256(body).hexdigest()
    assert twilio.verify_json_body(f"https://x.test/hook?bodySHA256={digest}", body)
    assert not twilio.verify_json_body(f"https://x.test/hook?bodySHA256={digest}", b"{}")
    assert not twilio.verify_json_body("https://x.test/hook", body)


def test_connect_twiml_carries_the_token_as_an_escaped_parameter() -> None:
    xml = twilio.connect_stream_twiml(
        "wss://voice.test/telephony/twilio/media", {"call_token": 'a"&<b'}
    )
    assert '<Stream url="wss://voice.test/telephony/twilio/media">' in xml
    assert '<Parameter name="call_token" value="a&quot;&amp;&lt;b"/>' in xml
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?><Response><Connect>')


def test_say_hangup_and_reject_twiml() -> None:
    assert "<Say>Fish &amp; chips</Say><Hangup/>" in twilio.say_hangup_twiml("Fish & chips")
    assert '<Reject reason="busy"/>' in twilio.reject_twiml()
    assert "<Dial>+15550001111</Dial>" in twilio.dial_twiml("+15550001111")


def _frame(body: dict[str, object]) -> str:
    return json.dumps(body)


def test_parses_connected_and_start() -> None:
    assert twilio.parse_frame(
        _frame({"event": "connected", "protocol": "Call", "version": "1.0.0"})
    ) == (twilio.Connected("Call"))
    start = twilio.parse_frame(
        _frame(
            {
                "event": "start",
                "sequenceNumber": "1",
                "streamSid": "MZ1",
                "start": {
                    "accountSid": "AC1",
                    "streamSid": "MZ1",
                    "callSid": "CA1",
                    "tracks": ["inbound"],
                    "customParameters": {"call_token": "tok"},
                    "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1},
                },
            }
        )
    )
    assert start == twilio.Start("MZ1", "CA1", "AC1", {"call_token": "tok"}, "audio/x-mulaw", 8000)


def test_parses_media_mark_dtmf_stop_and_unknown() -> None:
    payload = bytes(range(160))
    media = twilio.parse_frame(
        _frame(
            {
                "event": "media",
                "streamSid": "MZ1",
                "media": {
                    "track": "inbound",
                    "chunk": "2",
                    "timestamp": "40",
                    "payload": base64.b64encode(payload).decode(),
                },
            }
        )
    )
    assert media == twilio.Media("MZ1", payload, 40)
    mark = twilio.parse_frame(
        _frame({"event": "mark", "streamSid": "MZ1", "mark": {"name": "t1-s0"}})
    )
    assert mark == twilio.Mark("MZ1", "t1-s0")
    dtmf = twilio.parse_frame(
        _frame(
            {"event": "dtmf", "streamSid": "MZ1", "dtmf": {"track": "inbound_track", "digit": "5"}}
        )
    )
    assert dtmf == twilio.Dtmf("MZ1", "5")
    stop = twilio.parse_frame(
        _frame(
            {"event": "stop", "streamSid": "MZ1", "stop": {"accountSid": "AC1", "callSid": "CA1"}}
        )
    )
    assert stop == twilio.Stop("MZ1")
    assert twilio.parse_frame(_frame({"event": "surprise"})) == twilio.Unknown("surprise")


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"no": "event"}',
        '{"event": 5}',
        '{"event": "media"}',
        '{"event": "media", "media": {"payload": "***"}}',
        '{"event": "media", "media": {"payload": 5}}',
        '{"event": "mark", "mark": {}}',
        '{"event": "start", "start": {"customParameters": {}}}',
        '{"event": "dtmf", "dtmf": "5"}',
        b"\xff\xfe",
    ],
)
def test_malformed_frames_raise_frame_error(text: str | bytes) -> None:
    with pytest.raises(twilio.FrameError):
        twilio.parse_frame(text)


def test_formats_outbound_media_mark_and_clear() -> None:
    payload = b"\x7f" * 160
    assert json.loads(twilio.media_frame("MZ1", payload)) == {
        "event": "media",
        "streamSid": "MZ1",
        "media": {"payload": base64.b64encode(payload).decode()},
    }
    assert json.loads(twilio.mark_frame("MZ1", "t1-s2")) == {
        "event": "mark",
        "streamSid": "MZ1",
        "mark": {"name": "t1-s2"},
    }
    assert json.loads(twilio.clear_frame("MZ1")) == {"event": "clear", "streamSid": "MZ1"}


@pytest.mark.parametrize(
    "text",
    [
        "[" * 30_000 + "]" * 30_000,
        '{"event": "media", "media": ' + '{"a": ' * 5_000 + "1" + "}" * 5_000 + "}",
        ('{"event": "mark", "mark": {"name": "x"}, "junk": ' + "[" * 20_000).encode(),
        '{"event": "mark", "mark": {"name": "x"}, "junk": ' + "[1], " * 100 + "0}",
    ],
)
def test_frames_with_too_many_brackets_are_refused_before_parsing(text: str | bytes) -> None:
    with pytest.raises(twilio.FrameError) as refused:
        twilio.parse_frame(text)
    assert refused.value.reason == "too_complex"


def test_a_frame_nested_up_to_the_bracket_bound_still_parses() -> None:
    depth = twilio.MAX_FRAME_BRACKETS - 2
    text = '{"event": "mark", "mark": {"name": "x"}, "junk": ' + "[" * depth + "]" * depth + "}"
    assert twilio.parse_frame(text) == twilio.Mark("", "x")


def test_a_frame_over_the_size_bound_is_refused() -> None:
    text = _frame({"event": "mark", "mark": {"name": "x" * twilio.MAX_FRAME_BYTES}})
    with pytest.raises(twilio.FrameError) as refused:
        twilio.parse_frame(text)
    assert refused.value.reason == "oversized"


def test_frames_become_neutral_events_with_the_caller_audio_decoded() -> None:
    start = twilio.media_event(
        twilio.Start("MZ1", "CA1", "AC1", {"call_token": "t"}, "audio/x-mulaw", 8000)
    )
    assert start == events.MediaStarted("MZ1", "CA1", TELEPHONY_PCM16, {"call_token": "t"})
    audio = twilio.media_event(twilio.Media("MZ1", b"\x01" * 160))
    assert audio == events.MediaAudio(mulaw_decode(b"\x01" * 160).tobytes())
    oversized = twilio.Media("MZ1", b"\x01" * (twilio.MAX_MEDIA_PAYLOAD_BYTES + 1))
    assert twilio.media_event(oversized) == events.MediaRejected("oversized")
    assert twilio.media_event(twilio.Mark("MZ1", "t0-s0")) == events.MediaMark("t0-s0")
    assert twilio.media_event(twilio.Dtmf("MZ1", "5")) == events.MediaDtmf("5")
    assert twilio.media_event(twilio.Stop("MZ1")) == events.MediaStopped()
    assert twilio.media_event(twilio.Connected("Call")) == events.MediaIgnored("connected")
