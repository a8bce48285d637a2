"""Secret values go in and never come out: not in responses, logs, audit entries or Redis."""

from __future__ import annotations

import logging

import pytest

from switchboard_common.contract import Keyring
from tests.integration.builders import current_revision, live_agent, ok, snapshot_at_least, tenant
from tests.integration.conftest import Harness

pytestmark = pytest.mark.integration

SECRET_VALUE = "sk-test-PLAINTEXT-7f3a9c-never-visible"
TWILIO_TOKEN = "twilio-PLAINTEXT-token-0b1c2d"


async def test_secret_values_never_leave_in_plaintext(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    seen: list[str] = []
    put = await client.put(
        f"/v1/tenants/{tenant_id}/secrets/openai",
        json={"value": SECRET_VALUE, "kind": "llm_api_key"},
    )
    seen.append(put.text)
    carrier = {"value": TWILIO_TOKEN, "kind": "carrier_credential"}
    await ok(client.put(f"/v1/tenants/{tenant_id}/secrets/twilio", json=carrier))
    telephony = {"twilio": {"account_sid": "AC" + "a" * 32, "auth_token_secret_name": "twilio"}}
    seen.append((await client.put(f"/v1/tenants/{tenant_id}/telephony", json=telephony)).text)
    llm = {"model": "openai/gpt-4o-mini", "api_key_secret_name": "openai"}
    agent_id = await live_agent(client, tenant_id, llm=llm)
    for path in (
        "secrets",
        "telephony",
        "audit",
        "agents",
        f"agents/{agent_id}/versions",
        "runtime",
    ):
        seen.append((await client.get(f"/v1/tenants/{tenant_id}/{path}")).text)
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    redis_values = [
        await redis.get(key) or b""
        for key in await redis.keys("*")
        if await redis.type(key) == b"string"
    ]
    seen.extend(str(value) for value in redis_values)
    seen.extend(record.getMessage() + str(vars(record)) for record in caplog.records)
    for text in seen:
        assert SECRET_VALUE not in text
        assert TWILIO_TOKEN not in text
    runtime_keys = Keyring.from_spec(harness.settings.secret("runtime_keys"))
    sealed = snapshot.agents[agent_id].llm.api_key_secret
    assert sealed is not None and runtime_keys.open(tenant_id, sealed) == SECRET_VALUE
    assert snapshot.telephony.twilio is not None
    assert runtime_keys.open(tenant_id, snapshot.telephony.twilio.auth_token) == TWILIO_TOKEN


async def test_secret_writes_are_audited_with_the_value_redacted(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    first = {"value": SECRET_VALUE, "kind": "llm_api_key"}
    await ok(client.put(f"/v1/tenants/{tenant_id}/secrets/openai", json=first))
    await ok(client.put(f"/v1/tenants/{tenant_id}/secrets/openai", json={"value": "second"}))
    entries = (await ok(client.get(f"/v1/tenants/{tenant_id}/audit")))["items"]
    actions = [e["action"] for e in entries]
    assert actions[:2] == ["secret.replaced", "secret.created"]
    assert entries[0]["diff"]["after"] in (
        {"value": "[redacted]"},
        {"name": "openai", "kind": "llm_api_key", "value": "[redacted]"},
    )
    listed = await ok(client.get(f"/v1/tenants/{tenant_id}/secrets"))
    assert [s["name"] for s in listed["items"]] == ["openai"]
    assert set(listed["items"][0]) == {
        "name",
        "provider",
        "kind",
        "allowed_host",
        "key_id",
        "updated_at",
        "updated_by",
    }
    assert listed["items"][0]["kind"] == "llm_api_key"


async def test_secret_names_are_validated_and_deletes_publish(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    bad = await client.put(f"/v1/tenants/{tenant_id}/secrets/Bad Name!", json={"value": "x"})
    assert bad.status_code == 422
    gone = {"value": "x", "kind": "tool_credential"}
    await ok(client.put(f"/v1/tenants/{tenant_id}/secrets/gone", json=gone))
    await ok(client.delete(f"/v1/tenants/{tenant_id}/secrets/gone"), 204)
    missing = await client.delete(f"/v1/tenants/{tenant_id}/secrets/gone")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "secret_not_found"
