"""The live minute counter in Redis that the runtime checks plan caps against.

Layout (``switchboard_common.contract.usage.usage_counter_key``): ``base`` holds the minutes
metered in Postgres, ``c:{call_id}`` the minutes of calls that ended but are not metered yet.
The control plane only raises ``base`` (to a total it read from Postgres) and removes the
``c:`` fields of calls that total includes, so concurrent writers never lower the counter.
"""

from __future__ import annotations

from collections.abc import Iterable

from redis.asyncio import Redis

from switchboard_common.contract.usage import (
    USAGE_BASE_FIELD,
    USAGE_CALL_FIELD_PREFIX,
    USAGE_COUNTER_TTL_S,
    usage_counter_key,
)

# KEYS: the counter. ARGV: metered minutes, ttl_s, then call ids the metered minutes include.
_SETTLE = """
local base = tonumber(redis.call('HGET', KEYS[1], ARGV[3]) or '-1')
if tonumber(ARGV[1]) > base then redis.call('HSET', KEYS[1], ARGV[3], ARGV[1]) end
for i = 4, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
"""


class UsageCounter:
    """Writes a tenant's metered minutes into its period's counter."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._settle = redis.register_script(_SETTLE)

    async def settle(
        self, tenant_id: str, period: str, metered_minutes: int, call_ids: Iterable[str] = ()
    ) -> None:
        """Raises ``base`` to ``metered_minutes`` (never lowers it) and drops the pending
        minutes of ``call_ids``, which that total includes."""
        fields = [f"{USAGE_CALL_FIELD_PREFIX}{call_id}" for call_id in call_ids]
        args: list[str | int] = [metered_minutes, USAGE_COUNTER_TTL_S, USAGE_BASE_FIELD, *fields]
        await self._settle(keys=[usage_counter_key(tenant_id, period)], args=args)

    async def pending_calls(self, tenant_id: str, period: str) -> list[str]:
        """Call ids whose minutes the runtime charged and the control plane has not settled."""
        fields = await self._redis.hkeys(usage_counter_key(tenant_id, period))
        names = (f.decode() if isinstance(f, bytes) else str(f) for f in fields)
        prefix = USAGE_CALL_FIELD_PREFIX
        return [name.removeprefix(prefix) for name in names if name.startswith(prefix)]

    async def base(self, tenant_id: str, period: str) -> int | None:
        raw = await self._redis.hget(usage_counter_key(tenant_id, period), USAGE_BASE_FIELD)
        return int(raw) if raw is not None else None
