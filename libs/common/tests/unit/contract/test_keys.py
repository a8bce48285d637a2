"""Key builders of the Redis contract."""

from __future__ import annotations

import pytest

from switchboard_common.contract import keys


def test_key_names_are_the_documented_ones() -> None:
    assert keys.did_key("+15551234567") == "sb:v1:did:+15551234567"
    assert keys.tenant_key("ten_1") == "sb:v1:tenant:ten_1"
    assert keys.CONFIG_CHANNEL == "sb:v1:config"
    assert keys.EVENTS_STREAM == "sb:v1:events"
    assert keys.tenant_capacity_key("ten_1") == "sb:v1:capacity:tenant:ten_1"
    assert keys.global_capacity_key() == "sb:v1:capacity:global"
    assert keys.EPOCH_KEY == "sb:v1:epoch"


@pytest.mark.parametrize("bad", ["15551234567", "+1555abc", "", "+"])
def test_did_key_rejects_non_e164(bad: str) -> None:
    with pytest.raises(ValueError, match=r"E\.164"):
        keys.did_key(bad)


@pytest.mark.parametrize("bad", ["", "a:b"])
def test_tenant_key_rejects_ids_that_would_escape_the_namespace(bad: str) -> None:
    with pytest.raises(ValueError, match="tenant id"):
        keys.tenant_key(bad)


def test_call_token_and_carrier_call_keys_are_the_documented_ones() -> None:
    assert keys.call_token_key("c1") == "sb:v1:call-token:c1"
    assert keys.carrier_call_key("twilio", "CA1") == "sb:v1:carrier-call:twilio:CA1"


@pytest.mark.parametrize("bad", ["", "a:b", "x" * 129, "a\nb"])
def test_call_keys_reject_ids_that_would_escape_the_namespace(bad: str) -> None:
    with pytest.raises(ValueError, match="invalid"):
        keys.call_token_key(bad)
    with pytest.raises(ValueError, match="invalid"):
        keys.carrier_call_key("twilio", bad)
