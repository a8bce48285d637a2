"""The control plane's FastAPI application: routers, resources and background workers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from fastapi.routing import APIRoute
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis
from sqlalchemy import text

from switchboard_common.body_limit import BodyLimitMiddleware
from switchboard_common.contract import Keyring
from switchboard_common.health import DegradedError, ReadinessCheck
from switchboard_common.kafka_sink import KafkaEventProducer, TopicPublisher
from switchboard_common.recordings import open_recording_store
from switchboard_common.service import create_service_app
from switchboard_control_plane.access.api_keys import KeyHasher
from switchboard_control_plane.access.authn import Authenticator
from switchboard_control_plane.access.key_cache import KeyCache
from switchboard_control_plane.access.policy import (
    Authorizer,
    OpaAuthorizer,
    RegoAuthorizer,
    default_policy_dir,
)
from switchboard_control_plane.access.rate_limit import FailedLoginThrottle, RateLimiter
from switchboard_control_plane.access.tokens import JwtVerifier
from switchboard_control_plane.agents.voices import VoiceCatalog
from switchboard_control_plane.analysis.worker import AnalysisWorker
from switchboard_control_plane.audit.stream import AuditStream, install_audit_hooks
from switchboard_control_plane.calls.consumer import EventsConsumer
from switchboard_control_plane.calls.kafka_consumer import KafkaEventsConsumer
from switchboard_control_plane.calls.sweeper import LostCallSweeper
from switchboard_control_plane.credentials.store import DbSecretStore, EnvSecretStore, SecretStore
from switchboard_control_plane.db.prepare import prepare_database
from switchboard_control_plane.db.session import create_engine, session_factory
from switchboard_control_plane.failure_log import ThrottledFailureLog
from switchboard_control_plane.http.database_errors import install_database_error_handlers
from switchboard_control_plane.http.legacy import legacy_router
from switchboard_control_plane.http.request_text import UnstorableTextMiddleware
from switchboard_control_plane.publishing.epoch import EpochWatch, epoch_readiness
from switchboard_control_plane.publishing.outbox import Outbox
from switchboard_control_plane.publishing.publisher import Publisher
from switchboard_control_plane.publishing.redis_writer import RedisPlanWriter
from switchboard_control_plane.publishing.snapshot import SnapshotBuilder
from switchboard_control_plane.publishing.upkeep import OutboxBacklogGauges, OutboxUpkeep
from switchboard_control_plane.recordings.retention import RecordingRetention
from switchboard_control_plane.resources import Resources
from switchboard_control_plane.routers import api_routers
from switchboard_control_plane.settings import Settings
from switchboard_control_plane.usage.counters import UsageCounter
from switchboard_control_plane.usage.meter import UsageMeter
from switchboard_control_plane.usage.metrics import UsageMetrics
from switchboard_control_plane.usage.reconciler import UsageReconciler
from switchboard_control_plane.webhooks.delivery import DeliveryWorker
from switchboard_control_plane.workers import Workers

_KAFKA_CLOSE_S = 5.0
readiness_logger = logging.getLogger("switchboard.control_plane.readiness")


def _operation_id(route: APIRoute) -> str:
    return route.operation_id or route.name


def _authorizer(settings: Settings, http: httpx.AsyncClient) -> Authorizer:
    if settings.opa_url:
        return OpaAuthorizer(settings.opa_url, http)
    return RegoAuthorizer(settings.policy_dir or default_policy_dir())


def build_resources(
    settings: Settings, http: httpx.AsyncClient, *, audit_publisher: TopicPublisher | None = None
) -> Resources:
    """Everything a request or worker needs; connections open lazily."""
    install_audit_hooks()
    sessions = session_factory(create_engine(settings.database_url))
    redis = Redis.from_url(
        settings.redis_url,
        socket_timeout=settings.redis_timeout_s,
        socket_connect_timeout=settings.redis_timeout_s,
    )
    secret_keys = Keyring.from_spec(settings.secret("secret_keys"))
    runtime_keys = Keyring.from_spec(settings.secret("runtime_keys"))
    secrets: SecretStore = (
        DbSecretStore(secret_keys) if settings.secrets_provider == "db" else EnvSecretStore()
    )
    hasher = KeyHasher(settings.secret("api_key_pepper").encode())
    rate_limiter = RateLimiter(redis, settings.rate_limit.requests_per_minute)
    authenticator = Authenticator(
        hasher,
        settings.secret("bootstrap_admin_key"),
        JwtVerifier(settings.jwt),
        rate_limiter,
        KeyCache(redis),
        FailedLoginThrottle(redis, settings.rate_limit.failed_logins_per_minute),
    )
    return Resources(
        settings=settings,
        sessions=sessions,
        redis=redis,
        secrets=secrets,
        secret_keys=secret_keys,
        runtime_keys=runtime_keys,
        outbox=Outbox(SnapshotBuilder(secrets, runtime_keys)),
        authenticator=authenticator,
        authorizer=_authorizer(settings, http),
        rate_limiter=rate_limiter,
        hasher=hasher,
        audit_stream=AuditStream(audit_publisher),
        voices=VoiceCatalog(
            settings.tts_url,
            http,
            token=settings.tts_token.get_secret_value() if settings.tts_token else None,
        ),
        recordings=open_recording_store(settings.recordings),
    )


def _start_workers(
    resources: Resources, workers: Workers, outbox_gauges: OutboxBacklogGauges, meter: UsageMeter
) -> list[Redis]:
    """Starts the publisher, the reconciler (epoch watch), the usage reconciler, the outbox
    upkeep, the webhook delivery worker, the call analysis, the lost-call sweeper and the events
    consumer (metering with ``meter``); returns the consumer's Redis client, if any (its blocking
    reads need a longer socket timeout)."""
    settings = resources.settings
    usage = UsageReconciler(
        resources.sessions, UsageCounter(resources.redis), interval_s=settings.usage_reconcile_s
    )
    publisher = Publisher(
        resources.sessions,
        RedisPlanWriter(resources.redis),
        resources.outbox,
        poll_s=settings.publisher_poll_s,
    )

    workers.start("publisher", publisher.run)
    # The reconciler: a full republish at start, and again whenever Redis lost the contract data.
    epoch = EpochWatch(
        resources.sessions,
        resources.outbox,
        resources.redis,
        check_s=settings.epoch_check_s,
        before_epoch=usage.reconcile_all,
    )
    workers.start("epoch-watch", epoch.run)
    workers.start("usage-reconciler", usage.run)
    lost_calls = LostCallSweeper(
        resources.sessions,
        resources.redis,
        lost_after_s=settings.call_lost_after_s,
        interval_s=settings.lost_calls_sweep_s,
        meter=meter,
    )
    workers.start("lost-calls", lost_calls.run)
    upkeep = OutboxUpkeep(
        resources.sessions,
        outbox_gauges,
        retention_s=settings.outbox_retention_s,
        interval_s=settings.outbox_upkeep_s,
    )
    workers.start("outbox-upkeep", upkeep.run)
    if resources.recordings is not None:
        retention = RecordingRetention(
            resources.sessions,
            resources.recordings,
            interval_s=settings.recording_retention_sweep_s,
        )
        workers.start("recording-retention", retention.run)
    deliveries = DeliveryWorker(
        resources.sessions,
        resources.secret_keys,
        settings.webhooks,
        allow_private=settings.allow_private_addresses,
        database_url=settings.database_url,
    )
    workers.start("webhook-delivery", deliveries.run)
    analysis = AnalysisWorker(
        resources.sessions,
        resources.secrets,
        settings.analysis,
        allow_private=settings.allow_private_addresses,
    )
    workers.start("call-analysis", analysis.run)
    if settings.events_source == "kafka":
        kafka_consumer = KafkaEventsConsumer(resources.sessions, settings.kafka, meter=meter)
        workers.start("events-consumer", kafka_consumer.run)
        return []
    blocking_redis = Redis.from_url(
        settings.redis_url,
        socket_timeout=settings.redis_timeout_s + 2.0,
        socket_connect_timeout=settings.redis_timeout_s,
    )
    consumer = EventsConsumer(
        resources.sessions,
        blocking_redis,
        claim_idle_ms=settings.events_claim_idle_ms,
        meter=meter,
    )
    workers.start("events-consumer", consumer.run)
    return [blocking_redis]


def create_app(settings: Settings) -> FastAPI:
    readiness: dict[str, ReadinessCheck] = {}
    registry = CollectorRegistry()
    kafka = (
        KafkaEventProducer(settings.kafka, registry=registry) if settings.kafka.enabled else None
    )
    # Only the processes that run the workers measure the outbox.
    outbox_gauges = OutboxBacklogGauges(registry) if settings.run_workers else None
    usage_metrics = UsageMetrics(registry) if settings.run_workers else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.migrates_on_start:
            await prepare_database(settings.database_url, development=settings.is_development)
        workers = Workers()
        async with httpx.AsyncClient(timeout=2.0) as http:
            resources = build_resources(settings, http, audit_publisher=kafka)
            app.state.resources = resources
            readiness.update(_readiness(resources))
            clients = [resources.redis]
            if kafka is not None:
                await kafka.start()
            if outbox_gauges is not None:
                meter = UsageMeter(UsageCounter(resources.redis), usage_metrics)
                clients += _start_workers(resources, workers, outbox_gauges, meter)
            try:
                yield
            finally:
                await workers.stop()
                if kafka is not None:
                    await kafka.close(timeout_s=_KAFKA_CLOSE_S)
                for client in clients:
                    await client.aclose()
                resources.authenticator.close()
                await resources.sessions.kw["bind"].dispose()

    app = create_service_app(
        settings,
        title="Switchboard control plane",
        description="Tenants, numbers, agents, secrets, access, audit and call records.",
        lifespan=lifespan,
        registry=registry,
        readiness=lambda: readiness,
        generate_unique_id_function=_operation_id,
        # A slash redirect would build its Location from the request's Host header.
        redirect_slashes=False,
    )
    install_database_error_handlers(app)
    for router in api_routers():
        app.include_router(router)
    app.include_router(legacy_router(settings.voice_runtime_public_url))
    # Added last, so outermost: the size cap runs first, then the text check on a bounded body.
    app.add_middleware(UnstorableTextMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_body_bytes)
    return app


def _readiness(resources: Resources) -> dict[str, ReadinessCheck]:
    """Checks whose failure reason is generic: /readyz is unauthenticated, so driver errors
    (hosts, ports, users) go to the log, at a bounded rate, not into its body."""

    async def database() -> None:
        async with resources.sessions() as session:
            await session.execute(text("SELECT 1"))

    async def redis() -> None:
        await resources.redis.ping()

    async def contract_data() -> None:
        await epoch_readiness(resources.redis)

    return {
        "database": _generic(database, "database"),
        "redis": _generic(redis, "redis"),
        "contract_data": _generic(contract_data, "contract_data"),
    }


def _generic(check: ReadinessCheck, name: str) -> ReadinessCheck:
    failures = ThrottledFailureLog(readiness_logger, "readiness.check_failed")
    fields: dict[str, object] = {"check": name}

    async def checked() -> None:
        try:
            await check()
        except DegradedError:
            raise  # its reason is ours, not a driver's
        except Exception as exc:
            failures.failed(exc, fields)
            raise RuntimeError("unavailable") from None
        failures.recovered(fields)

    return checked
