"""What the console needs from /v1, on the real Postgres and Redis: its sign-in config, the
caller's permissions per tenant, call totals, calls by agent, audit filters, and /admin itself."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from redis.asyncio import Redis

from switchboard_common.contract import CallStarted
from tests.integration.builders import api_key, ok, tenant
from tests.integration.conftest import Harness, make_settings, start_harness, truncate_all
from tests.integration.test_calls import T0, call_events, publish, wait_for_call

pytestmark = pytest.mark.integration


async def test_the_console_page_is_served_with_a_strict_policy(harness: Harness) -> None:
    response = await harness.client.get("/admin/t/ten_x/agents/agt_y", headers={})
    assert response.status_code == 200
    assert '<script type="module" src="/admin/assets/app.js">' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    script = await harness.client.get("/admin/assets/app.js", headers={})
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert "/admin" not in (await harness.client.get("/openapi.json")).json()["paths"]


async def test_console_config_offers_oidc_only_when_configured(harness: Harness) -> None:
    plain = await ok(harness.client.get("/v1/console/config", headers={}))
    assert plain == {
        "oidc_issuer": None,
        "oidc_client_id": None,
        "oidc_scopes": "openid profile",
        "voice_runtime_public_url": harness.settings.voice_runtime_public_url,
    }


@pytest.fixture
async def oidc_harness(migrated_database: str, redis: Redis) -> AsyncIterator[Harness]:
    await truncate_all(migrated_database)
    settings = make_settings(
        migrated_database,
        jwt={"jwks_url": "https://id.example.com/jwks", "issuer": "https://id.example.com/"},
        console={"oidc_client_id": "switchboard-console"},
    )
    h, lifespan = await start_harness(settings, redis)
    yield h
    await h.client.aclose()
    await lifespan.__aexit__(None, None, None)


async def test_console_config_names_the_issuer_and_client(oidc_harness: Harness) -> None:
    config = await ok(oidc_harness.client.get("/v1/console/config", headers={}))
    assert config["oidc_issuer"] == "https://id.example.com/"
    assert config["oidc_client_id"] == "switchboard-console"
    page = await oidc_harness.client.get("/admin", headers={})
    assert "connect-src 'self' https://id.example.com;" in page.headers["content-security-policy"]


async def test_permissions_follow_the_policy_per_role(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    path = f"/v1/tenants/{tenant_id}/permissions"
    viewer = await ok(
        client.get(path, headers=harness.as_(await api_key(client, tenant_id, "viewer")))
    )
    assert viewer["role"] == "viewer" and not viewer["platform_admin"]
    assert {"calls.read", "analytics.read", "runtime.read", "webhooks.read"} <= set(
        viewer["allowed"]
    )
    assert "webhooks.write" not in viewer["allowed"]
    assert "usage.read" in viewer["allowed"]
    assert not {"realtime.client_secrets.create", "tenants.plan.write"} & set(viewer["allowed"])
    assert not {"agents.write", "numbers.write", "secrets.read", "audit.read"} & set(
        viewer["allowed"]
    )
    editor = await ok(
        client.get(path, headers=harness.as_(await api_key(client, tenant_id, "editor")))
    )
    assert {"agents.write", "agents.publish", "realtime.client_secrets.create"} <= set(
        editor["allowed"]
    )
    assert "numbers.write" not in editor["allowed"]
    owner = await ok(
        client.get(path, headers=harness.as_(await api_key(client, tenant_id, "owner")))
    )
    assert {"members.write", "tenants.delete"} <= set(owner["allowed"])
    assert not {"tenants.suspend", "tenants.plan.write"} & set(owner["allowed"])  # platform
    admin = await ok(client.get(path))
    assert admin["platform_admin"] and {"tenants.suspend", "tenants.plan.write"} <= set(
        admin["allowed"]
    )
    other = await tenant(client, "Other")
    stranger = harness.as_(await api_key(client, other, "owner"))
    assert (await client.get(path, headers=stranger)).status_code == 404


async def test_summary_totals_and_the_agent_filter(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    other_agent = [
        e.model_copy(update={"agent_id": "agt_y"}) if isinstance(e, CallStarted) else e
        for e in call_events(tenant_id, "call-c", turns=1)
    ]
    await publish(
        harness.redis,
        call_events(tenant_id, "call-a") + call_events(tenant_id, "call-b", turns=0) + other_agent,
    )
    for call_id, turns in (("call-a", 2), ("call-b", 0), ("call-c", 1)):
        await wait_for_call(harness, tenant_id, call_id, turns)
    base = f"/v1/tenants/{tenant_id}"
    summary = await ok(client.get(f"{base}/analytics/summary"))
    # v2v: call-a 400 and 500 ms, call-c 400 ms -> p50 400, p95 490.
    assert summary == {
        "calls": 3,
        "minutes": 4.5,
        "answered": 2,
        "missed": 1,
        "latency_p50_ms": 400.0,
        "latency_p95_ms": 490.0,
    }
    later = {"since": (T0 + timedelta(days=1)).isoformat()}
    empty = await ok(client.get(f"{base}/analytics/summary", params=later))
    assert empty["calls"] == 0 and empty["latency_p50_ms"] is None
    by_agent = await ok(client.get(f"{base}/calls", params={"agent_id": "agt_y"}))
    assert [c["id"] for c in by_agent["items"]] == ["call-c"]
    viewer = harness.as_(await api_key(client, tenant_id, "viewer"))
    assert (await client.get(f"{base}/analytics/summary", headers=viewer)).status_code == 200
    other = harness.as_(await api_key(client, await tenant(client, "Other"), "owner"))
    assert (await client.get(f"{base}/analytics/summary", headers=other)).status_code == 404


async def test_audit_filters_by_actor_action_target_and_time(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    base = f"/v1/tenants/{tenant_id}"
    agent = await ok(client.post(f"{base}/agents", json={"name": "desk"}), 201)
    await ok(client.patch(f"{base}/agents/{agent['id']}", json={"name": "front desk"}))
    owner = harness.as_(await api_key(client, tenant_id, "owner"))
    await ok(client.post(f"{base}/agents", json={"name": "night"}, headers=owner), 201)
    audit = f"{base}/audit"
    everything = (await ok(client.get(audit)))["items"]
    actions = {e["action"] for e in everything}
    agent_actions = {a for a in actions if a.startswith("agent.")}
    assert agent_actions, actions
    prefixed = (await ok(client.get(audit, params={"action": "agent."})))["items"]
    assert {e["action"] for e in prefixed} == agent_actions
    targeted = (await ok(client.get(audit, params={"target": agent["id"]})))["items"]
    assert targeted and {e["target"] for e in targeted} == {agent["id"]}
    by_actor = (await ok(client.get(audit, params={"actor": everything[0]["actor"]})))["items"]
    assert by_actor and {e["actor"] for e in by_actor} == {everything[0]["actor"]}
    assert len(by_actor) < len(everything)
    future = {"since": "2099-01-01T00:00:00Z"}
    assert (await ok(client.get(audit, params=future)))["items"] == []
    newest = everything[0]["at"]
    before = (await ok(client.get(audit, params={"until": newest})))["items"]
    assert all(e["at"] < newest for e in before)
