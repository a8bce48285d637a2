"""Wakes the delivery senders as soon as an event commits: ``emit`` sends a Postgres NOTIFY in
the caller's transaction (delivered only if it commits), and every control-plane process with
workers LISTENs for it. Senders still poll, so a lost notification only delays a delivery."""

from __future__ import annotations

import asyncio
import logging

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

CHANNEL = "sb_webhooks"
RETRY_S = 5.0
logger = logging.getLogger("switchboard.control_plane.webhooks")


async def notify(session: AsyncSession) -> None:
    await session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


def asyncpg_dsn(database_url: str) -> str:
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


class WakeupListener:
    """Sets ``wakeup`` on each notification; reconnects (every ``RETRY_S``) when the
    connection is lost."""

    def __init__(self, database_url: str, wakeup: asyncio.Event) -> None:
        self._dsn = asyncpg_dsn(database_url)
        self._wakeup = wakeup

    def _woken(self, *_args: object) -> None:
        self._wakeup.set()

    async def run(self) -> None:
        while True:
            try:
                await self._listen()
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                logger.warning(
                    "webhooks.listen_failed", extra={"fields": {"error": type(exc).__name__}}
                )
            await asyncio.sleep(RETRY_S)

    async def _listen(self) -> None:
        connection = await asyncpg.connect(self._dsn)
        closed = asyncio.Event()
        try:
            connection.add_termination_listener(lambda _connection: closed.set())
            await connection.add_listener(CHANNEL, self._woken)
            self._wakeup.set()  # anything committed while not listening
            await closed.wait()
        finally:
            await connection.close()
