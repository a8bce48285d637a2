"""The credential comes from the bearer header or a browser's subprotocol, and the server
answers with the ``realtime`` subprotocol only, never the credential."""

from __future__ import annotations

from switchboard_voice_runtime.realtime.credentials import (
    PresentedCredential,
    RealtimeRefusal,
    accepted_subprotocol,
    offered_subprotocols,
    presented_credential,
)


def test_the_bearer_header_carries_the_credential() -> None:
    headers = {"Authorization": "Bearer ek_abc.def.ghi"}
    assert presented_credential(headers, []) == PresentedCredential(
        "ek_abc.def.ghi", "authorization"
    )
    assert presented_credential({"authorization": "bearer sb_x"}, []) == PresentedCredential(
        "sb_x", "authorization"
    )


def test_a_browser_passes_it_in_the_subprotocol() -> None:
    headers = {"Sec-WebSocket-Protocol": "realtime, openai-insecure-api-key.ek_abc.def.ghi"}
    offered = offered_subprotocols(headers)
    assert offered == ["realtime", "openai-insecure-api-key.ek_abc.def.ghi"]
    assert presented_credential(headers, offered) == PresentedCredential(
        "ek_abc.def.ghi", "subprotocol"
    )
    assert accepted_subprotocol(offered) == "realtime"


def test_the_header_wins_over_the_subprotocol() -> None:
    headers = {"Authorization": "Bearer sb_header"}
    found = presented_credential(headers, ["openai-insecure-api-key.ek_proto"])
    assert found == PresentedCredential("sb_header", "authorization")


def test_no_or_empty_credentials_are_none() -> None:
    assert presented_credential({}, []) is None
    assert presented_credential({"Authorization": "Basic dXNlcjpwYXNz"}, []) is None
    assert presented_credential({"Authorization": "Bearer "}, ["openai-insecure-api-key."]) is None


def test_the_answer_is_realtime_only_when_offered_and_never_the_key() -> None:
    assert accepted_subprotocol(["openai-insecure-api-key.ek_x"]) is None
    assert accepted_subprotocol(["openai-insecure-api-key.ek_x", "realtime"]) == "realtime"


def test_refusals_map_to_http_statuses() -> None:
    assert RealtimeRefusal("credential_missing", "").status_code == 401
    assert RealtimeRefusal("credential_expired", "").status_code == 401
    assert RealtimeRefusal("agent_not_found", "").status_code == 404
    assert RealtimeRefusal("agent_version_changed", "").status_code == 409
    assert RealtimeRefusal("config_unavailable", "").status_code == 503
