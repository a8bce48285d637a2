"""Tenants published to Redis as the control plane would, and the call events read back."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from redis.asyncio import Redis

from switchboard_common.contract import (
    AgentConfig,
    CallEnded,
    CallStarted,
    CallTurn,
    TenantRuntimeConfig,
    keys,
)
from switchboard_common.contract.tenant_config import Carrier, TenantLimits
from switchboard_voice_runtime.testing.tenants import publish_tenant, read_events

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
        status: Literal["active", "suspended"] = "active",
        max_concurrent_calls: int = 5,
        carrier: Carrier | None = None,
    ) -> TenantRuntimeConfig:
        tenant_id = tenant_id_for(number)
        self.written |= {
            keys.tenant_key(tenant_id),
            keys.did_key(number),
            keys.tenant_capacity_key(tenant_id),
        }
        limits = TenantLimits(max_concurrent_calls=max_concurrent_calls, calls_per_minute=600)
        return await publish_tenant(
            self.redis, tenant_id, number, agent or e2e_agent(), limits, status=status,
            carrier=carrier,
        )  # fmt: skip

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
