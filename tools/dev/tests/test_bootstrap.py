"""tools/dev/uv.sh on a machine without uv: it installs the pinned uv privately and make runs it.

A temporary copy of the Makefile and tools/dev plays a fresh checkout; PATH is stripped of every
folder holding a `uv`, so the only Python left is the one on the system (on Debian, one that refuses
`pip install`). The install comes from PyPI through pip (its local cache makes it quick).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
UV_SH = REPO / "tools/dev/uv.sh"
PINNED = re.search(r"^UV_VERSION=(\S+)$", UV_SH.read_text(), re.MULTILINE)
# What a probe project needs for `make setup` (uv sync --locked --all-packages --group deploy).
PROBE_PYPROJECT = """\
[project]
name = "probe"
version = "0"
requires-python = ">=3.11"

[tool.uv]
package = false

[dependency-groups]
deploy = []
"""


@dataclass(frozen=True)
class FreshCheckout:
    """A copy of the developer interface and the environment of a machine without uv."""

    root: Path
    env: dict[str, str]

    def run(
        self, *argv: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(  # noqa: S603 - fixed argv
            argv, cwd=self.root, env=env or self.env, capture_output=True, text=True, timeout=300
        )


def _pinned_version() -> str:
    assert PINNED is not None, "tools/dev/uv.sh must pin UV_VERSION=<version>"
    return PINNED.group(1)


def _path_without_uv(scratch: Path) -> str:
    """PATH minus the folders that hold a uv; a python3 is kept reachable."""
    folders = [
        folder
        for folder in os.environ["PATH"].split(os.pathsep)
        if folder and not (Path(folder) / "uv").exists()
    ]
    path = os.pathsep.join(folders)
    if shutil.which("python3", path=path) is None:
        own_bin = scratch / "bin"
        own_bin.mkdir()
        (own_bin / "python3").symlink_to(Path(sys.base_prefix) / "bin/python3")
        path = os.pathsep.join([str(own_bin), path])
    return path


def _environment(path: str) -> dict[str, str]:
    """This process's environment without what `uv run` adds (UV, VIRTUAL_ENV, UV_*)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"UV", "VIRTUAL_ENV", "SWITCHBOARD_UV_VENV"} and not key.startswith("UV_")
    }
    env["PATH"] = path
    return env


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> FreshCheckout:
    """A fresh checkout whose first `tools/dev/uv.sh` call has installed the pinned uv."""
    scratch = tmp_path_factory.mktemp("fresh")
    root = scratch / "checkout"
    shutil.copytree(REPO / "tools/dev", root / "tools/dev", ignore=shutil.ignore_patterns("tests"))
    shutil.copy(REPO / "Makefile", root / "Makefile")
    (root / "pyproject.toml").write_text(PROBE_PYPROJECT)
    env = _environment(_path_without_uv(scratch))
    assert shutil.which("uv", path=env["PATH"]) is None
    assert shutil.which("make", path=env["PATH"]) is not None, "the test needs make"
    checkout = FreshCheckout(root, env)
    installed = checkout.run("bash", "tools/dev/uv.sh", "lock")
    assert installed.returncode == 0, installed.stderr
    return checkout


def test_the_bootstrap_installs_the_pinned_uv_into_the_project_when_path_has_none(
    fresh: FreshCheckout,
) -> None:
    private_uv = fresh.root / ".run/tools/uv-venv/bin/uv"
    which = fresh.run("bash", "tools/dev/uv.sh", "--which")
    assert which.stdout.strip() == str(private_uv)
    version = subprocess.run(  # noqa: S603 - the uv just installed
        [str(private_uv), "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.split()[1] == _pinned_version()


def test_make_setup_runs_the_private_uv_on_a_machine_without_uv(fresh: FreshCheckout) -> None:
    planned = fresh.run("make", "-n", "setup", "demo")
    assert planned.returncode == 0, planned.stderr
    assert f"{fresh.root}/tools/dev/uv.sh sync --locked" in planned.stdout

    setup = fresh.run("make", "setup")

    assert setup.returncode == 0, setup.stdout + setup.stderr
    assert (fresh.root / ".venv/bin/python").exists()
    assert shutil.which("uv", path=fresh.env["PATH"]) is None


def test_a_uv_of_another_version_on_path_is_passed_over(
    fresh: FreshCheckout, tmp_path: Path
) -> None:
    """A uv on PATH that reports another version is not the pinned one."""
    other = tmp_path / "bin"
    other.mkdir()
    (other / "uv").write_text("#!/bin/sh\necho 'uv 0.0.1'\n")
    (other / "uv").chmod(0o755)
    env = {**fresh.env, "PATH": f"{other}{os.pathsep}{fresh.env['PATH']}"}

    which = fresh.run("bash", "tools/dev/uv.sh", "--which", env=env)

    assert which.returncode == 0, which.stderr
    assert which.stdout.strip() == str(fresh.root / ".run/tools/uv-venv/bin/uv")


def test_the_pinned_uv_on_path_is_used_without_installing_another(
    fresh: FreshCheckout, tmp_path: Path
) -> None:
    on_path = tmp_path / "bin"
    on_path.mkdir()
    (on_path / "uv").symlink_to(fresh.root / ".run/tools/uv-venv/bin/uv")
    unused_venv = tmp_path / "never-made"
    env = {
        **fresh.env,
        "PATH": f"{on_path}{os.pathsep}{fresh.env['PATH']}",
        "SWITCHBOARD_UV_VENV": str(unused_venv),
    }

    which = fresh.run("bash", "tools/dev/uv.sh", "--which", env=env)

    assert which.stdout.strip() == str(on_path / "uv")
    assert not unused_venv.exists()
