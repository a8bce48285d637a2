"""The Telnyx placement messages: the TeXML fetch fields and Call Control events as documented,
read back with the runtime's parsers."""

from __future__ import annotations

import json

from switchboard_callsim.telnyx_webhook import (
    call_control_event,
    initiated_event,
    new_telnyx_identity,
    texml_params,
)
from switchboard_voice_runtime.telephony import telnyx_call_control as cc
from switchboard_voice_runtime.telephony import telnyx_texml as tx


def test_the_texml_fetch_fields_are_telnyx_s() -> None:
    identity = new_telnyx_identity("+13122010094", "+13122123456")
    fields = texml_params(identity)
    assert set(fields) == {"AccountSid", "CallSid", "CallSidLegacy", "From", "To",
                           "ConnectionId", "ApiVersion", "CallStatus"}  # fmt: skip
    call = tx.parse_texml_request(fields)
    assert call.call_sid == identity.call_sid and call.call_sid.startswith("v3:")
    assert (call.from_number, call.to_number) == ("+13122010094", "+13122123456")


def test_call_control_events_parse_with_the_runtime_parser() -> None:
    identity = new_telnyx_identity("+13122010094", "+13122123456")
    initiated = cc.parse_event(initiated_event(identity))
    assert initiated.incoming and initiated.call_control_id == identity.call_sid
    assert (initiated.from_number, initiated.to_number, initiated.state) == (
        "+13122010094", "+13122123456", "parked",
    )  # fmt: skip
    body = call_control_event("call.hangup", identity, event_id="e-1", attempt=2,
                              hangup_cause="normal_clearing", hangup_source="caller")  # fmt: skip
    hangup = cc.parse_event(body)
    assert (hangup.id, hangup.attempt, hangup.hangup_source) == ("e-1", 2, "caller")
    document = json.loads(body)
    assert document["data"]["record_type"] == "event"
    assert document["data"]["occurred_at"].endswith("Z")
