"""The engine replaces a pooled connection that died while idle (its checkout ping fails)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from switchboard_control_plane.db.session import create_engine

pytestmark = pytest.mark.integration


async def test_a_connection_killed_while_idle_is_replaced(migrated_database: str) -> None:
    engine = create_engine(migrated_database, pool_size=1, max_overflow=0, ping_after_idle_s=0.0)
    try:
        async with engine.connect() as connection:
            first_pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        async with engine.connect() as killer:  # the pooled connection, pinged and alive
            assert (await killer.execute(text("SELECT pg_backend_pid()"))).scalar_one() == first_pid
        other = create_engine(migrated_database)
        async with other.connect() as admin:
            await admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first_pid})
        await other.dispose()
        async with engine.connect() as connection:
            pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
        assert pid != first_pid
    finally:
        await engine.dispose()
