"""The speech-to-text service's FastAPI application."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI

from switchboard_common.health import ReadinessCheck, ReadinessFlag
from switchboard_common.inference_pool import InferencePool
from switchboard_common.service import create_service_app
from switchboard_common.service_token import ServiceTokenMiddleware
from switchboard_common.telemetry import tracer
from switchboard_stt.api import models, stream, transcriptions
from switchboard_stt.metrics import SttMetrics
from switchboard_stt.settings import Settings
from switchboard_stt.transcriber import SpeechToText, load_models
from switchboard_stt.transcription import TranscriptionService

logger = logging.getLogger("switchboard.stt")


def create_app(
    settings: Settings, *, stt: SpeechToText | Sequence[SpeechToText] | None = None
) -> FastAPI:
    """The app; the models (`settings.served_models`) load in the lifespan unless `stt` is given
    (tests share them; the first is the default)."""
    model_loaded = ReadinessFlag("model not loaded")
    served: dict[str, ReadinessCheck] = {}

    def readiness() -> Mapping[str, ReadinessCheck]:
        """`model`, then one `model:<name>` entry per served model once they are loaded."""
        return {"model": model_loaded.check, **served}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        metrics: SttMetrics = app.state.stt_metrics
        loaded = stt if stt is not None else await asyncio.to_thread(load_models, settings)
        pool = InferencePool(
            settings.max_concurrency,
            settings.max_queue,
            on_change=metrics.pool.update,
            thread_name_prefix="stt",
        )
        service = TranscriptionService(
            loaded,
            pool,
            metrics,
            tracer("switchboard_stt", app.state.tracer_provider),
            retry_after_s=settings.retry_after_s,
        )
        try:
            if settings.warmup:
                await service.warm_up()
            app.state.transcription = service
            model_loaded.ready = True
            served.update({f"model:{name}": model_loaded.check for name in service.models})
            logger.info(
                "stt.ready",
                extra={
                    "fields": {
                        "models": {m.name: m.device for m in service.models.values()},
                        "default": service.stt.name,
                    }
                },
            )
            yield
        finally:
            served.clear()
            model_loaded.ready = False
            app.state.transcription = None
            pool.close()

    app = create_service_app(
        settings,
        title="Switchboard speech-to-text service",
        description="Speech to text with faster-whisper: batch and streaming.",
        lifespan=lifespan,
        readiness=readiness,
    )
    app.state.stt_metrics = SttMetrics.create(app.state.registry)
    app.state.transcription = None
    app.include_router(transcriptions.router)
    app.include_router(stream.router)
    app.include_router(models.router)
    app.add_middleware(ServiceTokenMiddleware, token=settings.service_token)
    return app
