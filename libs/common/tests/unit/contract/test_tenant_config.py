"""The Telnyx account in the snapshot: its webhook key must be a base64 Ed25519 public key, and
DID routes default to Twilio (snapshots written before Telnyx keep their meaning)."""

from __future__ import annotations

import base64

import pytest
from pydantic import ValidationError

from switchboard_common.contract import DidRoute
from switchboard_common.contract.tenant_config import TelephonyConfig, TelnyxAccount

KEY = base64.b64encode(bytes(range(32))).decode()


def test_a_telnyx_account_needs_a_32_byte_base64_public_key() -> None:
    assert TelnyxAccount(public_key=KEY).public_key == KEY
    for bad in ("", "not base64!", base64.b64encode(bytes(31)).decode(), KEY + KEY, KEY[:-1]):
        with pytest.raises(ValidationError):
            TelnyxAccount(public_key=bad)


def test_old_snapshots_and_routes_keep_their_meaning() -> None:
    assert TelephonyConfig.model_validate({}).telnyx is None
    route = DidRoute.model_validate({"tenant_id": "t", "agent_id": "a", "number_id": "n"})
    assert route.carrier == "twilio"
    telnyx = DidRoute(tenant_id="t", agent_id="a", number_id="n", carrier="telnyx")
    assert DidRoute.model_validate_json(telnyx.model_dump_json()).carrier == "telnyx"
    with pytest.raises(ValidationError):
        DidRoute.model_validate(
            {"tenant_id": "t", "agent_id": "a", "number_id": "n", "carrier": "x"}
        )
