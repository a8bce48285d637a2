"""What is wrong with a tenant's live configuration, as the runtime view reports it: a referenced
secret missing or of the wrong kind, an LLM key bound to another host, an unknown provider, an
address the runtime may not call."""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from switchboard_common.contract.secret_use import kind_problem
from switchboard_control_plane.agents.llm_checks import llm_problems
from switchboard_control_plane.agents.models import Agent, AgentVersion
from switchboard_control_plane.agents.schemas import AgentVersionCreate
from switchboard_control_plane.credentials.store import SecretStore
from switchboard_control_plane.tenants.models import Tenant
from switchboard_control_plane.tenants.telephony import carrier_secret_names


class RuntimeProblem(BaseModel):
    """One thing a live call would trip on; ``agent_id`` is None for tenant-wide settings."""

    agent_id: str | None
    version: int | None
    field: str = Field(description="Path in the agent version (or `telephony...`)")
    type: str = Field(description="Stable problem code, e.g. `secret_kind_mismatch`")
    message: str


async def _telephony_problems(
    secrets: SecretStore, session: AsyncSession, tenant: Tenant
) -> list[RuntimeProblem]:
    problems: list[RuntimeProblem] = []
    for field, name in carrier_secret_names(tenant.telephony):
        info = await secrets.info(session, tenant.id, name)
        if info is None:
            type_, message = "secret_not_found", f"no secret named {name!r} in this tenant"
        elif (problem := kind_problem(info.kind, "carrier_credential")) is not None:
            type_, message = "secret_kind_mismatch", f"secret {name!r}: {problem}"
        else:
            continue
        problems.append(
            RuntimeProblem(agent_id=None, version=None, field=field, type=type_, message=message)
        )
    return problems


async def live_problems(
    secrets: SecretStore, session: AsyncSession, tenant: Tenant, *, allow_private: bool
) -> list[RuntimeProblem]:
    """Problems of every live agent version and of the telephony config, agents first."""
    query = (
        select(Agent.id, AgentVersion)
        .join(AgentVersion, AgentVersion.agent_id == Agent.id)
        .where(AgentVersion.version == Agent.live_version)
        .order_by(Agent.id)
    )
    problems: list[RuntimeProblem] = []
    for agent_id, version in (await session.execute(query)).all():
        body = AgentVersionCreate.model_validate(version.config)
        found = await llm_problems(
            secrets, session, tenant.id, body.llm, body.tools, allow_private=allow_private
        )
        problems += [
            RuntimeProblem(
                agent_id=agent_id,
                version=version.version,
                field=p.field,
                type=p.type,
                message=p.message,
            )
            for p in found
        ]
    return problems + await _telephony_problems(secrets, session, tenant)
