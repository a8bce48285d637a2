"""Makes the database ready before serving: it exists (created in development), migrated."""

from __future__ import annotations

import logging

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.engine import URL, make_url

from switchboard_control_plane.db.migrate import upgrade_async

logger = logging.getLogger("switchboard.control_plane.database")
CONNECT_TIMEOUT_S = 5.0


class DatabaseSetupError(Exception):
    """The database cannot be prepared; the message says what is missing and what to do."""


def _where(url: URL) -> str:
    return f"{url.host or 'localhost'}:{url.port or 5432}"


def _dsn(url: URL, database: str | None = None) -> str:
    plain = url.set(drivername="postgresql")
    if database is not None:
        plain = plain.set(database=database)
    return plain.render_as_string(hide_password=False)


async def ensure_database(database_url: str, *, create: bool) -> None:
    """Returns when the database exists; creates it when missing and ``create`` (development),
    else raises ``DatabaseSetupError`` naming what is missing."""
    url = make_url(database_url)
    try:
        connection = await asyncpg.connect(_dsn(url), timeout=CONNECT_TIMEOUT_S)
    except asyncpg.exceptions.InvalidCatalogNameError:
        if not create:
            raise DatabaseSetupError(
                f'database "{url.database}" does not exist on the Postgres at {_where(url)}: '
                f'create it (createdb "{url.database}"), then run '
                "`switchboard-control-plane migrate`"
            ) from None
        await _create(url)
        return
    except (OSError, asyncpg.exceptions.PostgresError) as exc:
        raise DatabaseSetupError(
            f"cannot connect to the Postgres at {_where(url)} "
            f"({type(exc).__name__}: {exc}); is it running, and is "
            "CONTROL_PLANE_DATABASE_URL right?"
        ) from None
    await connection.close()


async def _create(url: URL) -> None:
    try:
        server = await asyncpg.connect(_dsn(url, "postgres"), timeout=CONNECT_TIMEOUT_S)
    except (OSError, asyncpg.exceptions.PostgresError) as exc:
        raise DatabaseSetupError(
            f'database "{url.database}" does not exist on the Postgres at {_where(url)}, and '
            f"it could not be created there ({type(exc).__name__}: {exc})"
        ) from None
    try:
        name = str(url.database).replace('"', '""')
        await server.execute(f'CREATE DATABASE "{name}"')
    except asyncpg.exceptions.DuplicateDatabaseError:
        pass  # another process created it meanwhile
    finally:
        await server.close()
    logger.info("database.created", extra={"fields": {"database": url.database}})


async def prepare_database(database_url: str, *, development: bool) -> None:
    """What ``migrate`` and a migrating start do: the database exists, then it is at head."""
    await ensure_database(database_url, create=development)
    await upgrade_async(database_url)
