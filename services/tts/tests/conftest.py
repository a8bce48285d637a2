"""Shared fixtures: the real Piper engine (bundled joe voice), loaded once per test session."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from switchboard_common.app_testing import running_client
from switchboard_tts.app import create_app
from switchboard_tts.engines.catalog import build_registry
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.settings import Settings


@pytest.fixture(scope="session")
def piper_registry() -> EngineRegistry:
    return build_registry(Settings())


@pytest.fixture
async def client(piper_registry: EngineRegistry) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(warmup=False), registry=piper_registry)
    async with running_client(app, "http://tts") as http:
        yield http
