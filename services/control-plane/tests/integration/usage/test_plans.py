"""Plans are defined by platform admins; a tenant's published limits come from its plan."""

from __future__ import annotations

import pytest

from tests.integration.builders import (
    api_key,
    current_revision,
    live_agent,
    ok,
    snapshot_at_least,
    tenant,
)
from tests.integration.conftest import Harness

pytestmark = pytest.mark.integration
STARTER = {
    "name": "Starter",
    "included_minutes": 500,
    "hard_cap_minutes": 600,
    "threshold_percent": 80,
    "max_concurrent_calls": 3,
    "calls_per_minute": 20,
}


async def test_plans_are_managed_by_platform_admins_only(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    owner = harness.as_(await api_key(client, tenant_id, "owner"))
    refused = await client.post("/v1/plans", json=STARTER, headers=owner)
    assert (refused.status_code, refused.json()["error"]["details"]["reason"]) == (
        403,
        "platform_only",
    )
    assert (await client.get("/v1/plans", headers=owner)).status_code == 403
    plan = await ok(client.post("/v1/plans", json=STARTER), 201)
    assert {k: plan[k] for k in STARTER} == STARTER
    taken = await client.post("/v1/plans", json=STARTER)
    assert (taken.status_code, taken.json()["error"]["code"]) == (409, "plan_exists")
    listed = await ok(client.get("/v1/plans"))
    assert [p["id"] for p in listed["items"]] == [plan["id"]]
    changed = await ok(client.patch(f"/v1/plans/{plan['id']}", json={"hard_cap_minutes": None}))
    assert changed["hard_cap_minutes"] is None
    null_name = await client.patch(f"/v1/plans/{plan['id']}", json={"included_minutes": None})
    assert null_name.status_code == 422
    assert (
        await client.patch(f"/v1/plans/{plan['id']}", json={}, headers=owner)
    ).status_code == 403
    assert (await client.get("/v1/plans/pln_missing")).status_code == 404
    bad = await client.post("/v1/plans", json={**STARTER, "name": "x", "threshold_percent": 0})
    assert bad.status_code == 422
    audit = await ok(client.get("/v1/audit"))
    actions = {entry["action"] for entry in audit["items"]}
    assert {"plan.created", "plan.updated"} <= actions


async def test_a_tenant_takes_its_limits_and_cap_from_its_plan(harness: Harness) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    plan = await ok(client.post("/v1/plans", json=STARTER), 201)
    owner = harness.as_(await api_key(client, tenant_id, "owner"))
    assigned = {"plan_id": plan["id"]}
    refused = await client.put(f"/v1/tenants/{tenant_id}/plan", json=assigned, headers=owner)
    assert refused.status_code == 403
    body = await ok(client.put(f"/v1/tenants/{tenant_id}/plan", json=assigned))
    assert body["effective"]["hard_cap_minutes"] == 600
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert snapshot.limits.max_concurrent_calls == 3
    assert snapshot.limits.calls_per_minute == 20
    assert snapshot.limits.monthly_minutes_cap == 600
    # What callers hear at the cap is the agent's to say.
    agent_id = await live_agent(client, tenant_id, unavailable_message="Closed till next month.")
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert snapshot.agents[agent_id].unavailable_message == "Closed till next month."

    # A per-tenant override (platform admin only): this tenant gets a higher cap.
    override = {"plan_id": plan["id"], "overrides": {"hard_cap_minutes": 900}}
    body = await ok(client.put(f"/v1/tenants/{tenant_id}/plan", json=override))
    assert body["overrides"]["hard_cap_minutes"] == 900
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert snapshot.limits.monthly_minutes_cap == 900

    # Changing the plan republishes its tenants.
    await ok(client.patch(f"/v1/plans/{plan['id']}", json={"max_concurrent_calls": 7}))
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert (snapshot.limits.max_concurrent_calls, snapshot.limits.monthly_minutes_cap) == (7, 900)
    viewer = harness.as_(await api_key(client, tenant_id, "viewer"))
    seen = await ok(client.get(f"/v1/tenants/{tenant_id}/plan", headers=viewer))
    assert (seen["plan_id"], seen["effective"]["max_concurrent_calls"]) == (plan["id"], 7)

    in_use = await client.delete(f"/v1/plans/{plan['id']}")
    assert (in_use.status_code, in_use.json()["error"]["code"]) == (409, "plan_in_use")
    await ok(client.put(f"/v1/tenants/{tenant_id}/plan", json={"plan_id": None}))
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert (snapshot.limits.max_concurrent_calls, snapshot.limits.monthly_minutes_cap) == (5, None)
    await ok(client.delete(f"/v1/plans/{plan['id']}"), 204)
    unknown = await client.put(f"/v1/tenants/{tenant_id}/plan", json={"plan_id": "pln_gone"})
    assert unknown.status_code == 422
