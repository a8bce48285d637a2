"""Tenants bring their own Telnyx account, and numbers name their carrier: the API validates
both, the snapshot and the DID routes carry them to the runtime (the API key sealed), and the
database refuses a carrier the runtime does not speak."""

from __future__ import annotations

import base64
import json

import asyncpg  # type: ignore[import-untyped]
import pytest

from switchboard_common.contract import DidRoute, Keyring
from switchboard_common.contract.envelope import DEVELOPMENT_RUNTIME_KEYS
from switchboard_common.contract.keys import did_key
from tests.integration.builders import current_revision, live_agent, ok, snapshot_at_least, tenant
from tests.integration.conftest import Harness
from tests.integration.test_secret_kinds import TWILIO, field_error, put_secret

pytestmark = pytest.mark.integration

PUBLIC_KEY = base64.b64encode(bytes(range(32))).decode()
TELNYX = {"public_key": PUBLIC_KEY, "api_key_secret_name": "telnyx"}


async def test_a_tenants_telnyx_account_reaches_the_snapshot_with_its_key_sealed(
    harness: Harness,
) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    await put_secret(client, tenant_id, "twilio", "carrier_credential")
    await put_secret(client, tenant_id, "telnyx", "carrier_credential")
    body = {"twilio": TWILIO, "telnyx": TELNYX}
    assert await ok(client.put(f"/v1/tenants/{tenant_id}/telephony", json=body)) == body
    assert await ok(client.get(f"/v1/tenants/{tenant_id}/telephony")) == body
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    account = snapshot.telephony.telnyx
    assert account is not None and account.public_key == PUBLIC_KEY
    assert account.api_key is not None and account.api_key.kind == "carrier_credential"
    keyring = Keyring.from_spec(DEVELOPMENT_RUNTIME_KEYS)
    assert keyring.open(tenant_id, account.api_key) == "telnyx-value"
    assert "telnyx-value" not in json.dumps(snapshot.model_dump(mode="json"))
    assert snapshot.telephony.twilio is not None  # both carriers side by side


async def test_the_telnyx_account_is_validated(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    path = f"/v1/tenants/{tenant_id}/telephony"
    missing = await client.put(path, json={"telnyx": TELNYX})
    assert field_error(missing) == (422, "telnyx.api_key_secret_name", "secret_not_found")
    await put_secret(client, tenant_id, "telnyx", "llm_api_key")
    wrong_kind = await client.put(path, json={"telnyx": TELNYX})
    assert field_error(wrong_kind) == (422, "telnyx.api_key_secret_name", "secret_kind_mismatch")
    short = base64.b64encode(bytes(31)).decode()
    for bad in ("not base64!", short, PUBLIC_KEY + PUBLIC_KEY):
        refused = await client.put(path, json={"telnyx": {**TELNYX, "public_key": bad}})
        assert refused.status_code == 422, bad
        assert refused.json()["error"]["details"][0]["field"] == "body.telnyx.public_key"
    unknown = await client.put(path, json={"telnyx": {**TELNYX, "api_key": "k"}})
    assert unknown.status_code == 422
    assert await ok(client.get(path)) == {"twilio": None, "telnyx": None}


async def test_a_telnyx_key_in_use_cannot_be_deleted_and_a_broken_one_is_reported(
    harness: Harness, migrated_database: str
) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    await put_secret(client, tenant_id, "telnyx", "carrier_credential")
    await ok(client.put(f"/v1/tenants/{tenant_id}/telephony", json={"telnyx": TELNYX}))
    deleted = await client.delete(f"/v1/tenants/{tenant_id}/secrets/telnyx")
    assert deleted.status_code == 409
    assert deleted.json()["error"]["details"]["referrers"] == [
        "telephony.telnyx.api_key_secret_name"
    ]
    state = await ok(client.get(f"/v1/tenants/{tenant_id}/runtime"))
    assert state["problems"] == []
    connection = await asyncpg.connect(migrated_database.replace("+asyncpg", ""))
    try:
        await connection.execute("UPDATE secrets SET kind = 'llm_api_key' WHERE name = 'telnyx'")
    finally:
        await connection.close()
    state = await ok(client.get(f"/v1/tenants/{tenant_id}/runtime"))
    assert [(p["field"], p["type"]) for p in state["problems"]] == [
        ("telephony.telnyx.api_key_secret_name", "secret_kind_mismatch")
    ]
    # a republish leaves the unusable account out: the runtime then uses the platform's
    await ok(client.patch(f"/v1/tenants/{tenant_id}", json={"limits": {"max_concurrent_calls": 3}}))
    snapshot = await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    assert snapshot.telephony.telnyx is None


async def test_numbers_carry_their_carrier_to_the_did_route(harness: Harness) -> None:
    client, redis = harness.client, harness.redis
    tenant_id = await tenant(client)
    agent_id = await live_agent(client, tenant_id)
    base = f"/v1/tenants/{tenant_id}/numbers"
    telnyx = await ok(
        client.post(base, json={"e164": "+15550100001", "carrier": "telnyx", "agent_id": agent_id}),
        201,
    )
    twilio = await ok(client.post(base, json={"e164": "+15550100002", "agent_id": agent_id}), 201)
    assert (telnyx["carrier"], twilio["carrier"]) == ("telnyx", "twilio")
    refused = await client.post(base, json={"e164": "+15550100003", "carrier": "vonage"})
    assert refused.status_code == 422
    assert refused.json()["error"]["details"][0]["field"] == "body.carrier"
    await snapshot_at_least(redis, tenant_id, await current_revision(client, tenant_id))
    routes = {}
    for e164 in ("+15550100001", "+15550100002"):
        raw = await redis.get(did_key(e164))
        assert raw is not None
        routes[e164] = DidRoute.model_validate_json(raw).carrier
    assert routes == {"+15550100001": "telnyx", "+15550100002": "twilio"}
    moved = await ok(client.patch(f"{base}/{twilio['id']}", json={"carrier": "telnyx"}))
    assert moved["carrier"] == "telnyx"


async def test_the_database_refuses_an_unknown_carrier_and_defaults_to_twilio(
    harness: Harness, migrated_database: str
) -> None:
    tenant_id = await tenant(harness.client)
    connection = await asyncpg.connect(migrated_database.replace("+asyncpg", ""))
    try:
        insert = (
            "INSERT INTO phone_numbers (id, tenant_id, e164, label{}) VALUES ($1, $2, $3, ''{})"
        )
        await connection.execute(insert.format("", ""), "num_a", tenant_id, "+15550100009")
        carrier = await connection.fetchval("SELECT carrier FROM phone_numbers WHERE id = 'num_a'")
        assert carrier == "twilio"
        with pytest.raises(asyncpg.CheckViolationError):
            await connection.execute(
                insert.format(", carrier", ", $4"), "num_b", tenant_id, "+15550100008", "vonage"
            )
    finally:
        await connection.close()
