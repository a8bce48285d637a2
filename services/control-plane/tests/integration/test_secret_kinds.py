"""Secrets by kind: an agent's LLM key must be an ``llm_api_key`` bound to its host, telephony
takes only carrier credentials, kinds are fixed, and the snapshot carries them to the runtime."""

from __future__ import annotations

from typing import Any

import asyncpg  # type: ignore[import-untyped]
import httpx
import pytest

from tests.integration.builders import current_revision, live_agent, ok, snapshot_at_least, tenant
from tests.integration.conftest import Harness

pytestmark = pytest.mark.integration

TWILIO = {"account_sid": "AC" + "a" * 32, "auth_token_secret_name": "twilio"}


async def put_secret(
    client: httpx.AsyncClient, tenant_id: str, name: str, kind: str, **extra: Any
) -> dict[str, Any]:
    body = {"value": f"{name}-value", "kind": kind, **extra}
    return await ok(client.put(f"/v1/tenants/{tenant_id}/secrets/{name}", json=body))


async def new_version(client: httpx.AsyncClient, tenant_id: str, llm: dict[str, Any]) -> Any:
    agent = await ok(client.post(f"/v1/tenants/{tenant_id}/agents", json={"name": "a"}), 201)
    body = {"greeting": "Hi", "llm": llm}
    return await client.post(f"/v1/tenants/{tenant_id}/agents/{agent['id']}/versions", json=body)


def field_error(response: httpx.Response) -> tuple[int, str, str]:
    detail = response.json()["error"]["details"][0]
    return response.status_code, detail["field"], detail["type"]


async def test_an_agent_cannot_use_a_carrier_token_as_its_llm_key(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    await put_secret(client, tenant_id, "twilio", "carrier_credential")
    await put_secret(client, tenant_id, "tools", "tool_credential")
    for name in ("twilio", "tools"):
        llm = {"model": "openai/gpt-4o-mini", "api_key_secret_name": name}
        refused = await new_version(client, tenant_id, llm)
        assert field_error(refused) == (422, "llm.api_key_secret_name", "secret_kind_mismatch")


async def test_an_llm_key_goes_only_to_the_host_it_was_created_for(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    await put_secret(client, tenant_id, "openai", "llm_api_key")
    await put_secret(client, tenant_id, "gateway", "llm_api_key", allowed_host="llm.example.com")
    steal = {"model": "openai/x", "api_key_secret_name": "openai", "api_base": "https://x.test/v1"}
    refused = await new_version(client, tenant_id, steal)
    assert field_error(refused) == (422, "llm.api_key_secret_name", "secret_host_mismatch")
    moved = {**steal, "api_key_secret_name": "gateway"}
    refused = await new_version(client, tenant_id, moved)
    assert field_error(refused) == (422, "llm.api_key_secret_name", "secret_host_mismatch")
    bound = {**moved, "api_base": "https://llm.example.com/v1"}
    assert (await new_version(client, tenant_id, bound)).status_code == 201
    plain = {"model": "openai/gpt-4o-mini", "api_key_secret_name": "openai"}
    assert (await new_version(client, tenant_id, plain)).status_code == 201


async def test_a_secrets_kind_is_required_at_creation_and_then_fixed(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    path = f"/v1/tenants/{tenant_id}/secrets/key"
    kindless = await client.put(path, json={"value": "v"})
    assert field_error(kindless) == (422, "kind", "missing")
    host_on_carrier = {"value": "v", "kind": "carrier_credential", "allowed_host": "a.example"}
    assert (await client.put(path, json=host_on_carrier)).status_code == 422
    created = await put_secret(client, tenant_id, "key", "llm_api_key", allowed_host="a.example")
    assert (created["kind"], created["allowed_host"]) == ("llm_api_key", "a.example")
    for change in ({"kind": "carrier_credential"}, {"kind": "llm_api_key"}):
        changed = await client.put(path, json={"value": "v2", **change})
        assert changed.status_code == 409, changed.text
        assert changed.json()["error"]["code"] == "secret_kind_fixed"
    kept = await ok(client.put(path, json={"value": "v3"}))
    assert (kept["kind"], kept["allowed_host"]) == ("llm_api_key", "a.example")
    listed = await ok(client.get(f"/v1/tenants/{tenant_id}/secrets"))
    assert [(s["name"], s["kind"]) for s in listed["items"]] == [("key", "llm_api_key")]
    one = await ok(client.get(path))
    assert (one["kind"], one["allowed_host"]) == ("llm_api_key", "a.example")
    assert "value" not in one
    missing = await client.get(f"/v1/tenants/{tenant_id}/secrets/nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "secret_not_found"


async def test_telephony_takes_only_a_carrier_credential(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    await put_secret(client, tenant_id, "twilio", "llm_api_key")
    refused = await client.put(f"/v1/tenants/{tenant_id}/telephony", json={"twilio": TWILIO})
    assert field_error(refused) == (422, "twilio.auth_token_secret_name", "secret_kind_mismatch")


async def test_the_snapshot_carries_each_sealed_secrets_kind_and_host(harness: Harness) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    await put_secret(client, tenant_id, "twilio", "carrier_credential")
    await put_secret(client, tenant_id, "gw", "llm_api_key", allowed_host="llm.example.com")
    await ok(client.put(f"/v1/tenants/{tenant_id}/telephony", json={"twilio": TWILIO}))
    llm = {
        "model": "openai/m",
        "api_key_secret_name": "gw",
        "api_base": "https://llm.example.com/v1",
    }
    agent_id = await live_agent(client, tenant_id, llm=llm)
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    sealed = snapshot.agents[agent_id].llm.api_key_secret
    assert sealed is not None and (sealed.kind, sealed.allowed_host) == (
        "llm_api_key",
        "llm.example.com",
    )
    assert snapshot.telephony.twilio is not None
    assert snapshot.telephony.twilio.auth_token.kind == "carrier_credential"


async def test_a_secret_in_use_cannot_be_deleted(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    base = f"/v1/tenants/{tenant_id}"
    for name, kind in (("openai", "llm_api_key"), ("next", "llm_api_key")):
        await put_secret(client, tenant_id, name, kind)
    await put_secret(client, tenant_id, "twilio", "carrier_credential")
    await ok(client.put(f"{base}/telephony", json={"twilio": TWILIO}))
    agent_id = await live_agent(client, tenant_id, llm={"model": "openai/m"})
    # the latest version (not yet live) and the live one both count
    llm = {"model": "openai/m", "api_key_secret_name": "next"}
    body = {"greeting": "Hi", "llm": llm}
    await ok(client.post(f"{base}/agents/{agent_id}/versions", json=body), 201)
    await ok(client.post(f"{base}/agents/{agent_id}/publish", json={"version": 2}))
    body["llm"] = {**llm, "api_key_secret_name": "openai"}
    await ok(client.post(f"{base}/agents/{agent_id}/versions", json=body), 201)
    expected = {
        "openai": [f"agents/{agent_id}/versions/3: llm.api_key_secret_name"],
        "next": [f"agents/{agent_id}/versions/2: llm.api_key_secret_name"],
        "twilio": ["telephony.twilio.auth_token_secret_name"],
    }
    for name, referrers in expected.items():
        refused = await client.delete(f"{base}/secrets/{name}")
        assert refused.status_code == 409, refused.text
        error = refused.json()["error"]
        assert (error["code"], error["details"]["referrers"]) == ("secret_in_use", referrers)
    await put_secret(client, tenant_id, "spare", "tool_credential")
    await ok(client.delete(f"{base}/secrets/spare"), 204)


async def test_the_runtime_view_says_when_a_live_agents_key_is_unusable(
    harness: Harness, migrated_database: str
) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    await put_secret(client, tenant_id, "openai", "llm_api_key")
    await put_secret(client, tenant_id, "twilio", "carrier_credential")
    await ok(client.put(f"/v1/tenants/{tenant_id}/telephony", json={"twilio": TWILIO}))
    agent_id = await live_agent(
        client, tenant_id, llm={"model": "openai/m", "api_key_secret_name": "openai"}
    )
    state = await ok(client.get(f"/v1/tenants/{tenant_id}/runtime"))
    assert state["problems"] == []
    # data from before kinds existed, or written around the API: the two kinds swapped
    connection = await asyncpg.connect(migrated_database.replace("+asyncpg", ""))
    try:
        await connection.execute(
            "UPDATE secrets SET kind = CASE name WHEN 'openai' THEN 'carrier_credential' "
            "ELSE 'llm_api_key' END"
        )
    finally:
        await connection.close()
    state = await ok(client.get(f"/v1/tenants/{tenant_id}/runtime"))
    assert [(p["agent_id"], p["field"], p["type"]) for p in state["problems"]] == [
        (agent_id, "llm.api_key_secret_name", "secret_kind_mismatch"),
        (None, "telephony.twilio.auth_token_secret_name", "secret_kind_mismatch"),
    ]
