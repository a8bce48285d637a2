"""A version's ``realtime`` settings map 1:1 onto the contract's AgentConfig (the snapshot)."""

from __future__ import annotations

from switchboard_common.contract.tenant_config import AgentConfig
from switchboard_control_plane.agents.schemas import AgentVersionCreate


def _published(body: AgentVersionCreate) -> AgentConfig:
    fields = body.model_dump(exclude={"llm", "note", "analysis"})
    return AgentConfig.model_validate({**fields, "agent_id": "agt_1", "version": 1})


def test_client_instructions_are_refused_unless_the_version_allows_them() -> None:
    default = AgentVersionCreate(greeting="Hello.")
    assert default.realtime.allow_client_instructions is False
    assert _published(default).realtime.allow_client_instructions is False
    allowed = AgentVersionCreate.model_validate(
        {"greeting": "Hello.", "realtime": {"allow_client_instructions": True}}
    )
    assert _published(allowed).realtime.allow_client_instructions is True
