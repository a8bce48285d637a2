"""The end-to-end stack: real STT, TTS and runtime apps on ephemeral ports, and their helpers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI
from pydantic import SecretStr
from redis.asyncio import Redis

from switchboard_callsim import CallReport, FakeTwilioRest, Scenario, load_scenario, run_call
from switchboard_callsim.events import OnEvent
from switchboard_common.app_testing import ServedApp, start_serving
from switchboard_common.app_testing import wait_ready as wait_until_ready
from switchboard_common.contract import Keyring
from switchboard_common.test_endpoints import redis_url
from switchboard_stt.app import create_app as create_stt_app
from switchboard_stt.settings import Settings as SttSettings
from switchboard_tts.app import create_app as create_tts_app
from switchboard_tts.settings import Settings as TtsSettings
from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.providers.litellm_loader import import_litellm
from switchboard_voice_runtime.settings import Settings, TwilioSettings
from switchboard_voice_runtime.testing.tenants import mark_published

from .tenants import SCENARIOS

AUTH_TOKEN = "e2e-twilio-auth-token"
ACCOUNT_SID = "AC" + "6" * 32
PUBLIC_BASE_URL = "https://voice.e2e.test"
REDIS_URL = redis_url(6)
RUNTIME_KEYS = "k1:" + "E" * 43 + "="
STT_TOKEN = "e2e-stt-service-token-0123456789"
TTS_TOKEN = "e2e-tts-service-token-0123456789"
READY_TIMEOUT_S = 180.0


async def serve(app: FastAPI, *, ready_path: str | None = None) -> ServedApp:
    """Starts ``app`` (lifespan on) on an ephemeral port; with ``ready_path``, waits for 200."""
    served = await start_serving(app, ws_max_size=1 << 20)
    if ready_path is not None:
        await wait_ready(served, ready_path)
    return served


async def wait_ready(served: ServedApp, path: str) -> None:
    """Polls ``path`` until it answers 200 (the STT and TTS warm-ups run first)."""
    await wait_until_ready(served, path, timeout_s=READY_TIMEOUT_S)


def runtime_settings(*, carrier_url: str, recordings_dir: Path, **overrides: object) -> Settings:
    """The runtime under test: Redis DB 6, the fake carrier REST API, the test keyring (the
    speech services' URLs come in ``overrides``)."""
    values: dict[str, object] = {
        "public_base_url": PUBLIC_BASE_URL,
        "redis_url": REDIS_URL,
        "runtime_keys": RUNTIME_KEYS,
        "call_token_secret": "e2e-call-token-secret-0123456789abcdef",
        "stt_token": STT_TOKEN,
        "tts_token": TTS_TOKEN,
        "twilio": TwilioSettings(
            account_sid=ACCOUNT_SID, auth_token=SecretStr(AUTH_TOKEN), api_base=carrier_url
        ),
        "recordings_dir": recordings_dir,
        "drain_timeout_s": 2.0,
        "lease_ttl_s": 10.0,
        "log_json": False,
        "allow_private_addresses": True,  # the fake LLM and tool servers are on loopback
        # Fillers depend on this machine's speed: the scripted caller takes 500 ms of agent
        # silence as the end of a reply, so a filler before a slow answer would pass for the
        # reply. The call core's virtual-time tests cover them.
        "filler_after_s": 0.0,
    }
    values.update(overrides)
    return Settings.model_validate(values)


@dataclass
class SwitchableProxy:
    """A TCP relay in front of a service; ``cut()`` refuses new connections and drops live ones
    (the service looks down), ``restore()`` listens again on the same port."""

    target_port: int
    port: int = 0
    _server: asyncio.Server | None = None
    _writers: set[asyncio.StreamWriter] = field(default_factory=set)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for writer in list(self._writers):
            writer.close()
        self._writers.clear()

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        await asyncio.gather(
            _pipe(reader, up_writer), _pipe(up_reader, writer), return_exceptions=True
        )
        self._writers -= {writer, up_writer}


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65_536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


@dataclass
class E2EStack:
    """The session's running services and how to place calls through them."""

    stt: ServedApp
    tts: ServedApp
    carrier: FakeTwilioRest
    carrier_url: str
    runtime: ServedApp
    redis: Redis
    out_dir: Path
    recordings_dir: Path
    keyring: Keyring = field(default_factory=lambda: Keyring.from_spec(RUNTIME_KEYS))

    def settings(self, **overrides: object) -> Settings:
        values: dict[str, object] = {"stt_url": self.stt.url, "tts_url": self.tts.url}
        values.update(overrides)
        return runtime_settings(
            carrier_url=self.carrier_url, recordings_dir=self.recordings_dir, **values
        )

    @asynccontextmanager
    async def extra_runtime(self, **overrides: object) -> AsyncIterator[ServedApp]:
        """A second runtime app (own settings: another Redis, a proxied STT...)."""
        served = await serve(create_app(self.settings(**overrides)), ready_path="/healthz")
        try:
            yield served
        finally:
            await served.stop()

    async def call(
        self,
        scenario: Scenario | str,
        *,
        runtime_url: str | None = None,
        transcribe: bool = True,
        on_event: OnEvent | None = None,
        auth_token: str = AUTH_TOKEN,
    ) -> CallReport:
        """Places a call; ``scenario`` is a Scenario or a file name in scenarios/e2e. Without
        ``transcribe`` the agent's replies are not transcribed (word checks are unverified)."""
        if isinstance(scenario, str):
            scenario = load_scenario(SCENARIOS / f"{scenario}.yaml")
        return await run_call(
            scenario,
            runtime_url=runtime_url or self.runtime.url,
            public_base_url=PUBLIC_BASE_URL,
            auth_token=auth_token,
            account_sid=ACCOUNT_SID,
            tts_url=self.tts.url,
            stt_url=self.stt.url if transcribe else None,
            tts_token=TTS_TOKEN,
            stt_token=STT_TOKEN,
            out_dir=self.out_dir,
            carrier=self.carrier,
            on_event=on_event,
            live_transcripts=False,  # the caller's STT requests would compete with the runtime's
        )


@asynccontextmanager
async def running_stack(work_dir: Path) -> AsyncIterator[E2EStack]:
    """Starts STT and TTS (models loaded and warmed), the fake carrier and the runtime."""
    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    await mark_published(redis)  # as the control plane does at start, with no tenant yet
    carrier = FakeTwilioRest(ACCOUNT_SID, AUTH_TOKEN)
    started: list[ServedApp] = []
    try:
        stt, tts, _ = await asyncio.gather(
            serve(
                create_stt_app(SttSettings(log_json=False, service_token=SecretStr(STT_TOKEN))),
                ready_path="/readyz",
            ),
            serve(
                create_tts_app(TtsSettings(log_json=False, service_token=SecretStr(TTS_TOKEN))),
                ready_path="/readyz",
            ),
            asyncio.to_thread(import_litellm),  # slow import, once, off the event loop
        )
        started += [stt, tts]
        carrier_served = await serve(carrier.app())
        started.append(carrier_served)
        recordings_dir = work_dir / "recordings"
        recordings_dir.mkdir(parents=True)
        settings = runtime_settings(
            carrier_url=carrier_served.url, recordings_dir=recordings_dir,
            stt_url=stt.url, tts_url=tts.url,
        )  # fmt: skip
        runtime = await serve(create_app(settings), ready_path="/readyz")
        started.append(runtime)
        yield E2EStack(
            stt, tts, carrier, carrier_served.url, runtime, redis,
            out_dir=work_dir / "calls", recordings_dir=recordings_dir,
        )  # fmt: skip
    finally:
        for served in reversed(started):
            await served.stop()
        await redis.flushdb()
        await redis.aclose()
