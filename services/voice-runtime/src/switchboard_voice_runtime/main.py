"""Console entry point: `switchboard-voice-runtime` serves the runtime and drains on SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal
import socket
from types import FrameType

import uvicorn
from fastapi import FastAPI

from switchboard_common.service import configure_service_logging
from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.calls import Drain
from switchboard_voice_runtime.settings import Settings

logger = logging.getLogger(__name__)

WS_MAX_FRAME_BYTES = 65_536


class DrainingServer(uvicorn.Server):
    """On the first SIGTERM/SIGINT: drain (stop taking calls, let live ones finish), then exit.

    A second signal exits at once, as plain uvicorn does.
    """

    def __init__(self, config: uvicorn.Config, drain: Drain) -> None:
        super().__init__(config)
        self._drain = drain
        self._loop: asyncio.AbstractEventLoop | None = None
        self._drain_task: asyncio.Task[None] | None = None

    async def serve(self, sockets: list[socket.socket] | None = None) -> None:
        self._loop = asyncio.get_running_loop()
        await super().serve(sockets=sockets)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self._loop is None or self._drain_task is not None:
            super().handle_exit(sig, frame)
            return
        logger.info(
            "runtime.drain_requested", extra={"fields": {"signal": signal.Signals(sig).name}}
        )
        self._loop.call_soon_threadsafe(self._start_drain)

    def _start_drain(self) -> None:
        self._drain_task = asyncio.ensure_future(self._drain_then_exit())

    async def _drain_then_exit(self) -> None:
        try:
            await self._drain.run()
        finally:
            self.should_exit = True


def serve(app: FastAPI, settings: Settings, sockets: list[socket.socket] | None = None) -> None:
    """Serves the runtime until a signal drains it (on ``sockets`` when given, else host:port)."""
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        ws_max_size=WS_MAX_FRAME_BYTES,
        timeout_graceful_shutdown=10,
    )
    DrainingServer(config, app.state.drain).run(sockets=sockets)


def main() -> None:
    settings = Settings.from_env()
    configure_service_logging(settings)
    serve(create_app(settings), settings)
