"""Webhook fields, where the media socket goes, and which answers are errors."""

import re

import httpx
import pytest

from switchboard_callsim.webhook import (
    CallIdentity,
    WebhookError,
    media_connect_url,
    new_sid,
    require_ok,
    voice_params,
)


def test_sids_are_prefix_plus_32_hex() -> None:
    assert re.fullmatch(r"CA[0-9a-f]{32}", new_sid("CA"))
    assert new_sid("MZ") != new_sid("MZ")


def test_voice_params_are_a_ringing_inbound_call() -> None:
    identity = CallIdentity(
        new_sid("CA"), new_sid("AC"), new_sid("MZ"), "+15005550006", "+15005550001"
    )
    params = voice_params(identity)
    assert params["CallStatus"] == "ringing"
    assert params["Direction"] == "inbound"
    assert params["ApiVersion"] == "2010-04-01"
    assert (params["From"], params["To"], params["CallSid"]) == (
        "+15005550006", "+15005550001", identity.call_sid,
    )  # fmt: skip


def test_media_goes_to_the_local_runtime_with_the_stream_path() -> None:
    stream = "wss://voice.example.com/telephony/twilio/media"
    assert (
        media_connect_url(stream, "http://127.0.0.1:8081")
        == "ws://127.0.0.1:8081/telephony/twilio/media"
    )
    assert (
        media_connect_url(stream, "https://rt.internal:9443/")
        == "wss://rt.internal:9443/telephony/twilio/media"
    )


def test_an_answer_other_than_200_is_a_webhook_error_quoting_its_start() -> None:
    require_ok(httpx.Response(200, text="<Response/>"), "voice webhook")
    with pytest.raises(WebhookError, match=r"^TeXML fetch answered 503: x{300}$"):
        require_ok(httpx.Response(503, text="x" * 400), "TeXML fetch")
