"""A throwaway redis-server of a test's own on a free port, which the test may kill and restart."""

from __future__ import annotations

import asyncio
import socket
import subprocess
from dataclasses import dataclass, field
from typing import Literal


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RedisProcess:
    """A throwaway redis-server (no persistence) that a test may kill and restart.

    ``restart`` kills it and starts a new, empty one on the same port: pooled client connections
    are then dead, as after a real Redis restart.
    """

    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        self.process = self._spawn()
        await self._wait("up")

    def _spawn(self) -> subprocess.Popen[bytes]:
        argv = ["redis-server", "--port", str(self.port), "--save", "", "--appendonly", "no"]
        return subprocess.Popen(  # noqa: S603 - a fixed local command
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    async def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            await asyncio.to_thread(self.process.wait)
        await self._wait("down")

    async def restart(self) -> None:
        await self.kill()
        await self.start()

    async def _wait(self, state: Literal["up", "down"]) -> None:
        for _ in range(100):
            try:
                _reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                if state == "down":
                    return
            else:
                writer.close()
                await writer.wait_closed()
                if state == "up":
                    return
            await asyncio.sleep(0.05)
        raise RuntimeError(f"redis-server on port {self.port} did not come {state}")
