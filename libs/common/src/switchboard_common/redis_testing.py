"""A throwaway redis-server for tests that stop, kill or restart Redis (imported only by tests)."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Literal

_WAIT_STEP_S = 0.05
_WAIT_STEPS = 200


def free_port() -> int:
    """An ephemeral loopback port that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """redis-server on its own ephemeral port, no persistence: every start begins empty.

    ``kill`` is SIGKILL (connections drop, nothing is saved); ``stop`` is SIGTERM. Both wait
    until the port no longer answers; ``start`` waits until it does.
    """

    def __init__(self, workdir: Path | None = None, port: int | None = None) -> None:
        self.port = port if port is not None else free_port()
        self._workdir = workdir
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        self._process = self._spawn()
        await self._wait("up")

    def _spawn(self) -> subprocess.Popen[bytes]:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not on PATH")
        argv = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        argv += ["--appendonly", "no"]
        if self._workdir is not None:
            argv += ["--dir", str(self._workdir)]
        return subprocess.Popen(  # noqa: S603 - a fixed local command
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )

    async def kill(self) -> None:
        await self._end(kill=True)

    async def stop(self) -> None:
        await self._end(kill=False)

    async def restart(self) -> None:
        """Kills it and starts a new, empty one on the same port: pooled client connections are
        then dead, as after a real Redis restart."""
        await self.kill()
        await self.start()

    async def _end(self, *, kill: bool) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            if kill:
                process.kill()
            else:
                process.terminate()
            await asyncio.to_thread(process.wait, 10)
        await self._wait("down")

    async def _wait(self, state: Literal["up", "down"]) -> None:
        for _ in range(_WAIT_STEPS):
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
            await asyncio.sleep(_WAIT_STEP_S)
        raise RuntimeError(f"redis-server on port {self.port} did not come {state}")
