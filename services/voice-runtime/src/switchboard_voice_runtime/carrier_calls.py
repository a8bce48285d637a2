"""What the runtime decided about each carrier call, shared by every replica through Redis, so
a replayed webhook or a repeated status callback changes nothing a second time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

from redis.asyncio import Redis

from switchboard_common.contract import keys

CarrierCallState = Literal["admitted", "refused", "ended"]

RECORD_TTL_S = 86_400
"""How long a carrier call's record lives: longer than any call (carriers end calls after a few
hours by default), so a webhook replayed within a day takes no lease; an older replay is
admitted as new and its pending lease expires on its own when no media socket follows."""

# KEYS: record. ARGV: call id, tenant id, token issue time (unix s), ttl s.
# The existing record (field/value list) when there is one; else records an admission, nil.
_OPEN = """
if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('HGETALL', KEYS[1]) end
redis.call('HSET', KEYS[1], 'call_id', ARGV[1], 'tenant_id', ARGV[2], 'issued_at_s', ARGV[3],
  'state', 'admitted', 'outcome', '')
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
return false
"""

# KEYS: record. ARGV: outcome. Marks an admission refused (its lease was never taken).
_REFUSE = """
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'state', 'refused', 'outcome', ARGV[1])
end
return 1
"""

# KEYS: record. The record as it was (nil when unknown), and marks it ended.
_END = """
local before = redis.call('HGETALL', KEYS[1])
if #before == 0 then return false end
redis.call('HSET', KEYS[1], 'state', 'ended')
return before
"""


def _key(carrier: str, carrier_call_id: str) -> str:
    """The record's key; the id is percent-encoded (``v3:abc`` -> ``v3%3Aabc``), since call ids
    of some carriers hold colons and a key segment may not (ids of letters, digits and ``-._~``,
    such as a CallSid, stay as they are). ValueError for an empty, oversized or unprintable id."""
    if not carrier_call_id.isprintable():
        raise ValueError(f"invalid carrier call id: {carrier_call_id!r}")
    return keys.carrier_call_key(carrier, quote(carrier_call_id, safe=""))


@dataclass(frozen=True, slots=True)
class CarrierCall:
    """One carrier call's admission: the call id and token issue time it was given, its tenant,
    its state, and (when refused) the refusal's outcome label."""

    call_id: str
    tenant_id: str
    issued_at_s: int
    state: CarrierCallState
    outcome: str = ""


def _parse(reply: object) -> CarrierCall | None:
    if not isinstance(reply, list) or not reply:
        return None
    raw = dict(zip(reply[::2], reply[1::2], strict=True))
    fields = {
        (name.decode() if isinstance(name, bytes) else str(name)): (
            value.decode() if isinstance(value, bytes) else str(value)
        )
        for name, value in raw.items()
    }
    state: CarrierCallState
    match fields.get("state"):
        case "admitted" | "refused" | "ended" as known:
            state = known
        case _:
            return None
    return CarrierCall(
        call_id=fields.get("call_id", ""),
        tenant_id=fields.get("tenant_id", ""),
        issued_at_s=int(fields.get("issued_at_s", "0") or 0),
        state=state,
        outcome=fields.get("outcome", ""),
    )


class CarrierCallLedger:
    """Admission records keyed by carrier and carrier call id (``sb:v1:carrier-call:...``), for
    any carrier.

    Each method raises RedisError when Redis cannot be asked; the caller then refuses the call
    (fail closed), since another replica may have admitted it already.
    """

    def __init__(self, redis: Redis, *, ttl_s: int = RECORD_TTL_S) -> None:
        self._ttl_s = ttl_s
        self._open = redis.register_script(_OPEN)
        self._refuse = redis.register_script(_REFUSE)
        self._end = redis.register_script(_END)

    async def open(
        self, carrier: str, carrier_call_id: str, admission: CarrierCall
    ) -> CarrierCall | None:
        """Records ``admission`` when this is the call's first webhook (None); otherwise returns
        the record of the first, which the replay must follow."""
        key = _key(carrier, carrier_call_id)
        args: list[str | int] = [
            admission.call_id,
            admission.tenant_id,
            admission.issued_at_s,
            self._ttl_s,
        ]
        return _parse(await self._open(keys=[key], args=args))

    async def refuse(self, carrier: str, carrier_call_id: str, outcome: str) -> None:
        """Marks the admission refused: replays hear the same refusal and take no lease."""
        key = _key(carrier, carrier_call_id)
        await self._refuse(keys=[key], args=[outcome])

    async def end(self, carrier: str, carrier_call_id: str) -> CarrierCall | None:
        """Marks the call ended; returns its record as it was before (None when unknown). Only
        the first ``end`` sees a state other than ``ended``."""
        key = _key(carrier, carrier_call_id)
        return _parse(await self._end(keys=[key]))
