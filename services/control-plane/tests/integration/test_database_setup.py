"""A control plane pointed at a database that does not exist: created in development, a clear
message (no traceback) otherwise."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import asyncpg  # type: ignore[import-untyped]
import pytest

from switchboard_common.contract import Keyring
from switchboard_common.test_endpoints import database_name, database_url
from switchboard_control_plane.db.prepare import prepare_database
from switchboard_control_plane.main import run
from tests.integration.conftest import drop_database, make_settings

pytestmark = pytest.mark.integration
MISSING = "switchboard_cp_missing"


def _production_env(url: str) -> dict[str, str]:
    spec = f"k1:{Keyring.generate_key()}"
    return {
        "CONTROL_PLANE_ENVIRONMENT": "production",
        "CONTROL_PLANE_DATABASE_URL": url,
        "CONTROL_PLANE_MIGRATE_ON_START": "true",
        "CONTROL_PLANE_BOOTSTRAP_ADMIN_KEY": "sb_test_real_key",
        "CONTROL_PLANE_SECRET_KEYS": spec,
        "CONTROL_PLANE_RUNTIME_KEYS": spec,
        "CONTROL_PLANE_API_KEY_PEPPER": "test-pepper",
    }


async def test_development_creates_and_migrates_a_missing_database() -> None:
    name = database_name(MISSING)
    await drop_database(name)
    url = database_url(MISSING)
    try:
        await prepare_database(url, development=True)
        connection = await asyncpg.connect(url.replace("+asyncpg", ""))
        try:
            assert await connection.fetchval("SELECT version_num FROM alembic_version")
        finally:
            await connection.close()
    finally:
        await drop_database(name)


def test_migrate_in_production_says_which_database_is_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    asyncio.run(drop_database(database_name(MISSING)))
    settings = make_settings(
        database_url(MISSING),
        environment="production",
        bootstrap_admin_key="sb_test_real_key",
        secret_keys=f"k1:{Keyring.generate_key()}",
        runtime_keys=f"k1:{Keyring.generate_key()}",
        api_key_pepper="test-pepper",
    )
    assert run(["migrate"], settings) == 2
    error = capsys.readouterr().err
    assert f'database "{database_name(MISSING)}" does not exist' in error
    assert "switchboard-control-plane migrate" in error


def test_serving_against_a_missing_database_exits_with_a_message_not_a_traceback() -> None:
    asyncio.run(drop_database(database_name(MISSING)))
    env = {**os.environ, **_production_env(database_url(MISSING))}
    started = subprocess.run(
        [sys.executable, "-c", "from switchboard_control_plane.main import main; main()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert started.returncode == 2
    assert "does not exist" in started.stderr
    assert "Traceback" not in started.stderr
