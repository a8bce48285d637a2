"""Tenants published to Redis as the control plane would, and the call events read back."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redis.asyncio import Redis

from switchboard_common.contract import (
    AgentConfig,
    CallEnded,
    CallStarted,
    CallTurn,
    ConfigChanged,
    DidRoute,
    TenantRuntimeConfig,
    keys,
    parse_call_event,
)

SCENARIOS = Path(__file__).resolve().parents[4] / "tools/callsim/scenarios/e2e"
AGENT_ID = "a-e2e"


def e2e_agent(**overrides: Any) -> AgentConfig:
    """The scenarios' agent (``agent.json``), with top-level fields replaced by ``overrides``."""
    body = json.loads((SCENARIOS / "agent.json").read_text())
    return AgentConfig.model_validate({**body, "agent_id": AGENT_ID, "version": 1, **overrides})


def tenant_id_for(number: str) -> str:
    """One tenant per dialed number, so tests never share leases or snapshots."""
    return "t-e2e-" + number.lstrip("+")


@dataclass
class Tenants:
    """Publishes snapshots and routes; ``clean()`` removes every key it wrote."""

    redis: Redis
    written: set[str] = field(default_factory=set)

    async def publish(
        self,
        number: str,
        agent: AgentConfig | None = None,
        *,
        status: str = "active",
        max_concurrent_calls: int = 5,
    ) -> TenantRuntimeConfig:
        agent = agent or e2e_agent()
        tenant_id = tenant_id_for(number)
        snapshot = TenantRuntimeConfig.model_validate(
            {
                "tenant_id": tenant_id,
                "revision": int(datetime.now(UTC).timestamp() * 1000),
                "published_at": datetime.now(UTC),
                "status": status,
                "limits": {"max_concurrent_calls": max_concurrent_calls, "calls_per_minute": 600},
                "agents": {agent.agent_id: agent},
            }
        )
        route = DidRoute(tenant_id=tenant_id, agent_id=agent.agent_id, number_id="n-" + tenant_id)
        await self.redis.set(keys.tenant_key(tenant_id), snapshot.model_dump_json())
        await self.redis.set(keys.did_key(number), route.model_dump_json())
        self.written |= {
            keys.tenant_key(tenant_id),
            keys.did_key(number),
            keys.tenant_capacity_key(tenant_id),
        }
        change = ConfigChanged(tenant_id=tenant_id, revision=snapshot.revision)
        await self.redis.publish(keys.CONFIG_CHANNEL, change.model_dump_json())
        return snapshot

    async def clean(self) -> None:
        if self.written:
            await self.redis.delete(*self.written)
        self.written.clear()


@dataclass(frozen=True)
class CallEvents:
    started: CallStarted
    turns: list[CallTurn]
    ended: CallEnded


async def call_events(redis: Redis, call_sid: str, wait_s: float = 10.0) -> CallEvents:
    """The events of the call with this CallSid, once its ``call.ended`` is in the stream (the
    runtime's sink writes in the background); fails with what was found after ``wait_s``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_s
    while True:
        found = await _read(redis, call_sid)
        started, turns, ended = found
        if started is not None and ended is not None:
            return CallEvents(started, sorted(turns, key=lambda t: t.turn_index), ended)
        if loop.time() > deadline:
            raise AssertionError(f"no complete events for {call_sid} after {wait_s} s: {found}")
        await asyncio.sleep(0.1)


async def read_events(redis: Redis) -> list[CallStarted | CallTurn | CallEnded]:
    """Every call event in ``sb:v1:events``, oldest first."""
    entries = await redis.xrange(keys.EVENTS_STREAM) or []
    return [
        parse_call_event(fields[keys.EVENT_FIELD.encode()])
        for _entry_id, fields in entries
        if fields is not None
    ]


async def _read(
    redis: Redis, call_sid: str
) -> tuple[CallStarted | None, list[CallTurn], CallEnded | None]:
    started: CallStarted | None = None
    turns: list[CallTurn] = []
    ended: CallEnded | None = None
    for event in await read_events(redis):
        if isinstance(event, CallStarted) and event.carrier_call_id == call_sid:
            started = event
        elif started is None or event.call_id != started.call_id:
            continue
        elif isinstance(event, CallTurn):
            turns.append(event)
        elif isinstance(event, CallEnded):
            ended = event
    return started, turns, ended
