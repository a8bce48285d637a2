"""A customer's webhook receiver on a loopback port (any path): records every request and answers as
scripted (status codes, or ``"slow"`` to answer only after a delay), then 200."""

from __future__ import annotations

import asyncio
import socket
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request, Response
from standardwebhooks.webhooks import Webhook

from switchboard_common.app_testing import ServedApp, start_serving

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

        @app.post("/{path:path}")
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


async def serve(receiver: Receiver, sock: socket.socket | None = None) -> ServedApp:
    """Serves ``receiver`` on ``sock`` (a fresh loopback port by default) at every path of
    ``served.url``."""
    return await start_serving(receiver.app(), lifespan="off", sock=sock)
