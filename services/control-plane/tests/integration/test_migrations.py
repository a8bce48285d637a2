"""Migrations go up, down and up again, and agree with the models (no autogenerate diff)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

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
