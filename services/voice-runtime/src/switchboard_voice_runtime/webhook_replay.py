"""Each carrier webhook event is acted on once, whichever runtime replica it reaches: the first
delivery of an event id sets its key in Redis (SET NX with a TTL); a repeat finds it set.

Fails closed: when Redis cannot be asked, ``first_delivery`` raises (RedisError) and the caller
must not act on the event (answer it so the carrier retries later), since another replica may
already have done so.
"""

from __future__ import annotations

from redis.asyncio import Redis

from switchboard_common.contract import keys

EVENT_TTL_S = 86_400
"""How long an event id is remembered: Telnyx retries a failed delivery for far less than a day,
and a stale timestamp (over 300 s) is refused by the signature check anyway."""


class WebhookReplayGuard:
    def __init__(self, redis: Redis, *, ttl_s: int = EVENT_TTL_S) -> None:
        if ttl_s < 1:
            raise ValueError("ttl_s must be positive")
        self._redis = redis
        self._ttl_s = ttl_s

    async def first_delivery(self, carrier: str, event_id: str) -> bool:
        """True for the first delivery of ``event_id`` from ``carrier``; False for repeats.
        ``ValueError`` for an id unfit for a key (empty, over 128 chars, ':' or unprintable)."""
        key = keys.webhook_event_key(carrier, event_id)
        first = await self._redis.set(key, b"1", nx=True, ex=self._ttl_s)
        return bool(first)

    async def forget(self, carrier: str, event_id: str) -> None:
        """Lets a later delivery of the event be acted on (the first one failed before its
        effect was made durable, so the carrier's retry must not be dropped as a repeat)."""
        await self._redis.delete(keys.webhook_event_key(carrier, event_id))
