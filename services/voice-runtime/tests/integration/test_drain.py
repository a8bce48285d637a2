"""SIGTERM drains the real runtime process: no new calls, live calls finish, then it exits."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from redis.asyncio import Redis
from websockets.asyncio.client import ClientConnection, connect

from switchboard_common.contract import TenantRuntimeConfig
from switchboard_common.test_endpoints import redis_url
from switchboard_voice_runtime.telephony import twilio

pytestmark = pytest.mark.integration

Publish = Callable[..., Awaitable[TenantRuntimeConfig]]
PLATFORM_TOKEN = "platform-auth-token"
NUMBER = "+15550001000"
CALL_SID = "CA" + "1" * 32

# The runtime process, with a stand-in call core that answers every inbound frame with a mark.
LAUNCHER = """
import asyncio, socket, sys
from switchboard_common.log import configure_logging
from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.main import serve
from switchboard_voice_runtime.settings import Settings


class EchoSession:
    def __init__(self, context, media, control, events):
        self.media, self.reason, self.count = media, None, 0
        self.queue = asyncio.Queue()

    async def run(self):
        while (item := await self.queue.get()) is not None:
            await self.media.send_mark(f"alive-{item}")
        try:
            await self.media.send_mark(f"ended-{self.reason}")
        except ConnectionError:
            pass
        return self.reason

    def push_audio(self, payload):
        self.count += 1
        self.queue.put_nowait(self.count)

    def mark_played(self, name): pass
    def press_digit(self, digit): pass

    def hang_up(self, reason="caller_hangup"):
        if self.reason is None:
            self.reason = reason
            self.queue.put_nowait(None)

    @property
    def ended(self):
        return self.reason is not None


class NoPrewarm:
    async def prewarm(self, agent, audio_format): return None


settings = Settings.from_env()
configure_logging("voice-runtime", json_lines=False)
sock = socket.socket()
sock.bind(("127.0.0.1", 0))
sock.listen(128)
print(sock.getsockname()[1], flush=True)
serve(create_app(settings, call_core=lambda *_: (NoPrewarm(), EchoSession)), settings, [sock])
"""


@dataclass
class RuntimeProcess:
    process: asyncio.subprocess.Process
    base_url: str

    async def token(self, client: httpx.AsyncClient, call_sid: str = CALL_SID) -> httpx.Response:
        params = {
            "CallSid": call_sid,
            "AccountSid": "AC" + "0" * 32,
            "From": "+15559990000",
            "To": NUMBER,
        }
        signature = twilio.compute_signature(
            PLATFORM_TOKEN, "https://voice.test/telephony/twilio/voice", list(params.items())
        )
        return await client.post(
            self.base_url + "/telephony/twilio/voice",
            content=urlencode(params),
            headers={
                "content-type": "application/x-www-form-urlencoded",
                twilio.SIGNATURE_HEADER: signature,
            },
        )

    def socket(self) -> connect:
        signature = twilio.compute_signature(
            PLATFORM_TOKEN, "wss://voice.test/telephony/twilio/media", []
        )
        return connect(
            self.base_url.replace("http://", "ws://") + "/telephony/twilio/media",
            additional_headers={twilio.SIGNATURE_HEADER: signature},
        )


async def _start_runtime(tmp_path: Path, drain_timeout_s: float) -> RuntimeProcess:
    script = tmp_path / "runtime_launcher.py"
    script.write_text(LAUNCHER)
    env = {
        **os.environ,
        "VOICE_RUNTIME_PUBLIC_BASE_URL": "https://voice.test",
        "VOICE_RUNTIME_REDIS_URL": redis_url(2),
        "VOICE_RUNTIME_TWILIO__AUTH_TOKEN": PLATFORM_TOKEN,
        "VOICE_RUNTIME_DRAIN_TIMEOUT_S": str(drain_timeout_s),
        "VOICE_RUNTIME_CALL_TOKEN_SECRET": "drain-test-secret-0123456789abcdef0123",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(script),
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=(tmp_path / "runtime.log").open("wb"),
    )
    assert process.stdout is not None
    async with asyncio.timeout(30):
        port = int((await process.stdout.readline()).decode())
    return RuntimeProcess(process, f"http://127.0.0.1:{port}")


@pytest.fixture
async def runtime_process(
    tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[RuntimeProcess]:
    drain_timeout_s = float(getattr(request, "param", 30.0))
    runtime = await _start_runtime(tmp_path, drain_timeout_s)
    try:
        yield runtime
    finally:
        if runtime.process.returncode is None:
            runtime.process.kill()
            await runtime.process.wait()


async def _open_call(runtime: RuntimeProcess, client: httpx.AsyncClient) -> ClientConnection:
    answer = await runtime.token(client)
    match = re.search(r'name="call_token" value="([^"]+)"', answer.text)
    assert match is not None, answer.text
    ws = await runtime.socket()
    await ws.send(
        json.dumps(
            {
                "event": "start",
                "streamSid": "MZ1",
                "start": {
                    "streamSid": "MZ1",
                    "callSid": CALL_SID,
                    "accountSid": "AC" + "0" * 32,
                    "customParameters": {"call_token": match.group(1)},
                },
            }
        )
    )
    return ws


async def _speak(ws: ClientConnection) -> str:
    await ws.send(json.dumps({"event": "media", "streamSid": "MZ1", "media": {"payload": "/w=="}}))
    async with asyncio.timeout(5):
        return str(json.loads(await ws.recv())["mark"]["name"])


async def _until_not_ready(client: httpx.AsyncClient, base_url: str) -> None:
    """The signal is handled asynchronously by the other process: poll its readiness."""
    async with asyncio.timeout(10):
        while (await client.get(base_url + "/readyz")).status_code == 200:  # noqa: ASYNC110
            await asyncio.sleep(0.02)


async def test_sigterm_refuses_new_calls_and_waits_for_the_live_one(
    runtime_process: RuntimeProcess, publish: Publish, redis: Redis
) -> None:
    await publish()
    async with httpx.AsyncClient() as client:
        assert (await client.get(runtime_process.base_url + "/readyz")).status_code == 200
        ws = await _open_call(runtime_process, client)
        assert await _speak(ws) == "alive-1"
        runtime_process.process.send_signal(signal.SIGTERM)
        await _until_not_ready(client, runtime_process.base_url)
        busy = await runtime_process.token(client, call_sid="CA" + "2" * 32)
        assert busy.status_code == 200
        assert "<Say>" in busy.text and "<Connect>" not in busy.text
        assert await _speak(ws) == "alive-2"
        assert runtime_process.process.returncode is None
        await ws.send(json.dumps({"event": "stop", "streamSid": "MZ1"}))
        async with asyncio.timeout(10):
            await ws.wait_closed()
            assert await runtime_process.process.wait() == 0
    assert await redis.zcard("sb:v1:capacity:tenant:t1") == 0


@pytest.mark.parametrize("runtime_process", [0.3], indirect=True)
async def test_calls_still_live_at_the_drain_deadline_are_ended(
    runtime_process: RuntimeProcess, publish: Publish
) -> None:
    await publish()
    async with httpx.AsyncClient() as client:
        ws = await _open_call(runtime_process, client)
        assert await _speak(ws) == "alive-1"
        runtime_process.process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(10):
            last = json.loads(await ws.recv())
            await ws.wait_closed()
            assert await runtime_process.process.wait() == 0
    assert last["mark"]["name"] == "ended-drained"
