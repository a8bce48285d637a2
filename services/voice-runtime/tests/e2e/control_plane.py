"""The real control plane beside the end-to-end stack, for the tests that follow a call past its
end: its own Postgres test database (created and migrated at start, dropped at the end), the
stack's Redis DB, the runtime's events stream from the moment it starts. Tenants, agents,
numbers and webhook endpoints are created through its API, and it publishes them to the runtime."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import httpx
from pydantic import SecretStr
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from switchboard_common.app_testing import ServedApp
from switchboard_common.contract.keys import EVENTS_CONSUMER_GROUP, EVENTS_STREAM, did_key
from switchboard_common.recordings import RecordingsSettings
from switchboard_common.test_endpoints import database_name, database_url, postgres_server_url
from switchboard_control_plane.app import create_app
from switchboard_control_plane.settings import (
    DEV_BOOTSTRAP_ADMIN_KEY,
    AnalysisSettings,
    Settings,
    WebhookSettings,
)

from .stack import REDIS_URL, RUNTIME_KEYS, TTS_TOKEN, E2EStack, serve
from .tenants import SCENARIOS

DATABASE = "switchboard_e2e_cp"
ADMIN = {"Authorization": f"Bearer {DEV_BOOTSTRAP_ADMIN_KEY}"}
PUBLISHED_WITHIN_S = 10.0


def control_plane_settings(stack: E2EStack) -> Settings:
    """The control plane under test: development defaults, the stack's Redis, runtime keyring,
    TTS (agent voices are checked against it) and recordings; workers polling briskly."""
    return Settings(
        database_url=database_url(DATABASE),
        redis_url=REDIS_URL,
        runtime_keys=SecretStr(RUNTIME_KEYS),
        tts_url=stack.tts.url,
        tts_token=SecretStr(TTS_TOKEN),
        voice_runtime_public_url=stack.runtime.url,
        allow_private_addresses=True,  # the customer's receiver is on loopback
        migrate_on_start=True,  # development: creates the database, then migrates it
        publisher_poll_s=0.2,
        log_json=False,
        webhooks=WebhookSettings(poll_s=0.1, retry_schedule_s=(0.5, 1.0, 2.0)),
        analysis=AnalysisSettings(poll_s=0.2, retry_s=1.0),
        recordings=RecordingsSettings(dir=stack.recordings_dir),
    )


@dataclass
class ControlPlane:
    """The served control plane and an admin client for its API."""

    served: ServedApp
    client: httpx.AsyncClient

    async def post(self, path: str, body: Mapping[str, object], status: int = 201) -> Any:
        response = await self.client.post(path, json=body)
        assert response.status_code == status, response.text
        return response.json()

    async def get(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        response = await self.client.get(path, params=params)
        assert response.status_code == 200, response.text
        return response.json()

    async def tenant_on(self, redis: Redis, number: str, name: str = "Acme Dental") -> str:
        """A tenant whose ``number`` rings the scenarios' agent (``agent.json``), published:
        returns once the runtime can route the number."""
        tenant_id = str((await self.post("/v1/tenants", {"name": name}))["id"])
        agent = json.loads((SCENARIOS / "agent.json").read_text())
        base = f"/v1/tenants/{tenant_id}"
        agent_id = (await self.post(f"{base}/agents", {"name": agent.pop("name")}))["id"]
        await self.post(f"{base}/agents/{agent_id}/versions", agent)
        await self.post(f"{base}/agents/{agent_id}/publish", {"version": 1}, status=200)
        await self.post(f"{base}/numbers", {"e164": number, "agent_id": agent_id})
        async with asyncio.timeout(PUBLISHED_WITHIN_S):
            while True:
                if await _routed(redis, number, tenant_id):
                    return tenant_id
                await asyncio.sleep(0.05)


async def _routed(redis: Redis, number: str, tenant_id: str) -> bool:
    raw = await redis.get(did_key(number))
    return raw is not None and bool(json.loads(raw).get("tenant_id") == tenant_id)


async def _drop_database() -> None:
    connection = await asyncpg.connect(postgres_server_url())
    try:
        await connection.execute(
            f'DROP DATABASE IF EXISTS "{database_name(DATABASE)}" WITH (FORCE)'
        )
    finally:
        await connection.close()


async def _consume_from_now(redis: Redis) -> None:
    """Points the control plane's consumer group at the stream's end: events of the calls placed
    before it started belong to tenants published straight to Redis, which it does not know."""
    try:
        await redis.xgroup_create(EVENTS_STREAM, EVENTS_CONSUMER_GROUP, id="$", mkstream=True)
    except ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise
        await redis.xgroup_setid(EVENTS_STREAM, EVENTS_CONSUMER_GROUP, id="$")


@asynccontextmanager
async def running_control_plane(stack: E2EStack) -> AsyncIterator[ControlPlane]:
    """Serves the control plane (fresh database, workers on) on a loopback port until exit."""
    await _drop_database()
    await _consume_from_now(stack.redis)
    served = await serve(create_app(control_plane_settings(stack)), ready_path="/readyz")
    try:
        async with httpx.AsyncClient(base_url=served.url, headers=ADMIN, timeout=30.0) as client:
            yield ControlPlane(served, client)
    finally:
        await served.stop()
        await _drop_database()
