"""Tenants published to Redis as the control plane publishes them, and the call events read back.

For end-to-end tests and benchmarks that run the real runtime without the control plane.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Literal

from redis.asyncio import Redis

from switchboard_common.contract import (
    AgentConfig,
    CallEnded,
    CallStarted,
    CallTurn,
    ConfigChanged,
    ContractEpoch,
    DidRoute,
    TenantRuntimeConfig,
    keys,
    parse_call_event,
)
from switchboard_common.contract.tenant_config import Carrier, TenantLimits


async def publish_tenant(
    redis: Redis,
    tenant_id: str,
    number: str,
    agent: AgentConfig,
    limits: TenantLimits,
    *,
    status: Literal["active", "suspended"] = "active",
    carrier: Carrier | None = None,
) -> TenantRuntimeConfig:
    """Writes a snapshot of the tenant with this one agent (revision: now in ms) and routes
    `number` (a number of ``carrier``, the route's default when None) to the agent, then
    announces the change so runtimes drop their cached snapshot."""
    now = datetime.now(UTC)
    snapshot = TenantRuntimeConfig(
        tenant_id=tenant_id,
        revision=int(now.timestamp() * 1000),
        published_at=now,
        status=status,
        limits=limits,
        agents={agent.agent_id: agent},
    )
    route = DidRoute(tenant_id=tenant_id, agent_id=agent.agent_id, number_id="n-" + tenant_id)
    if carrier is not None:
        route = route.model_copy(update={"carrier": carrier})
    await publish_snapshot(redis, snapshot, {number: route})
    return snapshot


async def publish_snapshot(
    redis: Redis, snapshot: TenantRuntimeConfig, routes: Mapping[str, DidRoute]
) -> None:
    """Writes the snapshot and each dialed number's route, then announces the snapshot's
    revision on the config channel so runtimes drop their cached copy."""
    await redis.set(keys.tenant_key(snapshot.tenant_id), snapshot.model_dump_json())
    for number, route in routes.items():
        await redis.set(keys.did_key(number), route.model_dump_json())
    await mark_published(redis)
    change = ConfigChanged(tenant_id=snapshot.tenant_id, revision=snapshot.revision)
    await redis.publish(keys.CONFIG_CHANNEL, change.model_dump_json())


async def mark_published(redis: Redis) -> None:
    """Writes the contract epoch, as the control plane does once every tenant is published:
    without it the runtime takes a missing number for lost data, not for an unknown number."""
    epoch = ContractEpoch(written_at=datetime.now(UTC))
    await redis.set(keys.EPOCH_KEY, epoch.model_dump_json())


async def read_events(redis: Redis) -> list[CallStarted | CallTurn | CallEnded]:
    """Every call event in the runtime's events stream, oldest first."""
    entries = await redis.xrange(keys.EVENTS_STREAM) or []
    return [
        parse_call_event(fields[keys.EVENT_FIELD.encode()])
        for _entry_id, fields in entries
        if fields is not None
    ]
