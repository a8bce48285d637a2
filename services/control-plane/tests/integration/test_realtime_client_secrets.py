"""Realtime client secrets: minted for editors and up, bound to the tenant, the agent and its
published version, bounded in lifetime, audited without their value; realtime-scoped API keys
reach the runtime snapshot by their SHA-256 only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from switchboard_common.realtime_token import (
    DEVELOPMENT_PUBLIC_KEYS,
    RealtimeVerifier,
    realtime_key_digest,
)
from tests.integration.builders import (
    api_key,
    current_revision,
    live_agent,
    ok,
    snapshot_at_least,
    tenant,
)
from tests.integration.conftest import Harness
from tests.integration.test_calls import call_events, publish, wait_for_call

pytestmark = pytest.mark.integration
VERIFIER = RealtimeVerifier.from_spec(DEVELOPMENT_PUBLIC_KEYS)


def _path(tenant_id: str, agent_id: str) -> str:
    return f"/v1/tenants/{tenant_id}/agents/{agent_id}/realtime/client_secrets"


async def test_an_editor_mints_a_secret_bound_to_the_published_version(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id)
    base = f"/v1/tenants/{tenant_id}/agents/{agent_id}"
    await ok(client.post(f"{base}/versions", json={"greeting": "Second"}), 201)
    await ok(client.post(f"{base}/publish", json={"version": 2}))
    editor = harness.as_(await api_key(client, tenant_id, "editor"))
    before = datetime.now(UTC)
    body = await ok(client.post(_path(tenant_id, agent_id), headers=editor), 201)
    grant = VERIFIER.verify(body["value"], tenant_id=tenant_id, agent_id=agent_id)
    assert grant.agent_version == 2 and body["agent_version"] == 2
    expires_at = datetime.fromisoformat(body["expires_at"])
    assert expires_at == grant.expires_at
    assert before + timedelta(seconds=58) <= expires_at <= before + timedelta(seconds=62)


async def test_expires_in_s_is_honoured_within_its_bounds(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id)
    body = await ok(client.post(_path(tenant_id, agent_id), json={"expires_in_s": 3600}), 201)
    lifetime = VERIFIER.verify(body["value"]).expires_at - datetime.now(UTC)
    assert timedelta(seconds=3590) < lifetime <= timedelta(seconds=3600)
    for bad in ({"expires_in_s": 9}, {"expires_in_s": 3601}, {"expires_in_s": "x"}, {"ttl": 60}):
        response = await client.post(_path(tenant_id, agent_id), json=bad)
        assert response.status_code == 422, bad
        assert response.json()["error"]["code"] == "validation_error"


async def test_a_viewer_may_not_mint_and_nobody_mints_across_tenants(harness: Harness) -> None:
    client = harness.client
    tenant_a, tenant_b = await tenant(client, "A"), await tenant(client, "B")
    agent_a = await live_agent(client, tenant_a)
    viewer = harness.as_(await api_key(client, tenant_a, "viewer"))
    denied = await client.post(_path(tenant_a, agent_a), headers=viewer)
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "forbidden"
    owner_b = harness.as_(await api_key(client, tenant_b, "owner"))
    hidden = await client.post(_path(tenant_a, agent_a), headers=owner_b)
    assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "tenant_not_found"
    elsewhere = await client.post(_path(tenant_b, agent_a), headers=owner_b)
    assert elsewhere.status_code == 404 and elsewhere.json()["error"]["code"] == "agent_not_found"


async def test_an_agent_without_a_published_version_gets_409(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    agent = await ok(client.post(f"/v1/tenants/{tenant_id}/agents", json={"name": "draft"}), 201)
    response = await client.post(_path(tenant_id, agent["id"]))
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "agent_not_published"


async def test_minting_is_audited_without_the_value(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id)
    body = await ok(client.post(_path(tenant_id, agent_id)), 201)
    entries = (await ok(client.get(f"/v1/tenants/{tenant_id}/audit")))["items"]
    entry = entries[0]
    assert entry["action"] == "realtime.client_secret.created"
    assert entry["target"] == VERIFIER.verify(body["value"]).secret_id
    assert entry["diff"]["after"]["agent_id"] == agent_id
    assert entry["diff"]["after"]["agent_version"] == 1
    assert body["value"] not in str(entries)
    assert body["value"].removeprefix("ek_").split(".")[2] not in str(entries)


async def test_realtime_scoped_keys_reach_the_snapshot_by_digest_until_revoked(
    harness: Harness,
) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    await live_agent(client, tenant_id)
    plain = await ok(client.post(f"/v1/tenants/{tenant_id}/api-keys", json={"name": "ci"}), 201)
    expires = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
    body = {"name": "app server", "scopes": ["realtime"], "expires_at": expires.isoformat()}
    scoped = await ok(client.post(f"/v1/tenants/{tenant_id}/api-keys", json=body), 201)
    assert scoped["scopes"] == ["realtime"] and plain["scopes"] == []
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert [(k.key_id, k.sha256) for k in snapshot.realtime_keys] == [
        (scoped["id"], realtime_key_digest(scoped["key"]))
    ]
    assert snapshot.realtime_keys[0].expires_at == expires
    raw = str(await redis.get(f"sb:v1:tenant:{tenant_id}"))
    assert scoped["key"] not in raw and plain["key"] not in raw
    await ok(client.delete(f"/v1/tenants/{tenant_id}/api-keys/{scoped['id']}"), 204)
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert snapshot.realtime_keys == ()


async def test_an_unknown_scope_is_refused(harness: Harness) -> None:
    tenant_id = await tenant(harness.client)
    body = {"name": "x", "scopes": ["admin"]}
    response = await harness.client.post(f"/v1/tenants/{tenant_id}/api-keys", json=body)
    assert response.status_code == 422


async def test_the_route_is_in_the_openapi_document(harness: Harness) -> None:
    document = await ok(harness.client.get("/openapi.json"))
    operation = document["paths"][_path("{tenant_id}", "{agent_id}")]["post"]
    assert operation["operationId"] == "create_realtime_client_secret"
    assert {"201", "403", "404", "409", "422", "503"} <= set(operation["responses"])
    assert "agent_not_published" in operation["responses"]["409"]["description"]
    assert "realtime_not_configured" in operation["responses"]["503"]["description"]


async def test_a_realtime_scope_leaves_the_keys_role_as_it_was(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    body = {"name": "app server", "role": "viewer", "scopes": ["realtime"]}
    scoped = await ok(client.post(f"/v1/tenants/{tenant_id}/api-keys", json=body), 201)
    me = await ok(client.get("/v1/me", headers=harness.as_(scoped["key"])))
    assert me["roles"] == {tenant_id: "viewer"}
    agent_id = await live_agent(client, tenant_id)
    denied = await client.post(_path(tenant_id, agent_id), headers=harness.as_(scoped["key"]))
    assert denied.status_code == 403


async def test_platform_keys_take_no_scopes(harness: Harness) -> None:
    body = {"name": "ops", "scopes": ["realtime"]}
    assert (await harness.client.post("/v1/api-keys", json=body)).status_code == 422


async def test_a_realtime_session_is_stored_as_a_call_with_its_origin(harness: Harness) -> None:
    tenant_id = await tenant(harness.client)
    events = call_events(tenant_id, "call-rt", turns=1)
    realtime_start = events[0].model_copy(
        update={"carrier": "realtime", "number_id": "", "carrier_call_id": "rts_1",
                "from_number": "", "to_number": ""}
    )  # fmt: skip
    await publish(harness.redis, [realtime_start, *events[1:]])
    call = await wait_for_call(harness, tenant_id, "call-rt", 1)
    assert call["carrier"] == "realtime" and call["carrier_call_id"] == "rts_1"
    assert call["turn_details"][0]["caller_text"] == "question 0"
