"""The voice runtime's FastAPI application: carrier edges (``api/``), call registry, draining."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from prometheus_client import CollectorRegistry

from switchboard_common.contract import Keyring
from switchboard_common.health import ReadinessCheck, ReadinessFlag
from switchboard_common.kafka_sink import KafkaCallEventSink, KafkaEventProducer
from switchboard_common.recordings import open_recording_store
from switchboard_common.service import create_service_app
from switchboard_common.telemetry import tracer
from switchboard_voice_runtime.api import routers
from switchboard_voice_runtime.call.ports import EventSink
from switchboard_voice_runtime.call_token import CallTokenGuard, CallTokenSigner
from switchboard_voice_runtime.calls import CallRegistry, Drain
from switchboard_voice_runtime.capacity import CapacityManager
from switchboard_voice_runtime.carrier_calls import CarrierCallLedger
from switchboard_voice_runtime.config_cache import ConfigCache
from switchboard_voice_runtime.event_sink import FanOutEventSink, RedisEventSink
from switchboard_voice_runtime.metrics import RuntimeMetrics
from switchboard_voice_runtime.runtime import Prewarmer, Runtime, WarmsUp, connect_redis
from switchboard_voice_runtime.settings import Settings
from switchboard_voice_runtime.wiring import CallCore, default_call_core

_SHUTDOWN_GRACE_S = 5.0
logger = logging.getLogger(__name__)


def _with_kafka(redis_events: RedisEventSink, kafka: KafkaEventProducer | None) -> EventSink:
    """Each event to the Redis stream, and with Kafka enabled also to switchboard.calls."""
    if kafka is None:
        return redis_events
    return FanOutEventSink(redis_events, [KafkaCallEventSink(kafka)])


async def _warm_up(services: Prewarmer, warmed: ReadinessFlag) -> None:
    """Readiness waits for the call core's one-time warm-up (calls routed here before it would
    stall every call of the process on the first LLM turn)."""
    try:
        if isinstance(services, WarmsUp):
            await services.warm_up()
    except Exception:
        logger.exception("runtime.warm_up_failed")
        warmed.reason = "call core warm-up failed"
        return
    warmed.ready = True
    logger.info("runtime.warmed_up")


def create_app(settings: Settings, *, call_core: CallCore | None = None) -> FastAPI:
    """The runtime app; ``app.state.drain`` is what SIGTERM starts (see main.py)."""
    registry = CollectorRegistry()
    metrics = RuntimeMetrics(registry)
    calls = CallRegistry()
    drain = Drain(calls, settings.drain_timeout_s)
    keyring = Keyring.from_spec(settings.runtime_keys.get_secret_value())
    signer = CallTokenSigner(
        settings.call_token_secret.get_secret_value(), settings.call_token_ttl_s
    )
    build_core = call_core or default_call_core
    kafka = (
        KafkaEventProducer(settings.kafka, registry=registry) if settings.kafka.enabled else None
    )
    warmed = ReadinessFlag("call core warming up")
    readiness: dict[str, ReadinessCheck] = {
        "accepting_calls": drain.readiness,
        "call_core": warmed.check,
    }

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        redis = connect_redis(settings.redis_url)
        http = httpx.AsyncClient(
            timeout=httpx.Timeout(5.0), limits=httpx.Limits(max_connections=200)
        )
        config = ConfigCache(redis, keyring, recovery_wait_s=settings.config_recovery_wait_s)
        readiness["contract_data"] = config.readiness
        redis_events = RedisEventSink(
            redis, buffer_size=settings.event_buffer_size, on_drop=metrics.events_dropped.inc
        )
        events = _with_kafka(redis_events, kafka)
        services, session_factory = build_core(settings, http, metrics)
        warming = asyncio.create_task(_warm_up(services, warmed))
        runtime = Runtime(
            settings=settings,
            redis=redis,
            config=config,
            capacity=CapacityManager(redis, max_calls=settings.max_calls),
            events=events,
            http=http,
            metrics=metrics,
            tokens=signer,
            token_guard=CallTokenGuard(redis, settings.call_token_ttl_s),
            carrier_calls=CarrierCallLedger(redis),
            services=services,
            session_factory=session_factory,
            calls=calls,
            drain=drain,
            tracer=tracer("switchboard_voice_runtime", app.state.tracer_provider),
            recordings=open_recording_store(settings.recordings),
        )
        await config.start()
        await redis_events.start()
        if kafka is not None:
            await kafka.start()
        app.state.runtime = runtime
        try:
            yield
        finally:
            warming.cancel()
            calls.hang_up_all("drained")
            await calls.wait_idle(_SHUTDOWN_GRACE_S)
            await runtime.stop_background()
            await redis_events.close()
            if kafka is not None:
                await kafka.close(timeout_s=_SHUTDOWN_GRACE_S)
            await config.close()
            await http.aclose()
            await redis.aclose()

    app = create_service_app(
        settings,
        title="Switchboard voice runtime",
        description="Carrier webhooks, media websockets and the realtime voice loop.",
        lifespan=lifespan,
        registry=registry,
        readiness=lambda: readiness,
    )
    app.state.drain = drain
    for router in routers():
        app.include_router(router)
    return app
