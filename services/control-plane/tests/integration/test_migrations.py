"""Migrations go up, down and up again, and agree with the models (no autogenerate diff)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from switchboard_common.test_endpoints import database_name, database_url
from switchboard_control_plane.db.migrate import downgrade, upgrade
from switchboard_control_plane.db.models import Base
from tests.integration.conftest import drop_database, ensure_database

pytestmark = pytest.mark.integration
DB = database_name("switchboard_cp_migrations")
URL = database_url("switchboard_cp_migrations")


@pytest.fixture
def scratch_database() -> Iterator[str]:
    asyncio.run(ensure_database(DB, fresh=True))
    yield URL
    asyncio.run(drop_database(DB))


async def _inspect(url: str, fn: Any) -> Any:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(fn)
    finally:
        await engine.dispose()


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def _diff(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def test_upgrade_downgrade_upgrade_and_no_model_drift(scratch_database: str) -> None:
    upgrade(scratch_database)
    expected = {table.name for table in Base.metadata.sorted_tables}
    assert expected <= asyncio.run(_inspect(scratch_database, _tables))
    downgrade(scratch_database)
    assert asyncio.run(_inspect(scratch_database, _tables)) <= {"alembic_version"}
    upgrade(scratch_database)
    assert asyncio.run(_inspect(scratch_database, _diff)) == []


SEED_0001 = [
    "INSERT INTO tenants (id, name, status, limits, revision, telephony) VALUES "
    """('ten_m', 'M', 'active', '{}', 1, '{"twilio": {"account_sid": "AC1", """
    """"auth_token_secret_name": "twilio"}}')""",
    "INSERT INTO agents (id, tenant_id, name, description, latest_version, live_version) VALUES "
    "('agt_a', 'ten_m', 'a', '', 2, 1), ('agt_b', 'ten_m', 'b', '', 1, NULL)",
    "INSERT INTO agent_versions (id, tenant_id, agent_id, version, config, note, created_by) "
    "VALUES "
    """('v1', 'ten_m', 'agt_a', 1, '{"llm": {"api_key_secret_name": "bound", """
    """"api_base": "https://LLM.example.com/v1"}}', '', 'x'), """
    """('v2', 'ten_m', 'agt_a', 2, '{"llm": {"api_key_secret_name": "bound", """
    """"api_base": "https://evil.example/v1"}}', '', 'x'), """
    """('v3', 'ten_m', 'agt_b', 1, '{"llm": {"api_key_secret_name": "openai"}}', '', 'x'), """
    """('v4', 'ten_m', 'agt_b', 2, '{"llm": {"api_key_secret_name": "twilio"}}', '', 'x')""",
    "INSERT INTO secrets (id, tenant_id, name, key_id, nonce, ciphertext, updated_by) VALUES "
    "('s1', 'ten_m', 'bound', 'k', 'n', 'c', 'x'), ('s2', 'ten_m', 'openai', 'k', 'n', 'c', 'x'), "
    "('s3', 'ten_m', 'twilio', 'k', 'n', 'c', 'x'), ('s4', 'ten_m', 'spare', 'k', 'n', 'c', 'x')",
]


async def _execute(url: str, statements: list[str]) -> list[tuple[Any, ...]]:
    """Runs ``statements``, then reads every secret's name, kind and allowed host (if any)."""
    connection = await asyncpg.connect(url.replace("+asyncpg", ""))
    try:
        for statement in statements:
            await connection.execute(statement)
        if statements:
            return []
        rows = await connection.fetch("SELECT name, kind, allowed_host FROM secrets ORDER BY name")
        return [tuple(row) for row in rows]
    finally:
        await connection.close()


def test_existing_secrets_get_the_kind_their_use_implies(scratch_database: str) -> None:
    upgrade(scratch_database, "0001")
    asyncio.run(_execute(scratch_database, SEED_0001))
    upgrade(scratch_database)
    assert asyncio.run(_execute(scratch_database, [])) == [
        ("bound", "llm_api_key", "llm.example.com"),  # the live version's host wins
        ("openai", "llm_api_key", None),
        ("spare", "webhook_secret", None),  # unused: the kind never sent anywhere
        ("twilio", "carrier_credential", None),  # a carrier token stays one, even if misused
    ]
