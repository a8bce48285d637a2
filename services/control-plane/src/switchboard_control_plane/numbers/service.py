"""Adds, changes and removes a tenant's numbers; every change is published."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from switchboard_control_plane.agents.models import Agent
from switchboard_control_plane.db.scope import ALL_TENANTS
from switchboard_control_plane.errors import ConflictError, InvalidConfigError, NotFoundError
from switchboard_control_plane.numbers.models import PhoneNumber
from switchboard_control_plane.numbers.schemas import NumberCreate, NumberUpdate
from switchboard_control_plane.unit_of_work import TenantAccess


def number_view(number: PhoneNumber) -> dict[str, Any]:
    return {
        "e164": number.e164,
        "carrier": number.carrier,
        "agent_id": number.agent_id,
        "label": number.label,
    }


def _taken(e164: str) -> ConflictError:
    return ConflictError(
        "The number is already registered on the platform.",
        code="number_taken",
        details={"e164": e164},
    )


async def _check_agent(access: TenantAccess, agent_id: str | None) -> None:
    if agent_id is None:
        return
    agent = await access.session.get(Agent, agent_id)
    if agent is None or agent.tenant_id != access.tenant.id:
        raise InvalidConfigError(
            "agent_id", "no such agent in this tenant", type_="agent_not_found"
        )


async def add_number(access: TenantAccess, body: NumberCreate) -> PhoneNumber:
    await _check_agent(access, body.agent_id)
    exists = select(PhoneNumber.id).where(PhoneNumber.e164 == body.e164)
    if (await access.session.execute(exists.execution_options(**ALL_TENANTS))).first():
        raise _taken(body.e164)
    number = PhoneNumber(
        tenant_id=access.tenant.id,
        e164=body.e164,
        carrier=body.carrier,
        agent_id=body.agent_id,
        label=body.label,
    )
    access.session.add(number)
    try:
        await access.session.flush()
    except IntegrityError as exc:
        await access.session.rollback()
        raise _taken(body.e164) from exc
    await access.audit(
        "number.added", number.id, tenant_id=access.tenant.id, after=number_view(number)
    )
    await access.commit(publish=access.tenant.id)
    return number


async def list_numbers(access: TenantAccess) -> Sequence[PhoneNumber]:
    query = select(PhoneNumber).order_by(PhoneNumber.created_at)
    return (await access.session.execute(query)).scalars().all()


async def get_number(access: TenantAccess, number_id: str) -> PhoneNumber:
    number = await access.session.get(PhoneNumber, number_id)
    if number is None or number.tenant_id != access.tenant.id:
        raise NotFoundError("number")
    return number


async def update_number(access: TenantAccess, number_id: str, body: NumberUpdate) -> PhoneNumber:
    number = await get_number(access, number_id)
    before = number_view(number)
    changes = body.model_dump(exclude_unset=True)
    if "agent_id" in changes:
        await _check_agent(access, body.agent_id)
        number.agent_id = body.agent_id
    if body.carrier is not None:
        number.carrier = body.carrier
    if body.label is not None:
        number.label = body.label
    await access.audit(
        "number.updated",
        number.id,
        tenant_id=access.tenant.id,
        before=before,
        after=number_view(number),
    )
    await access.commit(publish=access.tenant.id)
    return number


async def remove_number(access: TenantAccess, number_id: str) -> None:
    number = await get_number(access, number_id)
    await access.session.delete(number)
    await access.audit(
        "number.removed", number.id, tenant_id=access.tenant.id, before=number_view(number)
    )
    await access.commit(publish=access.tenant.id, removed_dids=[number.e164])
