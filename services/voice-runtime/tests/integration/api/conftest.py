"""Runtimes served on real ports with the media-socket harness (fake sessions, no prewarm)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis

from switchboard_voice_runtime.app import create_app
from switchboard_voice_runtime.calls import SessionFactory
from switchboard_voice_runtime.metrics import RuntimeMetrics
from switchboard_voice_runtime.runtime import Prewarmer
from switchboard_voice_runtime.settings import Settings
from switchboard_voice_runtime.testing.twilio_media import MediaHarness, NoPrewarm

Serve = Callable[[FastAPI], AbstractAsyncContextManager[str]]
StartRuntime = Callable[..., Awaitable[MediaHarness]]


@pytest.fixture
async def start_runtime(
    redis: Redis, serve: Serve, make_settings: Callable[..., Settings]
) -> AsyncIterator[StartRuntime]:
    """``await start_runtime(**settings)``: one more runtime app on its own port (all share the
    test Redis unless the settings say otherwise), stopped at the end of the test."""
    async with AsyncExitStack() as stack:

        async def start(**overrides: object) -> MediaHarness:
            holder: list[MediaHarness] = []

            def core(
                settings: Settings, http: httpx.AsyncClient, metrics: RuntimeMetrics
            ) -> tuple[Prewarmer, SessionFactory]:
                return NoPrewarm(), lambda *args: holder[0].factory(*args)

            app = create_app(make_settings(**overrides), call_core=core)
            base_url = await stack.enter_async_context(serve(app))
            client = await stack.enter_async_context(httpx.AsyncClient(base_url=base_url))
            holder.append(MediaHarness(base_url, client))
            return holder[0]

        yield start


@pytest.fixture
async def harness(start_runtime: StartRuntime) -> MediaHarness:
    return await start_runtime()
