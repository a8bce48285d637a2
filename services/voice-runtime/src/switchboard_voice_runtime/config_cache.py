"""Tenant configs from Redis, kept in memory, dropped on ``sb:v1:config`` and re-read on use."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from pydantic import ValidationError
from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.exceptions import RedisError

from switchboard_common.contract import (
    ConfigChanged,
    DidRoute,
    EncryptedSecret,
    EnvelopeError,
    Keyring,
    TenantRuntimeConfig,
    keys,
)
from switchboard_common.health import DegradedError

logger = logging.getLogger(__name__)

_RESUBSCRIBE_DELAY_S = (0.2, 0.5, 1.0, 2.0, 5.0)
_RECOVERY_POLL_S = 0.1
_READINESS_TIMEOUT_S = 1.0


class ConfigUnavailableError(Exception):
    """Redis cannot be read and nothing is cached for what was asked."""


class _ContractLostError(Exception):
    """A key is missing while ``sb:v1:epoch`` is too: Redis lost its data, absent is not gone."""


class ConfigCache:
    """Last good DID routes and tenant snapshots; Redis is read on first use and after a change.

    A snapshot never goes back to an older revision. While Redis is down, reads serve the last good
    copy; what was never seen raises ``ConfigUnavailableError``.

    A missing key means "not published" only while the contract epoch (``sb:v1:epoch``) exists.
    Without it Redis has lost its data (restarted empty) and the control plane is republishing:
    cached copies keep being served, and a read of something never seen polls Redis for up to
    ``recovery_wait_s`` (keep it under the 2 s a caller may wait in silence) before raising
    ``ConfigUnavailableError`` instead of answering "not in service".
    """

    def __init__(
        self,
        redis: Redis,
        keyring: Keyring,
        *,
        on_invalidate: Callable[[ConfigChanged], None] | None = None,
        recovery_wait_s: float = 1.5,
    ) -> None:
        self._redis = redis
        self._recovery_wait_s = recovery_wait_s
        self._keyring = keyring
        self._on_invalidate = on_invalidate
        self._routes: dict[str, DidRoute] = {}
        self._tenants: dict[str, TenantRuntimeConfig] = {}
        self._stale: set[str] = set()
        self._stale_routes: set[str] = set()
        self._listener: asyncio.Task[None] | None = None
        self.subscribed = asyncio.Event()

    async def start(self) -> None:
        """Starts following the invalidation channel in the background."""
        if self._listener is None:
            self._listener = asyncio.create_task(self._listen(), name="config-cache-listener")

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
            self._listener = None

    async def route(self, e164: str) -> DidRoute | None:
        """Where a dialed number goes; None when no tenant owns it."""
        cached = self._routes.get(e164)
        if cached is not None and e164 not in self._stale_routes:
            return cached
        try:
            raw = await self._read(keys.did_key(e164), wait=cached is None)
        except (RedisError, _ContractLostError) as exc:
            if cached is not None:
                return cached
            raise ConfigUnavailableError("the number's route cannot be read") from exc
        self._stale_routes.discard(e164)
        if raw is None:
            self._routes.pop(e164, None)
            return None
        try:
            route = DidRoute.model_validate_json(raw)
        except ValidationError:
            logger.error("config.route_invalid", extra={"pii": {"number": e164}})
            return cached
        self._routes[e164] = route
        return route

    async def tenant(self, tenant_id: str) -> TenantRuntimeConfig | None:
        """The tenant's newest snapshot; None when it is not published (or deleted)."""
        cached = self._tenants.get(tenant_id)
        if cached is not None and tenant_id not in self._stale:
            return cached
        try:
            raw = await self._read(keys.tenant_key(tenant_id), wait=cached is None)
        except (RedisError, _ContractLostError) as exc:
            if cached is not None:
                logger.warning(
                    "config.serving_last_good", extra={"fields": {"tenant_id": tenant_id}}
                )
                return cached
            raise ConfigUnavailableError("the tenant's config cannot be read") from exc
        if raw is None:
            self._stale.discard(tenant_id)
            self._tenants.pop(tenant_id, None)
            return None
        return self._accept(tenant_id, raw, cached)

    async def _read(self, key: str, *, wait: bool) -> bytes | str | None:
        """GET ``key``; when it is missing while the epoch is missing too, polls for it (``wait``)
        until the epoch or the key appears, else raises ``_ContractLostError``."""
        raw: bytes | str | None = await self._redis.get(key)
        if raw is not None or await self._redis.exists(keys.EPOCH_KEY):
            return raw
        if wait:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + self._recovery_wait_s
            while loop.time() < deadline:
                await asyncio.sleep(_RECOVERY_POLL_S)
                raw = await self._redis.get(key)
                if raw is not None or await self._redis.exists(keys.EPOCH_KEY):
                    return raw
        logger.warning("config.contract_epoch_missing")
        raise _ContractLostError(key)

    async def readiness(self) -> None:
        """Degraded while the epoch is missing: the runtime still answers what it has cached and
        waits briefly for the rest; failing would take every replica out of rotation at once."""
        try:
            async with asyncio.timeout(_READINESS_TIMEOUT_S):
                present = await self._redis.exists(keys.EPOCH_KEY)
        except (RedisError, TimeoutError) as exc:
            raise DegradedError("Redis unreachable; serving cached configs") from exc
        if not present:
            raise DegradedError("contract data missing in Redis; waiting for the control plane")

    def _accept(
        self, tenant_id: str, raw: str | bytes, cached: TenantRuntimeConfig | None
    ) -> TenantRuntimeConfig | None:
        try:
            snapshot = TenantRuntimeConfig.model_validate_json(raw)
        except ValidationError:
            logger.error("config.snapshot_invalid", extra={"fields": {"tenant_id": tenant_id}})
            return cached
        self._stale.discard(tenant_id)
        if cached is not None and snapshot.revision < cached.revision:
            logger.warning(
                "config.revision_went_backwards",
                extra={
                    "fields": {
                        "tenant_id": tenant_id,
                        "cached": cached.revision,
                        "read": snapshot.revision,
                    }
                },
            )
            return cached
        self._tenants[tenant_id] = snapshot
        return snapshot

    def invalidate(self, change: ConfigChanged) -> None:
        """Marks a tenant's snapshot (and the routes to it) for re-reading on next use."""
        cached = self._tenants.get(change.tenant_id)
        if change.revision == 0:
            self._tenants.pop(change.tenant_id, None)
        if cached is None or change.revision == 0 or change.revision > cached.revision:
            self._stale.add(change.tenant_id)
        for e164, route in self._routes.items():
            if route.tenant_id == change.tenant_id:
                self._stale_routes.add(e164)
        if self._on_invalidate is not None:
            self._on_invalidate(change)

    def invalidate_all(self) -> None:
        """After missing messages (a lost subscription) nothing cached can be trusted as current."""
        self._stale.update(self._tenants)
        self._stale_routes.update(self._routes)

    def cached_tenants(self) -> list[TenantRuntimeConfig]:
        return list(self._tenants.values())

    def open_secret(self, tenant_id: str, secret: EncryptedSecret) -> str | None:
        """The plaintext of a snapshot secret, or None (logged) when this keyring cannot open it."""
        try:
            return self._keyring.open(tenant_id, secret)
        except EnvelopeError:
            logger.error(
                "config.secret_unreadable",
                extra={"fields": {"tenant_id": tenant_id, "secret": secret.name}},
            )
            return None

    async def _listen(self) -> None:
        attempt = 0
        while True:
            try:
                async with self._redis.pubsub() as pubsub:
                    await pubsub.subscribe(keys.CONFIG_CHANNEL)
                    self.invalidate_all()
                    self.subscribed.set()
                    attempt = 0
                    await self._follow(pubsub)
            except (RedisError, OSError):
                self.subscribed.clear()
                delay_s = _RESUBSCRIBE_DELAY_S[min(attempt, len(_RESUBSCRIBE_DELAY_S) - 1)]
                attempt += 1
                logger.warning("config.subscription_lost", extra={"fields": {"retry_s": delay_s}})
                await asyncio.sleep(delay_s)

    async def _follow(self, pubsub: PubSub) -> None:
        async for message in pubsub.listen():
            if message.get("type") != "message":
                continue
            try:
                change = ConfigChanged.model_validate_json(message["data"])
            except ValidationError:
                logger.error("config.change_message_invalid")
                continue
            self.invalidate(change)
