"""Twilio request signatures."""

from switchboard_callsim.signature import twilio_signature

VECTOR_PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+12349013030",
    "Digits": "1234",
    "From": "+12349013030",
    "To": "+18005551212",
}


def test_signature_matches_the_protocols_test_vector() -> None:
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    assert twilio_signature("12345", url, VECTOR_PARAMS) == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="


def test_signature_does_not_depend_on_parameter_order() -> None:
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    reversed_pairs = list(reversed(list(VECTOR_PARAMS.items())))
    assert twilio_signature("12345", url, reversed_pairs) == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="


def test_signature_changes_with_token_url_and_params() -> None:
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    base = twilio_signature("12345", url, VECTOR_PARAMS)
    assert twilio_signature("54321", url, VECTOR_PARAMS) != base
    assert twilio_signature("12345", url + "&x=1", VECTOR_PARAMS) != base
    assert twilio_signature("12345", url, {**VECTOR_PARAMS, "Digits": "1235"}) != base


def test_repeated_names_contribute_every_value() -> None:
    url = "wss://voice.example.com/telephony/twilio/media"
    once = twilio_signature("t", url, [("A", "1")])
    twice = twilio_signature("t", url, [("A", "1"), ("A", "2")])
    assert once != twice
    assert twice == twilio_signature("t", url, [("A", "2"), ("A", "1")])
