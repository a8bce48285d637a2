"""Service apps under test: in-process over ASGI, or served by uvicorn on a loopback port.

Imported only by tests: httpx comes from the workspace's dev dependency group.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Literal

import httpx
import uvicorn
from fastapi import FastAPI

UVICORN_WS_MAX_SIZE = 16 * 1024 * 1024
"""uvicorn's own default for the largest websocket message it accepts, in bytes."""


@asynccontextmanager
async def running_client(
    app: FastAPI, base_url: str = "http://test"
) -> AsyncIterator[httpx.AsyncClient]:
    """Enters the app's lifespan, then opens a client that calls it over ASGI (no socket)."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=base_url) as client:
            yield client


@dataclass
class ServedApp:
    """An app served by uvicorn in this event loop; ``stop()`` shuts it down."""

    url: str
    server: uvicorn.Server
    task: asyncio.Task[None]
    sock: socket.socket

    async def stop(self) -> None:
        self.server.should_exit = True
        await self.task
        self.sock.close()


def loopback_socket(port: int = 0) -> socket.socket:
    """A socket bound to a loopback port (ephemeral by default), not yet listening: connections
    to it are refused until it is served."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    return sock


async def start_serving(
    app: FastAPI,
    *,
    lifespan: Literal["on", "off"] = "on",
    ws_max_size: int = UVICORN_WS_MAX_SIZE,
    log_level: str | None = None,
    sock: socket.socket | None = None,
) -> ServedApp:
    """Serves ``app`` on an ephemeral loopback port (or on ``sock``, a bound socket: e.g. one
    that refused connections until now). The socket listens before the server starts, so early
    connections wait in the backlog instead of failing."""
    sock = sock or loopback_socket()
    sock.listen(128)
    config = uvicorn.Config(
        app, log_config=None, log_level=log_level, lifespan=lifespan, ws_max_size=ws_max_size
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    return ServedApp(f"http://127.0.0.1:{sock.getsockname()[1]}", server, task, sock)


@asynccontextmanager
async def serving(
    app: FastAPI,
    *,
    lifespan: Literal["on", "off"] = "on",
    ws_max_size: int = UVICORN_WS_MAX_SIZE,
    log_level: str | None = None,
) -> AsyncIterator[str]:
    """Serves ``app`` (see ``start_serving``) while the block runs; yields its base URL."""
    served = await start_serving(
        app, lifespan=lifespan, ws_max_size=ws_max_size, log_level=log_level
    )
    try:
        yield served.url
    finally:
        await served.stop()
