"""Writing a phrase into the shared Redis cache within a byte budget per voice.

Every voice has an index (a sorted set of its entry keys by write time) and a size table (a hash
of entry key -> bytes, with the voice's total under the empty field). One Lua script writes the
entry, forgets entries whose TTL has passed, and evicts the oldest entries until the voice is
back within its budget, atomically, so concurrent TTS replicas cannot overshoot it together.
"""

from __future__ import annotations

import time

from redis.asyncio import Redis

_PUT_WITHIN_BUDGET = """
local entry, index, sizes = KEYS[1], KEYS[2], KEYS[3]
local value, ttl_s, now_s, max_bytes = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]),
  tonumber(ARGV[4])
local function forget(key)
  local size = tonumber(redis.call('HGET', sizes, key) or '0')
  redis.call('DEL', key)
  redis.call('ZREM', index, key)
  redis.call('HDEL', sizes, key)
  if size > 0 then redis.call('HINCRBY', sizes, '', -size) end
end
forget(entry)
for _, key in ipairs(redis.call('ZRANGEBYSCORE', index, '-inf', now_s - ttl_s)) do
  forget(key)
end
redis.call('SET', entry, value, 'EX', ttl_s)
redis.call('ZADD', index, now_s, entry)
redis.call('HSET', sizes, entry, string.len(value))
local total = redis.call('HINCRBY', sizes, '', string.len(value))
while total > max_bytes do
  local oldest = redis.call('ZRANGE', index, 0, 0)
  if #oldest == 0 then break end
  forget(oldest[1])
  total = tonumber(redis.call('HGET', sizes, ''))
end
redis.call('EXPIRE', index, ttl_s)
redis.call('EXPIRE', sizes, ttl_s)
return total
"""


def voice_index_keys(key_prefix: str, voice_id: str) -> tuple[str, str]:
    """(index, sizes) keys of a voice's budget."""
    return f"{key_prefix}voice:{voice_id}:index", f"{key_prefix}voice:{voice_id}:sizes"


async def put_within_budget(
    redis: Redis,
    *,
    key_prefix: str,
    key: str,
    voice_id: str,
    value: bytes,
    ttl_s: int,
    max_bytes_per_voice: int,
) -> int:
    """Stores ``value`` under ``key_prefix + key``; returns the voice's cached bytes after
    eviction."""
    index, sizes = voice_index_keys(key_prefix, voice_id)
    total = await redis.eval(
        _PUT_WITHIN_BUDGET,
        3,
        key_prefix + key,
        index,
        sizes,
        value,
        ttl_s,
        time.time(),
        max_bytes_per_voice,
    )
    return int(total)
