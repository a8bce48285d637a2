"""A customer's webhook receiver on a loopback port: records every request and answers as
scripted (status codes, or ``"slow"`` to answer only after a delay), then 200."""

from __future__ import annotations

import asyncio
import socket
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response
from standardwebhooks.webhooks import Webhook

SLOW = "slow"


@dataclass
class Received:
    headers: dict[str, str]
    body: str

    @property
    def id(self) -> str:
        return self.headers["webhook-id"]

    def verified(self, secret: str) -> dict[str, Any]:
        """The event, once its signature checks out with ``secret`` (raises otherwise)."""
        event: dict[str, Any] = Webhook(secret).verify(self.body, self.headers)
        return event


@dataclass
class Receiver:
    """``script`` answers the next requests in turn; ``slow_s`` is how long ``"slow"`` waits."""

    script: deque[int | str] = field(default_factory=deque)
    slow_s: float = 3.0
    received: list[Received] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/hook")
        async def hook(request: Request) -> Response:
            body = (await request.body()).decode()
            self.received.append(Received(dict(request.headers), body))
            self.arrived.set()
            answer = self.script.popleft() if self.script else 200
            if answer == SLOW:
                await asyncio.sleep(self.slow_s)
                answer = 200
            headers = {"location": "http://127.0.0.1:9/elsewhere"} if answer == 307 else None
            return Response(status_code=int(answer), headers=headers)

        return app

    def unique(self) -> dict[str, Received]:
        """The requests by ``webhook-id``: how a receiver de-duplicates retries."""
        return {item.id: item for item in self.received}

    async def wait_for(self, count: int, timeout_s: float = 20.0) -> dict[str, Received]:
        """Waits until ``count`` distinct events arrived."""
        async with asyncio.timeout(timeout_s):
            while len(self.unique()) < count:
                self.arrived.clear()
                await self.arrived.wait()
        return self.unique()


def free_socket(port: int = 0) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    return sock


@dataclass
class ServedReceiver:
    url: str
    server: uvicorn.Server
    task: asyncio.Task[None]
    sock: socket.socket

    async def stop(self) -> None:
        self.server.should_exit = True
        await self.task
        self.sock.close()


async def serve(receiver: Receiver, sock: socket.socket | None = None) -> ServedReceiver:
    """Serves ``receiver`` on ``sock`` (a fresh loopback port by default); ``url`` is its hook."""
    sock = sock or free_socket()
    sock.listen(128)
    config = uvicorn.Config(receiver.app(), log_config=None, lifespan="off")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    return ServedReceiver(f"http://127.0.0.1:{sock.getsockname()[1]}/hook", server, task, sock)
