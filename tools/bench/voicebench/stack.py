"""The services a benchmark runs against, started as subprocesses on free local ports."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from switchboard_callsim import CallReport, Scenario, TelnyxSigner, run_call, run_telnyx_call
from switchboard_common.development import (
    DEVELOPMENT_TELNYX_API_KEY,
    DEVELOPMENT_TELNYX_PUBLIC_KEY,
    DEVELOPMENT_TELNYX_SIGNING_KEY,
)
from switchboard_common.test_endpoints import redis_url
from voicebench.tenant import BENCH_TELNYX_NUMBER

REPO = Path(__file__).resolve().parents[3]
REDIS_URL = redis_url(5)
AUTH_TOKEN = "bench-twilio-auth-token"  # noqa: S105 - a local bench runtime's token
ACCOUNT_SID = "AC" + "5" * 32
_CLOCK_TICKS_HZ = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    """A port the kernel just handed out (bound and released: a tiny race, fine for a bench)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (and of its reaped threads), from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS_HZ


def machine_busy_seconds() -> float:
    """CPU seconds every core of this machine has spent busy since boot (/proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / _CLOCK_TICKS_HZ


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Service:
    """One subprocess serving HTTP on ``url``; its output goes to ``log_path``."""

    name: str
    url: str
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    ready_path: str = "/healthz"

    @property
    def pid(self) -> int:
        assert self.process is not None, f"{self.name} was not started here"
        return self.process.pid


@dataclass
class Stack:
    """Started services, stopped in reverse order by ``close``. ``start`` only launches a
    process (so several load their models at once); ``wait_ready`` waits for all of them."""

    log_dir: Path
    services: list[Service] = field(default_factory=list)

    def start(
        self, name: str, argv: list[str], env: dict[str, str], port: int, ready_path: str
    ) -> Service:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log_path = self.log_dir / f"{name}.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(  # noqa: S603 - our own interpreter and modules
                argv, cwd=REPO, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT
            )
        service = Service(name, f"http://127.0.0.1:{port}", process, log_path, ready_path)
        self.services.append(service)
        return service

    def wait_ready(self) -> None:
        for service in self.services:
            wait_ready(service, service.ready_path)

    def close(self) -> None:
        for service in reversed(self.services):
            stop(service)
        self.services.clear()


def wait_ready(service: Service, path: str, timeout_s: float = 180.0) -> None:
    """Polls ``path`` until 200; raises with the log's tail when the process dies or stalls."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if service.process is not None and service.process.poll() is not None:
            break
        try:
            if httpx.get(service.url + path, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    tail = service.log_path.read_text()[-2000:] if service.log_path else ""
    raise RuntimeError(f"{service.name} did not become ready at {service.url}{path}:\n{tail}")


def stop(service: Service) -> None:
    """SIGTERM twice (the runtime drains on the first), then SIGKILL after 10 s."""
    process = service.process
    if process is None or process.poll() is not None:
        return
    for _ in range(2):
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            continue
    process.kill()
    process.wait()


def _console(module: str) -> list[str]:
    """Runs a service's console entry point (``main()`` of its main module) in this venv."""
    return [sys.executable, "-c", f"from {module} import main; main()"]


def start_fake_speech(stack: Stack) -> Service:
    port = free_port()
    script = str(REPO / "tools/bench/fake_speech.py")
    argv = [sys.executable, script, "--port", str(port)]
    return stack.start("fake-speech", argv, {}, port, "/healthz")


def start_stt(stack: Stack) -> Service:
    port = free_port()
    env = {"STT_PORT": str(port), "STT_LOG_LEVEL": "WARNING"}
    argv = _console("switchboard_stt.main")
    return stack.start("stt", argv, env, port, "/readyz")


def start_tts(stack: Stack) -> Service:
    """TTS without its phrase cache, so every reply is synthesized as a new LLM answer would be."""
    port = free_port()
    env = {"TTS_PORT": str(port), "TTS_LOG_LEVEL": "WARNING", "TTS_CACHE_MEMORY_BYTES": "0"}
    argv = _console("switchboard_tts.main")
    return stack.start("tts", argv, env, port, "/readyz")


def start_runtime(stack: Stack, *, stt_url: str, tts_url: str, max_calls: int = 2000) -> Service:
    port = free_port()
    env = {
        "VOICE_RUNTIME_PORT": str(port),
        "VOICE_RUNTIME_PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "VOICE_RUNTIME_REDIS_URL": REDIS_URL,
        "VOICE_RUNTIME_STT_URL": stt_url,
        "VOICE_RUNTIME_TTS_URL": tts_url,
        "VOICE_RUNTIME_TWILIO__AUTH_TOKEN": AUTH_TOKEN,
        "VOICE_RUNTIME_TWILIO__ACCOUNT_SID": ACCOUNT_SID,
        "VOICE_RUNTIME_TELNYX__PUBLIC_KEY": DEVELOPMENT_TELNYX_PUBLIC_KEY,
        "VOICE_RUNTIME_TELNYX__API_KEY": DEVELOPMENT_TELNYX_API_KEY,
        "VOICE_RUNTIME_MAX_CALLS": str(max_calls),
        "VOICE_RUNTIME_DRAIN_TIMEOUT_S": "0",
        "VOICE_RUNTIME_LOG_LEVEL": "WARNING",
    }
    argv = _console("switchboard_voice_runtime.main")
    return stack.start("voice-runtime", argv, env, port, "/readyz")


async def call_runtime(
    runtime: Service, scenario: Scenario, *, tts_url: str | None = None, carrier: str = "twilio"
) -> CallReport:
    """One simulated call to the bench runtime, signed as the bench account, no live printing;
    ``carrier="telnyx"``: a TeXML call to the Telnyx number, signed with the development key."""
    if carrier == "telnyx":
        return await run_telnyx_call(
            scenario.model_copy(update={"to_number": BENCH_TELNYX_NUMBER}),
            runtime_url=runtime.url,
            signer=TelnyxSigner.from_private_key(DEVELOPMENT_TELNYX_SIGNING_KEY),
            tts_url=tts_url,
            live_transcripts=False,
        )
    return await run_call(
        scenario,
        runtime_url=runtime.url,
        public_base_url=runtime.url,
        auth_token=AUTH_TOKEN,
        account_sid=ACCOUNT_SID,
        tts_url=tts_url,
        live_transcripts=False,
    )
