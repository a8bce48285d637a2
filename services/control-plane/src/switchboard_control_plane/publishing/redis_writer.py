"""Applies one PublishPlan to Redis atomically (one Lua script) and announces it."""

from __future__ import annotations

from redis.asyncio import Redis

from switchboard_common.contract import ConfigChanged
from switchboard_common.contract.keys import CONFIG_CHANNEL, did_key, tenant_key
from switchboard_control_plane.publishing.plan import PublishPlan

# KEYS: tenant key, then DID keys to set, then DID keys to remove.
# ARGV: tenant_id, revision, snapshot JSON ('' deletes), ConfigChanged JSON, channel,
#       number of DIDs to set, then the DID route JSONs.
APPLY_PLAN_LUA = """
local tenant_id, revision = ARGV[1], tonumber(ARGV[2])
local current = redis.call('GET', KEYS[1])
if current and ARGV[3] ~= '' then
  local ok, doc = pcall(cjson.decode, current)
  if ok and type(doc) == 'table' and tonumber(doc['revision']) and
     tonumber(doc['revision']) >= revision then
    return 0
  end
end
if ARGV[3] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[3])
end
local n_set = tonumber(ARGV[6])
for i = 1, n_set do
  redis.call('SET', KEYS[1 + i], ARGV[6 + i])
end
for i = 2 + n_set, #KEYS do
  local route = redis.call('GET', KEYS[i])
  if route then
    local ok, doc = pcall(cjson.decode, route)
    if ok and type(doc) == 'table' and doc['tenant_id'] == tenant_id then
      redis.call('DEL', KEYS[i])
    end
  end
end
redis.call('PUBLISH', ARGV[5], ARGV[4])
return 1
"""


class RedisPlanWriter:
    """Writes plans; a plan older than what Redis holds is skipped (returns False)."""

    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._script = redis.register_script(APPLY_PLAN_LUA)

    async def apply(self, plan: PublishPlan) -> bool:
        dids = sorted(plan.dids.items())
        keys = [
            tenant_key(plan.tenant_id),
            *(did_key(e164) for e164, _ in dids),
            *(did_key(e164) for e164 in plan.removed_dids),
        ]
        announced = plan.revision if plan.snapshot is not None else 0
        message = ConfigChanged(tenant_id=plan.tenant_id, revision=announced)
        args = [
            plan.tenant_id,
            str(plan.revision),
            plan.snapshot.model_dump_json() if plan.snapshot is not None else "",
            message.model_dump_json(),
            CONFIG_CHANNEL,
            str(len(dids)),
            *(route.model_dump_json() for _, route in dids),
        ]
        result = await self._script(keys=keys, args=args)
        return bool(result)
