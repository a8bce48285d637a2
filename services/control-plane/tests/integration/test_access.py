"""API keys, JWTs, roles, X-Tenant-ID and rate limits."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
from redis.asyncio import Redis

from tests.integration.builders import api_key, ok, tenant
from tests.integration.conftest import (
    ADMIN,
    Harness,
    make_settings,
    start_harness,
    truncate_all,
)

pytestmark = pytest.mark.integration
JWT_SECRET = "test-hs256-secret-for-the-control-plane"


async def test_requests_without_a_valid_credential_get_401(harness: Harness) -> None:
    missing = await harness.client.get("/v1/tenants", headers={"Authorization": ""})
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthorized"
    wrong = await harness.client.get("/v1/tenants", headers=harness.as_("sb_not_a_key"))
    assert wrong.status_code == 401


async def test_api_key_is_shown_once_hashed_and_revocable(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    created = await ok(
        client.post(f"/v1/tenants/{tenant_id}/api-keys", json={"name": "ci", "role": "editor"}), 201
    )
    token = created["key"]
    assert token.startswith("sb_") and created["prefix"] == token[:10]
    listed = await ok(client.get(f"/v1/tenants/{tenant_id}/api-keys"))
    assert token not in str(listed)
    me = await ok(client.get("/v1/me", headers=harness.as_(token)))
    assert me["roles"] == {tenant_id: "editor"} and me["platform_admin"] is False
    entries = (await ok(client.get(f"/v1/tenants/{tenant_id}/audit")))["items"]
    assert entries[0]["action"] == "api_key.first_used"
    listed = await ok(client.get(f"/v1/tenants/{tenant_id}/api-keys"))
    assert listed["items"][0]["last_used_at"] is not None
    await ok(client.delete(f"/v1/tenants/{tenant_id}/api-keys/{created['id']}"), 204)
    assert (await client.get("/v1/me", headers=harness.as_(token))).status_code == 401


async def test_expired_keys_are_refused(harness: Harness) -> None:
    tenant_id = await tenant(harness.client)
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    created = await ok(
        harness.client.post(
            f"/v1/tenants/{tenant_id}/api-keys", json={"name": "old", "expires_at": past}
        ),
        201,
    )
    response = await harness.client.get("/v1/me", headers=harness.as_(created["key"]))
    assert response.status_code == 401


async def test_an_admin_cannot_hand_out_a_higher_role(harness: Harness) -> None:
    tenant_id = await tenant(harness.client)
    admin = harness.as_(await api_key(harness.client, tenant_id, "admin"))
    body = {"name": "escalate", "role": "owner"}
    response = await harness.client.post(
        f"/v1/tenants/{tenant_id}/api-keys", json=body, headers=admin
    )
    assert response.status_code == 403
    assert response.json()["error"]["details"]["reason"] == "escalation"
    body["role"] = "editor"
    await ok(
        harness.client.post(f"/v1/tenants/{tenant_id}/api-keys", json=body, headers=admin), 201
    )


async def test_only_platform_admins_create_tenants(harness: Harness) -> None:
    tenant_id = await tenant(harness.client)
    owner = harness.as_(await api_key(harness.client, tenant_id, "owner"))
    response = await harness.client.post("/v1/tenants", json={"name": "x"}, headers=owner)
    assert response.status_code == 403
    platform = await ok(harness.client.post("/v1/api-keys", json={"name": "ops"}), 201)
    await ok(
        harness.client.post(
            "/v1/tenants", json={"name": "y"}, headers=harness.as_(platform["key"])
        ),
        201,
    )


async def test_tenant_roles_read_limits_but_only_platform_admins_change_them(
    harness: Harness,
) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    raised = {"limits": {"max_concurrent_calls": 10_000, "calls_per_minute": 100_000}}
    for role in ("owner", "admin"):
        member = harness.as_(await api_key(client, tenant_id, role))
        response = await client.patch(f"/v1/tenants/{tenant_id}", json=raised, headers=member)
        assert response.status_code == 403, response.text
        assert response.json()["error"]["details"]["reason"] == "platform_only"
    owner = harness.as_(await api_key(client, tenant_id, "owner"))
    viewer = harness.as_(await api_key(client, tenant_id, "viewer"))
    current = await ok(client.get(f"/v1/tenants/{tenant_id}", headers=viewer))
    assert current["limits"]["max_concurrent_calls"] == 5
    renamed = {"name": "Renamed", "limits": current["limits"]}
    await ok(client.patch(f"/v1/tenants/{tenant_id}", json=renamed, headers=owner))
    updated = await ok(client.patch(f"/v1/tenants/{tenant_id}", json=raised))
    assert updated["limits"]["max_concurrent_calls"] == 10_000


async def test_an_admin_cannot_revoke_an_owners_key_or_change_an_owner(harness: Harness) -> None:
    client = harness.client
    tenant_id = await tenant(client)
    owner_key = await ok(
        client.post(f"/v1/tenants/{tenant_id}/api-keys", json={"name": "o", "role": "owner"}), 201
    )
    admin = harness.as_(await api_key(client, tenant_id, "admin"))
    keys = f"/v1/tenants/{tenant_id}/api-keys"
    refused = await client.delete(f"{keys}/{owner_key['id']}", headers=admin)
    assert refused.status_code == 403
    assert refused.json()["error"]["details"]["reason"] == "outranked"
    assert (await client.get("/v1/me", headers=harness.as_(owner_key["key"]))).status_code == 200
    peer = await ok(client.post(keys, json={"name": "peer", "role": "admin"}), 201)
    await ok(client.delete(f"{keys}/{peer['id']}", headers=admin), 204)

    owner = harness.as_(owner_key["key"])
    await ok(client.put(f"/v1/tenants/{tenant_id}/members/carol", json={"role": "owner"}))
    members = f"/v1/tenants/{tenant_id}/members/carol"
    assert (await client.put(members, json={"role": "viewer"}, headers=admin)).status_code == 403
    assert (await client.delete(members, headers=admin)).status_code == 403
    await ok(client.put(members, json={"role": "admin"}, headers=owner))


async def test_failed_logins_are_throttled_by_client_address(
    migrated_database: str, redis: Redis
) -> None:
    await truncate_all(migrated_database)
    settings = make_settings(migrated_database, rate_limit={"failed_logins_per_minute": 3})
    harness, lifespan = await start_harness(settings, redis)
    try:
        client = harness.client
        guesses = [
            (await client.get("/v1/me", headers=harness.as_(f"sb_guess_{i}"))).status_code
            for i in range(4)
        ]
        assert guesses == [401, 401, 401, 429]
        # Blocked: even the right credential from this address is not looked at.
        blocked = await client.get("/v1/me")
        assert blocked.status_code == 429
        assert int(blocked.headers["Retry-After"]) >= 1
        assert blocked.json()["error"]["code"] == "rate_limited"
        elsewhere = harness.app
        transport = httpx.ASGITransport(app=elsewhere, client=("198.51.100.7", 4000))
        async with httpx.AsyncClient(
            transport=transport, base_url="http://cp.test", headers=ADMIN
        ) as other:
            assert (await other.get("/v1/me")).status_code == 200
    finally:
        await harness.client.aclose()
        await lifespan.__aexit__(None, None, None)


@pytest.fixture
async def jwt_harness(migrated_database: str, redis: Redis) -> AsyncIterator[Harness]:
    await truncate_all(migrated_database)
    settings = make_settings(
        migrated_database,
        jwt={"hs256_secret": JWT_SECRET, "audience": "switchboard"},
        rate_limit={"requests_per_minute": 5},
    )
    harness, lifespan = await start_harness(settings, redis)
    yield harness
    await harness.client.aclose()
    await lifespan.__aexit__(None, None, None)


def _token(sub: str, secret: str = JWT_SECRET) -> str:
    claims = {"sub": sub, "aud": "switchboard", "exp": int(time.time()) + 60}
    return jwt.encode(claims, secret, algorithm="HS256")


async def test_jwt_subjects_map_to_memberships(jwt_harness: Harness) -> None:
    client = jwt_harness.client
    tenant_id = await tenant(client)
    await ok(client.put(f"/v1/tenants/{tenant_id}/members/alice", json={"role": "viewer"}))
    alice = jwt_harness.as_(_token("alice"))
    me = await ok(client.get("/v1/me", headers=alice))
    assert me == {
        "subject": "user:alice",
        "kind": "jwt",
        "platform_admin": False,
        "roles": {tenant_id: "viewer"},
    }
    forged = await client.get("/v1/me", headers=jwt_harness.as_(_token("alice", "wrong-secret")))
    assert forged.status_code == 401
    stranger = await ok(client.get("/v1/tenants", headers=jwt_harness.as_(_token("bob"))))
    assert stranger["items"] == []


async def test_each_credential_is_rate_limited(jwt_harness: Harness) -> None:
    client = jwt_harness.client
    bob = jwt_harness.as_(_token("bob"))
    statuses = [(await client.get("/v1/me", headers=bob)).status_code for _ in range(6)]
    assert statuses[:5] == [200] * 5
    limited = await client.get("/v1/me", headers=bob)
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) >= 1
    assert limited.json()["error"]["code"] == "rate_limited"
    carol = await client.get("/v1/me", headers=jwt_harness.as_(_token("carol")))
    assert carol.status_code == 200
