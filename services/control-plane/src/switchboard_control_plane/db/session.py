"""Async engine and session factory, built from settings in the lifespan (never at import)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

from switchboard_control_plane.db.scope import ScopedSession, install_tenant_guard

SessionFactory = async_sessionmaker[AsyncSession]
IDLE_SINCE = "switchboard_idle_since_s"


def create_engine(
    database_url: str,
    *,
    pool_size: int = 20,
    max_overflow: int = 10,
    ping_after_idle_s: float = 10.0,
    connect_timeout_s: float = 5.0,
) -> AsyncEngine:
    """A pooled engine that pings a connection at checkout only when it sat idle a while.

    ``pool_pre_ping`` would cost a round trip on every checkout (every request); a connection
    that was in use moments ago is alive, and a dead one is still detected by SQLAlchemy (the
    pool is invalidated on a disconnect error). ``pool_size`` covers the usual concurrency so
    connections are not opened and closed as overflow under load. A connect gives up after
    ``connect_timeout_s`` (asyncpg's own default is 60 s), so an unreachable database is a
    prompt 503, not a hung request.
    """
    engine = create_async_engine(
        database_url,
        pool_size=pool_size,
        max_overflow=max_overflow,
        connect_args={"timeout": connect_timeout_s},
    )
    _ping_idle_connections(engine, ping_after_idle_s)
    return engine


def _ping_idle_connections(engine: AsyncEngine, idle_s: float) -> None:
    dialect = engine.dialect

    def checkin(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[IDLE_SINCE] = time.monotonic()

    def checkout(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: Any) -> None:
        since = record.info.get(IDLE_SINCE)
        if since is None or time.monotonic() - since < idle_s:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as exc:  # any failure: let the pool replace the connection
            raise DisconnectionError("idle connection failed its ping") from exc

    event.listen(engine.sync_engine, "checkin", checkin)
    event.listen(engine.sync_engine, "checkout", checkout)


def session_factory(engine: AsyncEngine) -> SessionFactory:
    install_tenant_guard()
    return async_sessionmaker(engine, expire_on_commit=False, sync_session_class=ScopedSession)
