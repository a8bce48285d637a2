"""SWITCHBOARD_STACK=N: what tools/dev/stack.sh gives each local stack, read by the services' own
settings, so that stacks side by side share no port, database, Redis database or run folder."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from switchboard_control_plane.settings import Settings as ControlPlaneSettings
from switchboard_stt.settings import Settings as SttSettings
from switchboard_tts.settings import Settings as TtsSettings
from switchboard_voice_runtime.settings import Settings as RuntimeSettings

REPO = Path(__file__).resolve().parents[3]
STACKS = range(6)
# Redis databases the test suites and benchmarks use on the shared test Redis.
TEST_REDIS_DBS = {1, 2, 3, 5, 6, 7, 8, 14}
PREFIXES = ("CONTROL_PLANE_", "VOICE_RUNTIME_", "STT_", "TTS_", "SWITCHBOARD_")


def _clean_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(PREFIXES)}
    return {**env, **extra}


def stack_env(root: Path = REPO, **extra: str) -> dict[str, str]:
    """The variables `stack.sh env` prints for the stack ``extra`` selects."""
    result = subprocess.run(
        ["bash", "tools/dev/stack.sh", "env"],  # noqa: S607
        cwd=root, env=_clean_env(**extra), capture_output=True, text=True, check=True,
    )  # fmt: skip
    return dict(line.split("=", 1) for line in result.stdout.splitlines())


@pytest.fixture
def use_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Clears the services' variables, so that settings see only what a test sets."""
    for key in os.environ:
        if key.startswith(PREFIXES):
            monkeypatch.delenv(key)


def _settings(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> tuple[ControlPlaneSettings, RuntimeSettings, SttSettings, TtsSettings]:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return ControlPlaneSettings(), RuntimeSettings(), SttSettings(), TtsSettings()


def test_stack_0_is_the_services_own_defaults(
    use_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    defaults = (ControlPlaneSettings(), RuntimeSettings(), SttSettings(), TtsSettings())
    derived = _settings(stack_env(), monkeypatch)
    fields = {
        0: ("port", "database_url", "redis_url", "voice_runtime_public_url"),
        1: ("port", "public_base_url", "redis_url", "stt_url", "tts_url"),
        2: ("port",),
        3: ("port",),
    }
    for index, names in fields.items():
        for name in names:
            assert getattr(derived[index], name) == getattr(defaults[index], name), name


def test_each_stack_moves_ports_database_and_redis_database_together(
    use_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ports: set[int] = set()
    databases: set[str] = set()
    redis_dbs: set[str] = set()
    run_dirs: set[str] = set()
    for stack in STACKS:
        env = stack_env(SWITCHBOARD_STACK=str(stack))
        cp, runtime, stt, tts = _settings(env, monkeypatch)
        own = {cp.port, runtime.port, stt.port, tts.port, int(env["SWITCHBOARD_DEMO_CARRIER_PORT"])}
        assert len(own) == 5 and not own & ports, f"stack {stack} reuses a port"
        ports |= own
        assert runtime.stt_url == f"http://127.0.0.1:{stt.port}"
        assert runtime.tts_url == f"http://127.0.0.1:{tts.port}"
        assert cp.voice_runtime_public_url == f"http://127.0.0.1:{runtime.port}"
        assert runtime.public_base_url == f"https://localhost:{runtime.port}"
        assert runtime.twilio.api_base.endswith(f":{env['SWITCHBOARD_DEMO_CARRIER_PORT']}")
        assert env["SWITCHBOARD_DEMO_CONTROL_PLANE_URL"].endswith(f":{cp.port}")
        assert env["SWITCHBOARD_DEMO_RUNTIME_URL"].endswith(f":{runtime.port}")
        # The control plane publishes where the runtime reads; TTS caches in the same database.
        assert cp.redis_url == runtime.redis_url == tts.redis_url
        redis_db = int(cp.redis_url.rsplit("/", 1)[1])
        assert redis_db not in TEST_REDIS_DBS, (
            f"stack {stack} shares Redis DB {redis_db} with tests"
        )
        assert cp.redis_url not in redis_dbs
        redis_dbs.add(cp.redis_url)
        assert cp.database_url not in databases
        databases.add(cp.database_url)
        folders = (runtime.recordings_dir, env["SWITCHBOARD_DEMO_OUT_DIR"])
        assert str(runtime.recordings_dir).startswith(str(REPO / ".run"))
        # The control plane serves the recordings from the folder the runtime writes them to.
        assert cp.recordings.dir == runtime.recordings.dir == runtime.recordings_dir
        assert not {str(folder) for folder in folders} & run_dirs
        run_dirs |= {str(folder) for folder in folders}


def test_a_variable_set_by_hand_wins_over_the_stacks_own(
    use_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = stack_env(SWITCHBOARD_STACK="2", CONTROL_PLANE_PORT="9990")
    cp, runtime, _, _ = _settings(env, monkeypatch)
    assert cp.port == 9990
    assert env["SWITCHBOARD_DEMO_CONTROL_PLANE_URL"] == "http://127.0.0.1:9990"
    assert runtime.port == 8281
    assert cp.database_url.endswith("/switchboard_stack2")


@pytest.mark.parametrize("stack", ["6", "-1", "x", "1 ", "01"])
def test_a_stack_number_out_of_range_is_refused_with_a_clear_message(stack: str) -> None:
    result = subprocess.run(
        ["bash", "tools/dev/stack.sh", "status"],  # noqa: S607
        cwd=REPO, env=_clean_env(SWITCHBOARD_STACK=stack), capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 2
    assert f"SWITCHBOARD_STACK must be a stack number from 0 to 5, not '{stack}'" in result.stderr


def test_status_and_down_act_only_on_their_own_stack(tmp_path: Path) -> None:
    """A process `up` started for stack 1 is invisible to stack 2 (status, running) and survives
    its down; stack 1's down stops it."""
    shutil.copytree(
        REPO / "tools/dev", tmp_path / "tools/dev", ignore=shutil.ignore_patterns("tests")
    )
    service = subprocess.Popen(["sleep", "300"], start_new_session=True)  # noqa: S607
    try:
        pids = tmp_path / ".run/stack-1/pids"
        pids.mkdir(parents=True)
        (pids / "stt.pid").write_text(f"{service.pid}\n")

        def stack_sh(stack: str, command: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(  # noqa: S603 - fixed argv
                ["bash", "tools/dev/stack.sh", command],  # noqa: S607
                cwd=tmp_path, env=_clean_env(SWITCHBOARD_STACK=stack),
                capture_output=True, text=True,
            )  # fmt: skip

        assert "running" not in stack_sh("2", "status").stdout
        assert stack_sh("2", "running").returncode == 1
        assert f"running (pid {service.pid})" in stack_sh("1", "status").stdout
        assert stack_sh("1", "running").returncode == 0
        stack_sh("2", "down")
        assert service.poll() is None
        assert "stt stopped" in stack_sh("1", "down").stdout
        assert service.wait(timeout=10) == -signal.SIGTERM
        assert stack_sh("1", "running").returncode == 1
    finally:
        if service.poll() is None:
            service.kill()
            service.wait()
