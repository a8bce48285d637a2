"""Call Control: webhook events parse (the documented envelope), malformed ones are refused, and
the command bodies carry what Telnyx needs for a bidirectional RTP stream."""

from __future__ import annotations

import json

import pytest

from switchboard_voice_runtime.telephony import telnyx_call_control as cc

CCID = "v3:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"


def _event(event_type: str, **payload: object) -> bytes:
    body = {
        "data": {
            "record_type": "event",
            "event_type": event_type,
            "id": "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0",
            "occurred_at": "2026-12-04T22:00:00.000000Z",
            "payload": {"call_control_id": CCID, "call_leg_id": "leg", "call_session_id": "s",
                        "connection_id": "c", "client_state": None, **payload},
        },
        "meta": {"attempt": 2, "delivered_to": "https://rt.example/telephony/telnyx/call-control"},
    }  # fmt: skip
    return json.dumps(body).encode()


def test_the_events_we_handle_parse() -> None:
    numbers = {"from": "+13122010094", "to": "+13122123456"}
    initiated = cc.parse_event(
        _event("call.initiated", direction="incoming", state="parked", **numbers)
    )
    assert initiated.incoming and initiated.call_control_id == CCID
    assert (initiated.from_number, initiated.to_number) == ("+13122010094", "+13122123456")
    assert initiated.attempt == 2 and initiated.id.startswith("0ccc")
    hangup = cc.parse_event(_event("call.hangup", hangup_cause="normal_clearing",
                                   hangup_source="caller", sip_hangup_cause="200"))  # fmt: skip
    assert (hangup.hangup_cause, hangup.hangup_source) == ("normal_clearing", "caller")
    assert not hangup.incoming
    failed = cc.parse_event(_event("streaming.failed", failure_reason="connection_failed",
                                   stream_id="1f2e"))  # fmt: skip
    assert (failed.failure_reason, failed.stream_id) == ("connection_failed", "1f2e")
    dtmf = cc.parse_event(_event("call.dtmf.received", digit="5"))
    assert dtmf.digit == "5"
    for other in ("call.answered", "streaming.started", "streaming.stopped"):
        assert cc.parse_event(_event(other)).event_type == other


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"data": 1}',
        b'{"data": {"id": "e", "event_type": "call.hangup"}}',
        b'{"data": {"id": "", "event_type": "call.hangup", "payload": {"call_control_id": "x"}}}',
        b'{"data": {"id": "e", "event_type": "call.hangup", "payload": {}}}',
        b'{"data": {"id": "e", "payload": {"call_control_id": "v3:x"}}}',
        b"{" + b" " * 70_000 + b"}",
    ],
)
def test_malformed_events_are_refused(body: bytes) -> None:
    with pytest.raises(cc.EventError):
        cc.parse_event(body)


def test_client_state_round_trips_as_base64() -> None:
    encoded = cc.encode_client_state("call_123")
    assert encoded == "Y2FsbF8xMjM="
    assert cc.decode_client_state(encoded) == "call_123"
    assert cc.decode_client_state("%%%") is None and cc.decode_client_state(None) is None


def test_answer_starts_a_bidirectional_rtp_stream() -> None:
    command = cc.answer_command(command_id="cmd-1", stream_url="wss://rt/m", codec="PCMA",
                                client_state="call_1")  # fmt: skip
    assert command.path(CCID) == f"/v2/calls/{CCID}/actions/answer"
    assert command.body == {
        "stream_url": "wss://rt/m",
        "stream_track": "inbound_track",
        "stream_codec": "PCMA",
        "stream_bidirectional_mode": "rtp",
        "stream_bidirectional_codec": "PCMA",
        "client_state": "Y2FsbF8x",
        "command_id": "cmd-1",
    }
    bare = cc.answer_command(command_id="cmd-2")
    assert bare.body == {"command_id": "cmd-2"}


def test_streaming_start_sets_wideband_and_the_stream_token() -> None:
    command = cc.streaming_start_command(
        command_id="cmd-3", stream_url="wss://rt/m", codec="L16", sample_rate_hz=16000,
        auth_token="s3cret", client_state="call_1", custom_parameters={"call_token": "t"},
    )  # fmt: skip
    assert command.path(CCID).endswith("/actions/streaming_start")
    body = command.body
    assert body["stream_bidirectional_mode"] == "rtp"
    assert (body["stream_bidirectional_codec"], body["stream_bidirectional_sampling_rate"]) == (
        "L16",
        16000,
    )
    assert body["stream_auth_token"] == "s3cret"
    assert body["custom_parameters"] == [{"name": "call_token", "value": "t"}]
    with pytest.raises(ValueError, match="cannot be streamed"):
        cc.streaming_start_command(command_id="c", stream_url="wss://x", codec="PCMU",
                                   sample_rate_hz=16000)  # fmt: skip


def test_hangup_transfer_speak_reject_bodies() -> None:
    assert cc.hangup_command(command_id="h").body == {"command_id": "h"}
    transfer = cc.transfer_command(command_id="t", to="+15550001111", from_number="+15550002222")
    assert transfer.body == {"to": "+15550001111", "from": "+15550002222", "command_id": "t"}
    assert "from" not in cc.transfer_command(command_id="t", to="+15550001111").body
    speak = cc.speak_command(command_id="s", text="Sorry, we are closed.")
    assert speak.body["payload"] == "Sorry, we are closed." and speak.body["voice"]
    assert cc.reject_command(command_id="r").body == {"cause": "USER_BUSY", "command_id": "r"}


def test_command_errors_are_read() -> None:
    body = b'{"errors":[{"code":"90018","title":"Call has already ended","detail":"x"}]}'
    assert cc.parse_command_errors(body) == [
        cc.CommandError("90018", "Call has already ended", "x")
    ]
    assert cc.parse_command_errors(b"<html>") == []
