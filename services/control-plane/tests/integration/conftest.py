"""Integration fixtures: the real Postgres (migrated once) and Redis DB 1, an app per test."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis

from switchboard_common.test_endpoints import (
    database_name,
    database_url,
    postgres_server_url,
    redis_url,
)
from switchboard_control_plane.app import create_app
from switchboard_control_plane.db.migrate import upgrade
from switchboard_control_plane.db.models import Base
from switchboard_control_plane.settings import DEV_BOOTSTRAP_ADMIN_KEY, Settings

pytestmark = pytest.mark.integration

SERVER_URL = postgres_server_url()
TEST_DB = database_name("switchboard_cp_test")
DATABASE_URL = database_url("switchboard_cp_test")
REDIS_URL = redis_url(1)
ADMIN = {"Authorization": f"Bearer {DEV_BOOTSTRAP_ADMIN_KEY}"}


async def ensure_database(name: str, *, fresh: bool = False) -> None:
    connection = await asyncpg.connect(SERVER_URL)
    try:
        if fresh:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        exists = await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()


async def drop_database(name: str) -> None:
    connection = await asyncpg.connect(SERVER_URL)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def migrated_database() -> str:
    asyncio.run(ensure_database(TEST_DB, fresh=True))
    upgrade(DATABASE_URL)
    return DATABASE_URL


async def truncate_all(database_url: str) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    connection = await asyncpg.connect(database_url.replace("+asyncpg", ""))
    try:
        await connection.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    finally:
        await connection.close()


def make_settings(database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "redis_url": REDIS_URL,
        "migrate_on_start": False,
        "publisher_poll_s": 0.2,
        "log_json": True,
    }
    values.update(overrides)
    return Settings(**values)


@dataclass
class Harness:
    app: FastAPI
    client: httpx.AsyncClient
    redis: Redis
    settings: Settings

    def as_(self, token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    await client.flushdb()
    yield client
    await client.flushdb()
    await client.aclose()


async def start_harness(settings: Settings, redis: Redis) -> tuple[Harness, Any]:
    app = create_app(settings)
    lifespan = app.router.lifespan_context(app)
    await lifespan.__aenter__()
    transport = httpx.ASGITransport(app=app)
    client = httpx.AsyncClient(transport=transport, base_url="http://cp.test", headers=ADMIN)
    return Harness(app, client, redis, settings), lifespan


@pytest.fixture
async def harness(migrated_database: str, redis: Redis) -> AsyncIterator[Harness]:
    await truncate_all(migrated_database)
    h, lifespan = await start_harness(make_settings(migrated_database), redis)
    yield h
    await h.client.aclose()
    await lifespan.__aexit__(None, None, None)
