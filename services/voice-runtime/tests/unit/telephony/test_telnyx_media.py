"""Telnyx media frames: the documented examples parse into typed events, malformed frames get a
clear error, our frames have Telnyx's shape, and payloads convert per codec (L16 big-endian)."""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from typing import Any

import numpy as np
import pytest

from switchboard_common.audio import AudioEncoding, AudioFormat, alaw_encode, mulaw_encode
from switchboard_voice_runtime.telephony import telnyx_media as tm
from switchboard_voice_runtime.telephony.wire import FrameError

STREAM = "32DE0DEA-53CB-4B21-89A4-9E1819C043BC"
START: dict[str, Any] = {
    "event": "start",
    "sequence_number": "1",
    "stream_id": STREAM,
    "start": {
        "user_id": "3E6F995F-85F7-4705-9741-53B116D28237",
        "call_control_id": "v3:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ",
        "call_session_id": "ff55a038-6f5d-11ef-9692-02420aeffb1f",
        "from": "+13122010094",
        "to": "+13122123456",
        "tags": ["TAG1", "TAG2"],
        "client_state": "aGF2ZSBhIG5pY2UgZGF5ID1d",
        "custom_parameters": {"call_token": "tok"},
        "media_format": {"encoding": "PCMU", "sample_rate": 8000, "channels": 1},
    },
}


def _frame(body: Mapping[str, object]) -> str:
    return json.dumps(body)


def test_the_documented_frames_parse() -> None:
    connected = tm.parse_frame('{"event":"connected","version":"1.0.0"}')
    assert connected == tm.Connected("1.0.0", None)
    with_token = tm.parse_frame(
        _frame({"event": "connected", "version": "1.0.0", tm.AUTH_TOKEN_FIELD: "s3"})
    )
    assert with_token == tm.Connected("1.0.0", "s3")
    start = tm.parse_frame(_frame(START))
    assert isinstance(start, tm.Start)
    assert (start.sequence_number, start.stream_id) == (1, STREAM)
    assert start.call_control_id.startswith("v3:")
    assert start.custom_parameters == {"call_token": "tok"}
    assert start.media_format == tm.MediaFormat("PCMU", 8000)
    assert (start.from_number, start.to_number) == ("+13122010094", "+13122123456")
    payload = bytes(range(160))
    media = tm.parse_frame(_frame({
        "event": "media", "sequence_number": "4", "stream_id": STREAM,
        "media": {"track": "inbound", "chunk": "2", "timestamp": "40",
                  "payload": base64.b64encode(payload).decode()},
    }))  # fmt: skip
    assert media == tm.Media(4, STREAM, payload, "inbound", 2, 40)
    dtmf = tm.parse_frame(_frame({"event": "dtmf", "stream_id": STREAM, "sequence_number": "5",
                                  "dtmf": {"digit": "7"}}))  # fmt: skip
    assert dtmf == tm.Dtmf(5, STREAM, "7")
    mark = tm.parse_frame(_frame({"event": "mark", "sequence_number": "6", "stream_id": STREAM,
                                  "mark": {"name": "turn1-seg0"}}))  # fmt: skip
    assert mark == tm.Mark(6, STREAM, "turn1-seg0")
    error = tm.parse_frame(_frame({"event": "error", "stream_id": STREAM, "sequence_number": 7,
        "payload": {"code": 100002, "title": "unknown_error", "detail": "boom"}}))  # fmt: skip
    assert error == tm.StreamError(7, STREAM, "100002", "unknown_error", "boom")
    stop = tm.parse_frame(_frame({"event": "stop", "sequence_number": "8", "stream_id": STREAM,
                                  "stop": {"call_control_id": "v3:x"}}))  # fmt: skip
    assert stop == tm.Stop(8, STREAM, "v3:x")
    assert tm.parse_frame('{"event":"clear"}') == tm.Clear("")
    assert tm.parse_frame('{"event":"later"}') == tm.Unknown("later")


@pytest.mark.parametrize(
    ("encoding", "rate", "expected"),
    [
        ("PCMU", 8000, AudioFormat(AudioEncoding.MULAW, 8000)),
        ("audio/x-mulaw", 8000, AudioFormat(AudioEncoding.MULAW, 8000)),
        ("PCMA", 8000, AudioFormat(AudioEncoding.ALAW, 8000)),
        ("L16", 16000, AudioFormat(AudioEncoding.L16, 16000)),
    ],
)
def test_media_formats_map_to_audio_formats(
    encoding: str, rate: int, expected: AudioFormat
) -> None:
    start = {**START, "start": {**START["start"], "media_format": {
        "encoding": encoding, "sample_rate": rate, "channels": 1}}}  # fmt: skip
    parsed = tm.parse_frame(_frame(start))
    assert isinstance(parsed, tm.Start)
    assert parsed.media_format.audio_format == expected
    assert parsed.media_format.frame_bytes() == expected.bytes_for_ms(20)


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ("not json", "not JSON"),
        ("[1]", "frame must be an object"),
        ('{"version":"1"}', "event"),
        ('{"event":"media","media":{"payload":"%%%"}}', "base64"),
        ('{"event":"media","media":{}}', "payload"),
        ('{"event":"media","sequence_number":"-1","media":{"payload":""}}', "sequence_number"),
        ('{"event":"media","sequence_number":"x","media":{"payload":""}}', "sequence_number"),
        ('{"event":"mark"}', "mark"),
        ('{"event":"dtmf","dtmf":{"digit":5}}', "digit"),
        ('{"event":"start","start":{"call_control_id":"v3:x"}}', "media_format"),
    ],
)
def test_malformed_frames_are_refused_with_a_clear_error(raw: str, needle: str) -> None:
    with pytest.raises(FrameError, match=needle) as caught:
        tm.parse_frame(raw)
    assert caught.value.reason == "malformed"


@pytest.mark.parametrize(
    ("encoding", "rate", "channels"),
    [("G722", 8000, 1), ("PCMU", 16000, 1), ("L16", 11025, 1), ("L16", 16000, 2)],
)
def test_unsupported_media_formats_are_refused(encoding: str, rate: int, channels: int) -> None:
    start = {**START, "start": {**START["start"], "media_format": {
        "encoding": encoding, "sample_rate": rate, "channels": channels}}}  # fmt: skip
    with pytest.raises(FrameError):
        tm.parse_frame(_frame(start))


def test_oversized_and_deeply_nested_frames_are_refused_before_parsing() -> None:
    with pytest.raises(FrameError) as big:
        tm.parse_frame('{"event":"media","x":"' + "a" * 70_000 + '"}')
    assert big.value.reason == "oversized"
    with pytest.raises(FrameError) as deep:
        tm.parse_frame("[" * 5000 + "]" * 5000)
    assert deep.value.reason == "too_complex"


def test_our_frames_have_telnyx_shape() -> None:
    assert json.loads(tm.media_frame(b"\x01\x02")) == {
        "event": "media",
        "media": {"payload": base64.b64encode(b"\x01\x02").decode()},
    }
    assert json.loads(tm.mark_frame("t1-s0")) == {"event": "mark", "mark": {"name": "t1-s0"}}
    assert json.loads(tm.clear_frame()) == {"event": "clear"}


def test_payloads_convert_per_codec() -> None:
    pcm = np.array([0, 1000, -1000, 32767, -32768], dtype=np.int16)
    l16 = tm.MediaFormat("L16", 16000)
    wire = tm.encode_payload(l16, pcm)
    assert wire[:6] == b"\x00\x00\x03\xe8\xfc\x18"  # big-endian, network byte order
    assert np.array_equal(tm.decode_payload(l16, wire), pcm)
    pcma, pcmu = tm.MediaFormat("PCMA", 8000), tm.MediaFormat("PCMU", 8000)
    assert tm.encode_payload(pcma, pcm) == alaw_encode(pcm)
    assert tm.encode_payload(pcmu, pcm) == mulaw_encode(pcm)
    assert np.array_equal(tm.decode_payload(pcma, alaw_encode(pcm))[:3], [8, 1008, -1008])
    with pytest.raises(FrameError, match="odd"):
        tm.decode_payload(l16, b"\x00\x01\x02")


def test_frames_become_neutral_events() -> None:
    from switchboard_voice_runtime.telephony import media_events as ev

    start = tm.parse_frame(_frame(START))
    started = tm.media_event(start, None)
    assert isinstance(started, ev.MediaStarted)
    assert started.carrier_call_id == START["start"]["call_control_id"]
    assert started.caller_format == AudioFormat(AudioEncoding.PCM16, 8000)
    assert started.custom_parameters["call_token"] == "tok"
    assert started.custom_parameters["client_state"] == "have a nice day =]"
    l16 = tm.MediaFormat("L16", 16000)
    pcm = np.array([1, -2, 300], dtype=np.int16)
    media = tm.Media(3, STREAM, tm.encode_payload(l16, pcm))
    audio = tm.media_event(media, l16)
    assert isinstance(audio, ev.MediaAudio) and audio.sequence == 3
    assert np.array_equal(np.frombuffer(audio.pcm16, dtype="<i2"), pcm)
    assert tm.media_event(media, None) == ev.MediaRejected("before_start")
    assert tm.media_event(tm.Media(4, STREAM, b"\x00" * 3), l16) == ev.MediaRejected("malformed")
    assert tm.media_event(tm.Media(5, STREAM, b"\x00" * 20_000), l16) == ev.MediaRejected(
        "oversized"
    )
    assert tm.media_event(tm.Mark(6, STREAM, "m"), l16) == ev.MediaMark("m")
    assert tm.media_event(tm.Dtmf(7, STREAM, "1"), l16) == ev.MediaDtmf("1")
    assert tm.media_event(tm.Stop(8, STREAM), l16) == ev.MediaStopped()
    assert tm.media_event(tm.Connected("1.0.0"), None) == ev.MediaIgnored("connected")
