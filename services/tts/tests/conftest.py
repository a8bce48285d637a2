"""Shared fixtures: the real Piper engine (bundled joe voice), and tiny Coqui VITS and XTTS models
built with coqui-tts (`switchboard_tts.testing.coqui_models`); each loaded once per session."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from switchboard_common.app_testing import running_client
from switchboard_tts.app import create_app
from switchboard_tts.engines.catalog import build_registry
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.settings import Settings
from switchboard_tts.testing.coqui_models import build_tiny_vits, build_tiny_xtts


@pytest.fixture(scope="session")
def piper_registry() -> EngineRegistry:
    return build_registry(Settings())


@pytest.fixture
async def client(piper_registry: EngineRegistry) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(warmup=False), registry=piper_registry)
    async with running_client(app, "http://tts") as http:
        yield http


@pytest.fixture(scope="session")
def coqui_model_dirs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """`tiny` (one speaker) and `duo` (speakers ann and bob), built once per session."""
    root = tmp_path_factory.mktemp("coqui")
    return [build_tiny_vits(root / "tiny"), build_tiny_vits(root / "duo", speakers=["ann", "bob"])]


@pytest.fixture(scope="session")
def coqui_registry(coqui_model_dirs: list[Path]) -> Iterator[EngineRegistry]:
    """The Coqui engine serving both tiny models on the CPU."""
    registry = build_registry(Settings(engines=["coqui"], coqui_model_dirs=coqui_model_dirs))
    yield registry
    registry.close()


@pytest.fixture(scope="session")
def xtts_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_xtts(tmp_path_factory.mktemp("xtts") / "xtiny")


@pytest.fixture(scope="session")
def xtts_registry(xtts_model_dir: Path) -> Iterator[EngineRegistry]:
    """The Coqui engine serving the tiny XTTS model on the CPU, 16 GPT tokens a chunk."""
    settings = Settings(
        engines=["coqui"], coqui_model_dirs=[xtts_model_dir], coqui_xtts_stream_chunk_tokens=16
    )
    registry = build_registry(settings)
    yield registry
    registry.close()
