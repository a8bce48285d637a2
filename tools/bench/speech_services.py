"""Runs the STT or TTS service in a subprocess on an ephemeral port, for the speech benchmark.

`python tools/bench/speech_services.py stt|tts` serves (printing `PORT n` first); the parent
uses `service()`.
"""

from __future__ import annotations

import asyncio
import os
import socket
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx


def serve(kind: str) -> None:
    """Child mode: binds an ephemeral port, prints it, serves until terminated."""
    import uvicorn

    from switchboard_common.log import configure_logging

    if kind == "stt":
        from switchboard_stt.app import create_app as create_stt
        from switchboard_stt.settings import Settings as SttSettings

        app = create_stt(SttSettings.from_env())
    else:
        from switchboard_tts.app import create_app as create_tts
        from switchboard_tts.settings import Settings as TtsSettings

        app = create_tts(TtsSettings.from_env())
    configure_logging(f"bench-{kind}", level="WARNING")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    config = uvicorn.Config(app, log_config=None, access_log=False, ws_max_size=1 << 20)
    uvicorn.Server(config).run(sockets=[sock])


@asynccontextmanager
async def service(kind: str, env: dict[str, str]) -> AsyncIterator[str]:
    """Starts a service subprocess and yields its base URL once /readyz is green."""
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        kind,
        env={**os.environ, **env},
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert child.stdout is not None
        line = (await child.stdout.readline()).decode()
        if not line.startswith("PORT "):
            raise RuntimeError(f"{kind} did not start")
        url = f"http://127.0.0.1:{int(line.split()[1])}"
        await _wait_ready(kind, url, child)
        yield url
    finally:
        if child.returncode is None:
            child.terminate()
        await child.wait()


async def _wait_ready(
    kind: str, url: str, child: asyncio.subprocess.Process, timeout_s: float = 300.0
) -> None:
    deadline = time.perf_counter() + timeout_s
    async with httpx.AsyncClient(base_url=url) as client:
        while time.perf_counter() < deadline:
            if child.returncode is not None:
                raise RuntimeError(f"{kind} exited with {child.returncode} (see its log above)")
            try:
                if (await client.get("/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.25)
    raise RuntimeError(f"{kind} never became ready")


def cuda_library_path() -> str:
    """LD_LIBRARY_PATH with the cuBLAS/cuDNN folders of pip's nvidia-* packages, if installed
    (CTranslate2 loads libcublas.so.12 and libcudnn.so.9 at run time)."""
    import site

    folders = [
        str(lib)
        for base in site.getsitepackages()
        for lib in sorted(Path(base).glob("nvidia/*/lib"))
    ]
    existing = os.environ.get("LD_LIBRARY_PATH", "")
    return os.pathsep.join([*folders, existing] if existing else folders)


if __name__ == "__main__":
    serve(sys.argv[1])
