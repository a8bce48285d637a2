"""Where each kind of secret may go: the rule both the control plane and the runtime apply."""

from __future__ import annotations

import pytest

from switchboard_common.contract.secret_use import api_base_host, kind_problem, llm_key_problem


def test_only_an_llm_key_may_be_sent_as_an_llm_key() -> None:
    for kind in ("carrier_credential", "tool_credential", "webhook_secret", None):
        problem = llm_key_problem(kind, None, None)
        assert problem is not None and "cannot be used as an LLM key" in problem
    assert llm_key_problem("llm_api_key", None, None) is None


@pytest.mark.parametrize(
    ("allowed_host", "api_base", "allowed"),
    [
        (None, None, True),
        (None, "https://evil.example/v1", False),
        ("llm.example.com", "https://LLM.example.com:8443/v1", True),
        ("llm.example.com", "https://llm.example.com.evil.example/v1", False),
        ("llm.example.com", "https://user@evil.example/llm.example.com", False),
        ("llm.example.com", None, False),
    ],
)
def test_an_llm_key_goes_only_to_the_host_it_was_created_for(
    allowed_host: str | None, api_base: str | None, allowed: bool
) -> None:
    assert (llm_key_problem("llm_api_key", allowed_host, api_base) is None) is allowed


def test_api_base_host_is_the_lower_cased_host() -> None:
    assert api_base_host("http://[::1]:8000/v1") == "::1"
    assert api_base_host("https://API.Example.com/v1") == "api.example.com"
    assert api_base_host(None) is None


def test_kind_problem_names_both_kinds() -> None:
    assert kind_problem("carrier_credential", "carrier_credential") is None
    problem = kind_problem("llm_api_key", "carrier_credential")
    assert problem is not None and "llm_api_key" in problem and "carrier_credential" in problem
