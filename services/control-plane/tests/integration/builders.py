"""Small API helpers the integration tests share."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from redis.asyncio import Redis

from switchboard_common.contract import TenantRuntimeConfig
from switchboard_common.contract.keys import tenant_key


async def ok(response_coro: Any, status: int = 200) -> dict[str, Any]:
    response: httpx.Response = await response_coro
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json() if response.content else {}
    return body


async def tenant(client: httpx.AsyncClient, name: str = "Acme") -> str:
    body = await ok(client.post("/v1/tenants", json={"name": name}), 201)
    return str(body["id"])


async def live_agent(
    client: httpx.AsyncClient, tenant_id: str, greeting: str = "Hello", **config: Any
) -> str:
    agent = await ok(client.post(f"/v1/tenants/{tenant_id}/agents", json={"name": "desk"}), 201)
    agent_id = str(agent["id"])
    body = {"greeting": greeting, **config}
    await ok(client.post(f"/v1/tenants/{tenant_id}/agents/{agent_id}/versions", json=body), 201)
    await ok(client.post(f"/v1/tenants/{tenant_id}/agents/{agent_id}/publish", json={"version": 1}))
    return agent_id


async def number(client: httpx.AsyncClient, tenant_id: str, e164: str, agent_id: str) -> str:
    body = {"e164": e164, "agent_id": agent_id}
    created = await ok(client.post(f"/v1/tenants/{tenant_id}/numbers", json=body), 201)
    return str(created["id"])


async def api_key(client: httpx.AsyncClient, tenant_id: str, role: str = "owner") -> str:
    body = {"name": f"{role} key", "role": role}
    created = await ok(client.post(f"/v1/tenants/{tenant_id}/api-keys", json=body), 201)
    return str(created["key"])


async def snapshot_at_least(
    redis: Redis, tenant_id: str, revision: int, timeout_s: float = 5.0
) -> TenantRuntimeConfig:
    """Waits (polling Redis, bounded) until the tenant's snapshot reaches ``revision``."""
    async with asyncio.timeout(timeout_s):
        while True:
            raw = await redis.get(tenant_key(tenant_id))
            if raw is not None:
                snapshot = TenantRuntimeConfig.model_validate_json(raw)
                if snapshot.revision >= revision:
                    return snapshot
            await asyncio.sleep(0.02)


async def current_revision(client: httpx.AsyncClient, tenant_id: str) -> int:
    return int((await ok(client.get(f"/v1/tenants/{tenant_id}")))["revision"])
