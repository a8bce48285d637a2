"""Shared fixtures: the real Piper engine (bundled joe voice), loaded once per test session."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import httpx
import pytest
from fastapi import FastAPI

from switchboard_tts.app import create_app
from switchboard_tts.engines.catalog import build_registry
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.settings import Settings

RunningClient = Callable[[FastAPI], AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture(scope="session")
def piper_registry() -> EngineRegistry:
    return build_registry(Settings())


@asynccontextmanager
async def _running_client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://tts") as client:
            yield client


@pytest.fixture
def running_client() -> RunningClient:
    """Opens an httpx client on an app with the app's lifespan entered."""
    return _running_client


@pytest.fixture
async def client(piper_registry: EngineRegistry) -> AsyncIterator[httpx.AsyncClient]:
    async with _running_client(create_app(Settings(warmup=False), registry=piper_registry)) as c:
        yield c
