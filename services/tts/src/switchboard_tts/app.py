"""The text-to-speech service's FastAPI application."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from fastapi import FastAPI
from redis.asyncio import Redis

from switchboard_common.body_limit import BodyLimitMiddleware
from switchboard_common.health import ReadinessFlag
from switchboard_common.inference_pool import InferencePool
from switchboard_common.service import create_service_app
from switchboard_common.service_token import ServiceTokenMiddleware
from switchboard_common.telemetry import tracer
from switchboard_tts.api import speech
from switchboard_tts.cache import MemoryLru, PhraseCache
from switchboard_tts.engines.catalog import build_registry
from switchboard_tts.engines.registry import EngineRegistry
from switchboard_tts.metrics import TtsMetrics
from switchboard_tts.settings import Settings
from switchboard_tts.synthesis import Synthesizer

logger = logging.getLogger("switchboard.tts")


def create_app(settings: Settings, *, registry: EngineRegistry | None = None) -> FastAPI:
    """The app; engines load in the lifespan unless `registry` is given (tests share one,
    and then the app does not close it)."""
    voices_loaded = ReadinessFlag("voices not loaded")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            engines = registry
            if engines is None:
                engines = await asyncio.to_thread(build_registry, settings)
                stack.callback(engines.close)
            synthesizer = await _start(app, settings, engines, stack)
            if settings.warmup:
                await synthesizer.warm_up()
            app.state.synthesizer = synthesizer
            voices_loaded.ready = True
            logger.info("tts.ready", extra={"fields": {"voices": [v.id for v in engines.voices()]}})
            try:
                yield
            finally:
                voices_loaded.ready = False
                app.state.synthesizer = None

    app = create_service_app(
        settings,
        title="Switchboard text-to-speech service",
        description="Text to speech with Piper (and Coqui models), streamed sentence by sentence.",
        lifespan=lifespan,
        readiness={"voices": voices_loaded.check},
    )
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    app.state.tts_metrics = TtsMetrics.create(app.state.registry)
    app.state.synthesizer = None
    app.include_router(speech.router)
    app.add_middleware(ServiceTokenMiddleware, token=settings.service_token)
    return app


async def _start(
    app: FastAPI, settings: Settings, engines: EngineRegistry, stack: AsyncExitStack
) -> Synthesizer:
    metrics: TtsMetrics = app.state.tts_metrics
    pool = InferencePool(
        settings.max_concurrency,
        settings.max_queue,
        on_change=metrics.pool.update,
        thread_name_prefix="tts",
    )
    stack.callback(pool.close)
    redis: Redis | None = None
    if settings.redis_url:
        redis = Redis.from_url(
            settings.redis_url,
            socket_timeout=settings.cache_redis_timeout_s,
            socket_connect_timeout=settings.cache_redis_timeout_s,
        )
        stack.push_async_callback(redis.aclose)
    cache = PhraseCache(
        MemoryLru(settings.cache_memory_bytes),
        redis,
        metrics.cache_events,
        key_prefix=settings.cache_key_prefix,
        ttl_s=settings.cache_ttl_s,
        max_entry_bytes=settings.cache_max_entry_bytes,
        redis_retry_s=settings.cache_redis_retry_s,
        redis_max_bytes_per_voice=settings.cache_redis_max_bytes_per_voice,
        shared_writes=settings.service_token is not None,
    )
    return Synthesizer(
        engines,
        pool,
        cache,
        metrics,
        tracer("switchboard_tts", app.state.tracer_provider),
        settings,
    )
