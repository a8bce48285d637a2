"""The common frame of a Switchboard FastAPI app: errors, request ids, health, metrics, tracing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractAsyncContextManager
from typing import Any

import uvicorn
from fastapi import FastAPI
from prometheus_client import CollectorRegistry

from switchboard_common.errors import install_error_handlers
from switchboard_common.health import ReadinessCheck, health_router
from switchboard_common.log import RequestContextMiddleware, configure_logging
from switchboard_common.settings import BaseServiceSettings
from switchboard_common.telemetry import (
    HttpMetricsMiddleware,
    instrument,
    metrics_router,
    setup_tracing,
)

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def configure_service_logging(settings: BaseServiceSettings) -> None:
    """Logging as the service's settings ask (JSON or text, level, pii redaction)."""
    configure_logging(
        settings.service_name,
        level=settings.log_level,
        json_lines=settings.log_json,
        log_pii=settings.log_pii,
    )


def serve(app: FastAPI, settings: BaseServiceSettings) -> None:
    """Runs the app under uvicorn on the settings' host and port until stopped."""
    uvicorn.run(app, host=settings.host, port=settings.port, log_config=None, access_log=False)


def create_service_app(
    settings: BaseServiceSettings,
    *,
    title: str,
    description: str,
    version: str = "0.1.0",
    lifespan: Lifespan | None = None,
    registry: CollectorRegistry | None = None,
    readiness: Mapping[str, ReadinessCheck]
    | Callable[[], Mapping[str, ReadinessCheck]]
    | None = None,
    **fastapi_kwargs: Any,
) -> FastAPI:
    """Builds a FastAPI app with the frame every service shares.

    The app's Prometheus registry is on ``app.state.registry`` so routers and the lifespan can
    register their own metrics; the tracer provider (or None) on ``app.state.tracer_provider``.
    """
    registry = registry or CollectorRegistry()
    app = FastAPI(
        title=title,
        description=description,
        version=version,
        lifespan=lifespan,
        **fastapi_kwargs,
    )
    app.state.registry = registry
    app.state.settings = settings
    install_error_handlers(app)
    app.include_router(health_router(readiness if readiness is not None else {}))
    app.include_router(metrics_router(registry))
    app.add_middleware(HttpMetricsMiddleware, registry=registry)
    app.add_middleware(RequestContextMiddleware)
    provider = setup_tracing(settings.service_name, settings.otel_exporter_otlp_endpoint)
    app.state.tracer_provider = provider
    instrument(app, provider)
    return app
