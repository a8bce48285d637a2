"""Call leases in Redis, per tenant and platform-wide, the calls-per-minute cap and the monthly
minutes cap (against the usage counter the control plane keeps)."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from redis.asyncio import Redis
from redis.exceptions import RedisError

from switchboard_common.contract import keys
from switchboard_common.contract.usage import (
    USAGE_CALL_FIELD_PREFIX,
    USAGE_COUNTER_TTL_S,
    usage_counter_key,
    usage_period,
)

logger = logging.getLogger(__name__)

Refusal = Literal["tenant_limit", "global_limit", "rate_limit", "minutes_cap", "usage_unknown"]

# KEYS: tenant zset, global zset, rate counter, usage counter hash, contract epoch. ARGV: member,
# ttl_ms, tenant limit, global limit, rate limit, count_rate (1/0), monthly minutes cap (-1: none).
# Scores are expiry times in ms on the Redis server's clock. Minutes used: the counter's base and
# pending fields, plus one started minute for each live lease (calls in progress).
_ACQUIRE = """
local t = redis.call('TIME')
local now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expiry = now_ms + tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now_ms)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now_ms)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return -1 end
  if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return -2 end
  local cap = tonumber(ARGV[7])
  if cap >= 0 then
    local counter = redis.call('HGETALL', KEYS[4])
    local has_base = false
    local used = redis.call('ZCARD', KEYS[1])
    for i = 1, #counter, 2 do
      if counter[i] == 'base' then has_base = true end
      used = used + tonumber(counter[i + 1])
    end
    if not has_base and redis.call('EXISTS', KEYS[5]) == 0 then return -5 end
    if used >= cap then return -4 end
  end
  if ARGV[6] == '1' then
    local n = tonumber(redis.call('GET', KEYS[3]) or '0')
    if n >= tonumber(ARGV[5]) then return -3 end
    redis.call('INCR', KEYS[3])
    redis.call('EXPIRE', KEYS[3], 120)
  end
end
redis.call('ZADD', KEYS[1], expiry, ARGV[1])
redis.call('ZADD', KEYS[2], expiry, ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[2]) * 2)
return 1
"""

# KEYS: tenant zset, global zset. ARGV: member, ttl_ms. Re-adds a lease that vanished.
_RENEW = """
local t = redis.call('TIME')
local expiry = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[2])
local existed = redis.call('ZSCORE', KEYS[1], ARGV[1]) ~= false
redis.call('ZADD', KEYS[1], expiry, ARGV[1])
redis.call('ZADD', KEYS[2], expiry, ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[2]) * 2)
return existed and 1 or 0
"""

# KEYS: tenant zset, global zset, usage counter hash. ARGV: member, counter field, minutes, ttl_s.
# The call's started minute held by its lease becomes its billed minutes, in one step.
_CHARGE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
redis.call('EXPIRE', KEYS[3], tonumber(ARGV[4]))
return 1
"""

_REFUSALS: dict[int, Refusal] = {
    -1: "tenant_limit",
    -2: "global_limit",
    -3: "rate_limit",
    -4: "minutes_cap",
    -5: "usage_unknown",
}


class CapacityExceededError(Exception):
    """No slot for the call: the tenant's, the platform's, or the per-minute limit is reached,
    the tenant's monthly minutes are used up (``minutes_cap``), or they cannot be known because
    Redis lost them and the control plane has not rewritten them yet (``usage_unknown``)."""

    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason)
        self.reason: Refusal = reason


@dataclass(frozen=True, slots=True)
class Lease:
    """One call's slot; ``local`` when Redis was down and the slot is counted in process only."""

    tenant_id: str
    call_id: str
    local: bool = False


class CapacityManager:
    """Atomic acquire, renew and release of call leases (sorted sets scored by expiry)."""

    def __init__(self, redis: Redis, *, max_calls: int) -> None:
        self._redis = redis
        self._max_calls = max_calls
        self._acquire = redis.register_script(_ACQUIRE)
        self._renew = redis.register_script(_RENEW)
        self._charge = redis.register_script(_CHARGE)
        self._local: dict[str, dict[str, float]] = {}
        """Leases counted in process while Redis is down: tenant -> call id -> monotonic expiry."""

    async def acquire(
        self,
        tenant_id: str,
        call_id: str,
        *,
        max_concurrent_calls: int,
        calls_per_minute: int,
        ttl_s: float,
        count_rate: bool = True,
        monthly_minutes_cap: int | None = None,
    ) -> Lease:
        """Takes (or extends, when already held) the call's lease for ``ttl_s``.

        Raises CapacityExceededError when a limit is reached. A new call under a monthly cap
        holds one started minute through its lease until ``charge`` bills its real minutes, so
        runtimes admitting at the same moment never pass the cap together. While Redis is down,
        leases are counted in this process against the concurrency limits (the cap needs Redis).
        """
        now_s = time.time()
        redis_keys = [
            keys.tenant_capacity_key(tenant_id),
            keys.global_capacity_key(),
            keys.call_rate_key(tenant_id, int(now_s // 60)),
            usage_counter_key(tenant_id, usage_period(datetime.fromtimestamp(now_s, UTC))),
            keys.EPOCH_KEY,
        ]
        args: list[str | int] = [
            call_id,
            int(ttl_s * 1000),
            max_concurrent_calls,
            self._max_calls,
            calls_per_minute,
            "1" if count_rate else "0",
            -1 if monthly_minutes_cap is None else monthly_minutes_cap,
        ]
        try:
            result = int(await self._acquire(keys=redis_keys, args=args))
        except RedisError:
            logger.warning("capacity.redis_unavailable", extra={"fields": {"tenant_id": tenant_id}})
            return self._acquire_local(tenant_id, call_id, max_concurrent_calls, ttl_s)
        if result < 0:
            raise CapacityExceededError(_REFUSALS[result])
        self._forget_local(tenant_id, call_id)
        return Lease(tenant_id, call_id)

    def _acquire_local(self, tenant_id: str, call_id: str, limit: int, ttl_s: float) -> Lease:
        now = time.monotonic()
        for calls in self._local.values():
            for expired in [cid for cid, until in calls.items() if until < now]:
                del calls[expired]
        held = self._local.setdefault(tenant_id, {})
        if call_id not in held:
            if len(held) >= limit:
                raise CapacityExceededError("tenant_limit")
            if sum(len(calls) for calls in self._local.values()) >= self._max_calls:
                raise CapacityExceededError("global_limit")
        held[call_id] = now + ttl_s
        return Lease(tenant_id, call_id, local=True)

    def _forget_local(self, tenant_id: str, call_id: str) -> None:
        held = self._local.get(tenant_id)
        if held is not None:
            held.pop(call_id, None)
            if not held:
                del self._local[tenant_id]

    async def renew(self, lease: Lease, ttl_s: float) -> bool:
        """Pushes the lease's expiry ``ttl_s`` ahead; False when Redis had lost it (re-added)."""
        redis_keys = [keys.tenant_capacity_key(lease.tenant_id), keys.global_capacity_key()]
        return bool(await self._renew(keys=redis_keys, args=[lease.call_id, int(ttl_s * 1000)]))

    async def release(self, lease: Lease) -> None:
        """Frees the slot; a failure is logged, and the lease then expires on its own."""
        self._forget_local(lease.tenant_id, lease.call_id)
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.zrem(keys.tenant_capacity_key(lease.tenant_id), lease.call_id)
                pipe.zrem(keys.global_capacity_key(), lease.call_id)
                await pipe.execute()
        except RedisError:
            logger.warning("capacity.release_failed", extra={"fields": {"call_id": lease.call_id}})

    async def charge(self, lease: Lease, *, period: str, minutes: int) -> None:
        """Frees the lease and bills the call's ``minutes`` in its period's usage counter in one
        step (before its ``call.ended`` is sent, so the control plane's settle finds it). A
        failure is logged; the control plane counts the minutes once it meters the call."""
        self._forget_local(lease.tenant_id, lease.call_id)
        redis_keys = [
            keys.tenant_capacity_key(lease.tenant_id),
            keys.global_capacity_key(),
            usage_counter_key(lease.tenant_id, period),
        ]
        field = f"{USAGE_CALL_FIELD_PREFIX}{lease.call_id}"
        try:
            await self._charge(
                keys=redis_keys, args=[lease.call_id, field, minutes, USAGE_COUNTER_TTL_S]
            )
        except RedisError:
            logger.warning("capacity.charge_failed", extra={"fields": {"call_id": lease.call_id}})

    async def keep_alive(self, lease: Lease, ttl_s: float) -> None:
        """Renews the lease every third of ``ttl_s`` until cancelled (the call's heartbeat)."""
        while True:
            await asyncio.sleep(ttl_s / 3)
            try:
                if not await self.renew(lease, ttl_s):
                    logger.warning(
                        "capacity.lease_restored", extra={"fields": {"call_id": lease.call_id}}
                    )
            except RedisError:
                logger.warning(
                    "capacity.renew_failed", extra={"fields": {"call_id": lease.call_id}}
                )

    async def active_calls(self, tenant_id: str) -> int:
        """Live leases of a tenant (expired ones not counted)."""
        now_ms = int(time.time() * 1000)
        return int(await self._redis.zcount(keys.tenant_capacity_key(tenant_id), now_ms, "+inf"))
