"""The process-wide parts every call shares, built once in the app's lifespan."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import httpx
from opentelemetry.trace import Tracer
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from switchboard_common.audio import AudioFormat
from switchboard_common.contract import AgentConfig, DidRoute, TenantRuntimeConfig
from switchboard_common.recordings import RecordingStore
from switchboard_voice_runtime.call.ports import EventSink
from switchboard_voice_runtime.call_token import CallTokenGuard, CallTokenSigner
from switchboard_voice_runtime.calls import CallRegistry, Drain, SessionFactory
from switchboard_voice_runtime.capacity import CapacityManager
from switchboard_voice_runtime.carrier_calls import CarrierCallLedger
from switchboard_voice_runtime.config_cache import ConfigCache, ConfigUnavailableError
from switchboard_voice_runtime.metrics import RuntimeMetrics
from switchboard_voice_runtime.settings import Settings

logger = logging.getLogger(__name__)

REDIS_RETRIES = 2
"""Retries of a Redis command after a connection or timeout error, each on a fresh connection."""


def connect_redis(redis_url: str) -> Redis:
    """The runtime's one Redis client; every runtime Redis operation goes through it.

    Each command, script call, pipeline and MULTI/EXEC transaction is retried REDIS_RETRIES
    times on a connection or timeout error, on a new connection, after a jittered backoff of
    up to 100 ms, then 200 ms: after a Redis restart every pooled connection is dead, and
    without this the first operation on each fails (redis-py's default for a client built from
    a URL is no retry at all). What the runtime sends is safe to repeat: lease scripts and
    releases are idempotent per call id. Once the retries are spent the error reaches the
    caller, which has its own Redis-down path (local leases, cached configs, buffered events).
    """
    return Redis.from_url(
        redis_url,
        socket_connect_timeout=1.0,
        socket_timeout=2.0,
        retry=Retry(ExponentialWithJitterBackoff(base=0.05, cap=0.5), REDIS_RETRIES),
        retry_on_error=[RedisConnectionError, RedisTimeoutError],
    )


class Prewarmer(Protocol):
    """Best effort: gets what an agent's call needs (greeting audio...) ready before it starts,
    in the audio format its media connection takes."""

    async def prewarm(self, agent: AgentConfig, audio_format: AudioFormat) -> None: ...


@runtime_checkable
class WarmsUp(Protocol):
    """A call core with process-wide work to do once before the runtime is ready."""

    async def warm_up(self) -> None: ...


@dataclass(frozen=True, slots=True)
class NumberLookup:
    """What the config cache knows about a dialed number (``unavailable``: Redis down, unseen)."""

    route: DidRoute | None = None
    tenant: TenantRuntimeConfig | None = None
    unavailable: bool = False

    @property
    def agent(self) -> AgentConfig | None:
        if self.route is None or self.tenant is None:
            return None
        return self.tenant.agents.get(self.route.agent_id)


@dataclass(slots=True)
class Runtime:
    settings: Settings
    redis: Redis
    config: ConfigCache
    capacity: CapacityManager
    events: EventSink
    http: httpx.AsyncClient
    metrics: RuntimeMetrics
    tokens: CallTokenSigner
    token_guard: CallTokenGuard
    carrier_calls: CarrierCallLedger
    services: Prewarmer
    session_factory: SessionFactory
    calls: CallRegistry
    drain: Drain
    tracer: Tracer
    background: set[asyncio.Task[None]] = field(default_factory=set)
    recordings: RecordingStore | None = None
    """Where calls' recordings go (settings.recordings; None: not kept)."""

    def spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        """Runs best-effort background work owned by the runtime (cancelled at shutdown)."""
        task = asyncio.create_task(coro, name=name)
        self.background.add(task)
        task.add_done_callback(self._background_done)

    def _background_done(self, task: asyncio.Task[None]) -> None:
        self.background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.warning(
                "runtime.background_failed",
                exc_info=task.exception(),
                extra={"fields": {"task": task.get_name()}},
            )

    async def stop_background(self) -> None:
        for task in list(self.background):
            task.cancel()
        await asyncio.gather(*self.background, return_exceptions=True)

    async def lookup(self, to_number: str) -> NumberLookup:
        try:
            route = await self.config.route(to_number)
            if route is None:
                return NumberLookup()
            return NumberLookup(route, await self.config.tenant(route.tenant_id))
        except ConfigUnavailableError:
            return NumberLookup(unavailable=True)
        except ValueError:
            return NumberLookup()
