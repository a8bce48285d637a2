"""Tenant -> agent -> version -> publish -> number lands in Redis; changes follow it there."""

from __future__ import annotations

import pytest

from switchboard_common.contract import DidRoute
from switchboard_common.contract.keys import did_key, tenant_key
from tests.integration.builders import (
    current_revision,
    live_agent,
    number,
    ok,
    snapshot_at_least,
    tenant,
)
from tests.integration.conftest import Harness

pytestmark = pytest.mark.integration


async def test_published_agent_and_number_reach_redis(harness: Harness) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id, greeting="Welcome to Acme")
    number_id = await number(client, tenant_id, "+1 (415) 555-0100", agent_id)
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert snapshot.agents[agent_id].greeting == "Welcome to Acme"
    assert snapshot.agents[agent_id].version == 1
    route = DidRoute.model_validate_json(await redis.get(did_key("+14155550100")) or b"")
    assert route == DidRoute(tenant_id=tenant_id, agent_id=agent_id, number_id=number_id)
    state = await ok(client.get(f"/v1/tenants/{tenant_id}/runtime"))
    assert state["in_sync"] is True and state["redis_revision"] == snapshot.revision


async def test_rollback_publishes_the_older_version(harness: Harness) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id, greeting="Version one")
    base = f"/v1/tenants/{tenant_id}/agents/{agent_id}"
    await ok(client.post(f"{base}/versions", json={"greeting": "Version two"}), 201)
    await ok(client.post(f"{base}/publish", json={"version": 2}))
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert snapshot.agents[agent_id].greeting == "Version two"
    await ok(client.post(f"{base}/rollback", json={"version": 1}))
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert snapshot.agents[agent_id].greeting == "Version one"
    versions = await ok(client.get(f"{base}/versions"))
    assert [(v["version"], v["live"]) for v in versions["items"]] == [(2, False), (1, True)]
    assert {v["created_by"] for v in versions["items"]} == {"bootstrap-admin"}
    refused = await client.post(f"{base}/rollback", json={"version": 2})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "not_a_rollback"


async def test_suspend_activate_and_delete_reach_the_runtime(harness: Harness) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id)
    await number(client, tenant_id, "+14155550101", agent_id)
    await ok(client.post(f"/v1/tenants/{tenant_id}/suspend"))
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert snapshot.status == "suspended"
    await ok(client.post(f"/v1/tenants/{tenant_id}/activate"))
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert snapshot.status == "active"
    pubsub = redis.pubsub()
    await pubsub.subscribe("sb:v1:config")
    await ok(client.delete(f"/v1/tenants/{tenant_id}"), 204)
    message = None
    while message is None or message["type"] != "message":
        message = await pubsub.get_message(timeout=5.0)
        assert message is not None
    assert message["data"] == f'{{"tenant_id":"{tenant_id}","revision":0}}'.encode()
    assert await redis.get(tenant_key(tenant_id)) is None
    assert await redis.get(did_key("+14155550101")) is None
    assert (await client.get(f"/v1/tenants/{tenant_id}")).status_code == 404
    await pubsub.aclose()  # type: ignore[no-untyped-call]


async def test_removed_and_unassigned_numbers_leave_redis(harness: Harness) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id)
    first = await number(client, tenant_id, "+14155550102", agent_id)
    second = await number(client, tenant_id, "+14155550103", agent_id)
    await ok(client.delete(f"/v1/tenants/{tenant_id}/numbers/{first}"), 204)
    await ok(client.patch(f"/v1/tenants/{tenant_id}/numbers/{second}", json={"agent_id": None}))
    await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert await redis.get(did_key("+14155550102")) is None
    assert await redis.get(did_key("+14155550103")) is None


async def test_a_number_is_unique_across_the_platform(harness: Harness) -> None:
    client = harness.client
    first, second = await tenant(client, "One"), await tenant(client, "Two")
    agent_one = await live_agent(client, first)
    agent_two = await live_agent(client, second)
    await number(client, first, "+442079460958", agent_one)
    body = {"e164": "+44 20 7946 0958", "agent_id": agent_two}
    conflict = await client.post(f"/v1/tenants/{second}/numbers", json=body)
    assert conflict.status_code == 409
    assert conflict.json()["error"]["code"] == "number_taken"
    assert first not in conflict.text


@pytest.mark.parametrize(
    ("config", "field"),
    [
        ({"tts": {"engine": "piper", "voice": "bad voice!"}}, "body.tts"),
        ({"tools": {"transfer_targets": [{"name": "x", "number": "5551234"}]}}, "number"),
        (
            {"llm": {"model": "openai/gpt-4o-mini", "api_key_secret_name": "nope"}},
            "llm.api_key_secret_name",
        ),
        (
            {
                "business_hours": {
                    "timezone": "Mars/Olympus",
                    "after_hours_message": "closed",
                    "windows": [{"days": ["mon"], "opens_at": "09:00", "closes_at": "17:00"}],
                }
            },
            "business_hours.timezone",
        ),
    ],
)
async def test_versions_the_runtime_could_not_use_are_rejected(
    harness: Harness, config: dict[str, object], field: str
) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    agent = await ok(client.post(f"/v1/tenants/{tenant_id}/agents", json={"name": "a"}), 201)
    response = await client.post(
        f"/v1/tenants/{tenant_id}/agents/{agent['id']}/versions",
        json={"greeting": "Hi", **config},
    )
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert any(field in detail["field"] for detail in error["details"]), error


async def test_bad_numbers_get_422_with_the_field(harness: Harness) -> None:
    tenant_id = await tenant(harness.client)
    for raw in ("5551234", "+1555", "not a number"):
        response = await harness.client.post(f"/v1/tenants/{tenant_id}/numbers", json={"e164": raw})
        assert response.status_code == 422
        assert response.json()["error"]["details"][0]["field"] == "body.e164"


async def test_reconciler_repairs_a_wiped_redis(harness: Harness) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id)
    await number(client, tenant_id, "+14155550104", agent_id)
    await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    # The tenant's keys only: with the epoch gone too, the epoch watch would republish by itself.
    await redis.delete(tenant_key(tenant_id), did_key("+14155550104"))
    drift = await ok(client.get(f"/v1/tenants/{tenant_id}/runtime"))
    assert drift["in_sync"] is False and "snapshot_missing" in drift["drift"]
    queued = await ok(client.post(f"/v1/tenants/{tenant_id}/runtime/publish"), 202)
    await snapshot_at_least(redis, tenant_id, queued["revision"])
    assert await redis.get(did_key("+14155550104")) is not None
    assert (await ok(client.get(f"/v1/tenants/{tenant_id}/runtime")))["in_sync"] is True


async def test_legacy_call_routes_answer_410(harness: Harness) -> None:
    response = await harness.client.post("/api/calls/incoming")
    assert response.status_code == 410
    error = response.json()["error"]
    assert error["code"] == "voice_runtime_moved"
    assert error["details"]["voice_runtime_url"] == harness.settings.voice_runtime_public_url
