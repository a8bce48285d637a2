"""Agents and their immutable versions: create, validate, publish, roll back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import func, select

from switchboard_control_plane.agents.llm_checks import llm_problems
from switchboard_control_plane.agents.models import Agent, AgentVersion
from switchboard_control_plane.agents.schemas import AgentCreate, AgentUpdate, AgentVersionCreate
from switchboard_control_plane.agents.voices import ConfigWarning
from switchboard_control_plane.errors import ConflictError, InvalidConfigError, NotFoundError
from switchboard_control_plane.numbers.models import PhoneNumber
from switchboard_control_plane.unit_of_work import TenantAccess


def agent_view(agent: Agent) -> dict[str, Any]:
    return {
        "name": agent.name,
        "description": agent.description,
        "live_version": agent.live_version,
    }


async def create_agent(access: TenantAccess, body: AgentCreate) -> Agent:
    agent = Agent(tenant_id=access.tenant.id, name=body.name, description=body.description)
    access.session.add(agent)
    await access.session.flush()
    await access.audit(
        "agent.created", agent.id, tenant_id=access.tenant.id, after=agent_view(agent)
    )
    await access.commit()
    return agent


async def list_agents(access: TenantAccess) -> Sequence[Agent]:
    return (await access.session.execute(select(Agent).order_by(Agent.created_at))).scalars().all()


async def get_agent(access: TenantAccess, agent_id: str, *, lock: bool = False) -> Agent:
    query = select(Agent).where(Agent.id == agent_id)
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    agent = (await access.session.execute(query)).scalar_one_or_none()
    if agent is None:
        raise NotFoundError("agent")
    return agent


async def update_agent(access: TenantAccess, agent_id: str, body: AgentUpdate) -> Agent:
    agent = await get_agent(access, agent_id)
    before = agent_view(agent)
    if body.name is not None:
        agent.name = body.name
    if body.description is not None:
        agent.description = body.description
    await access.audit(
        "agent.updated",
        agent.id,
        tenant_id=access.tenant.id,
        before=before,
        after=agent_view(agent),
    )
    await access.commit(publish=access.tenant.id if agent.live_version else None)
    return agent


async def delete_agent(access: TenantAccess, agent_id: str) -> None:
    agent = await get_agent(access, agent_id)
    routed = select(func.count()).select_from(PhoneNumber).where(PhoneNumber.agent_id == agent.id)
    if (await access.session.execute(routed)).scalar_one():
        raise ConflictError("Numbers still route to this agent.", code="agent_in_use")
    await access.session.delete(agent)
    await access.audit(
        "agent.deleted", agent.id, tenant_id=access.tenant.id, before=agent_view(agent)
    )
    await access.commit(publish=access.tenant.id if agent.live_version else None)


async def _validate_version(access: TenantAccess, body: AgentVersionCreate) -> None:
    """Rejects what the runtime could not use (beyond what the schema already checks)."""
    if body.business_hours is not None:
        try:
            ZoneInfo(body.business_hours.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise InvalidConfigError(
                "business_hours.timezone", "unknown time zone", type_="unknown_timezone"
            ) from exc
    problems = await llm_problems(
        access.resources.secrets,
        access.session,
        access.tenant.id,
        body.llm,
        body.tools,
        allow_private=access.resources.settings.allow_private_addresses,
    )
    if problems:
        raise problems[0].error()


async def create_version(
    access: TenantAccess, agent_id: str, body: AgentVersionCreate
) -> tuple[AgentVersion, list[ConfigWarning]]:
    """The new version, and what about it could not be checked (the TTS voice when the TTS
    service cannot be reached)."""
    await _validate_version(access, body)
    warnings = await access.resources.voices.check(body.tts)
    agent = await get_agent(access, agent_id, lock=True)
    agent.latest_version += 1
    version = AgentVersion(
        tenant_id=access.tenant.id,
        agent_id=agent.id,
        version=agent.latest_version,
        config=body.model_dump(mode="json", exclude={"note"}),
        note=body.note,
        created_by=access.actor.subject,
    )
    access.session.add(version)
    await access.audit(
        "agent.version_created",
        f"{agent.id}@{version.version}",
        tenant_id=access.tenant.id,
        after={"version": version.version, "config": version.config},
    )
    await access.commit()
    return version, warnings


async def list_versions(access: TenantAccess, agent_id: str) -> Sequence[AgentVersion]:
    await get_agent(access, agent_id)
    query = (
        select(AgentVersion)
        .where(AgentVersion.agent_id == agent_id)
        .order_by(AgentVersion.version.desc())
    )
    return (await access.session.execute(query)).scalars().all()


async def get_version(access: TenantAccess, agent_id: str, number: int) -> AgentVersion:
    query = select(AgentVersion).where(
        AgentVersion.agent_id == agent_id, AgentVersion.version == number
    )
    version = (await access.session.execute(query)).scalar_one_or_none()
    if version is None:
        raise NotFoundError("agent version", code="agent_version_not_found")
    return version


async def publish_version(
    access: TenantAccess, agent_id: str, number: int, *, rollback: bool = False
) -> Agent:
    """Makes version ``number`` the live one; a rollback must name an older version."""
    agent = await get_agent(access, agent_id, lock=True)
    await get_version(access, agent_id, number)
    if rollback and (agent.live_version is None or number >= agent.live_version):
        raise ConflictError(
            "A rollback publishes a version older than the live one.", code="not_a_rollback"
        )
    before = agent_view(agent)
    agent.live_version = number
    action = "agent.rolled_back" if rollback else "agent.published"
    await access.audit(
        action, agent.id, tenant_id=access.tenant.id, before=before, after=agent_view(agent)
    )
    await access.commit(publish=access.tenant.id)
    return agent
