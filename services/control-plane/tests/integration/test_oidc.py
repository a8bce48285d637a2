"""OIDC bearer tokens verified against a JWKS document served by a real local HTTP server."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import pytest
from redis.asyncio import Redis

from tests.integration.builders import ok, tenant
from tests.integration.conftest import Harness, make_settings, start_harness, truncate_all
from tests.integration.oidc_provider import (
    AUDIENCE,
    ISSUER,
    JwksServer,
    claims,
    ec_key,
    hs256_with_public_key,
    rsa_key,
    sign,
    unsigned,
)

pytestmark = pytest.mark.integration

HarnessFactory = Callable[..., Awaitable[Harness]]


@pytest.fixture
def provider() -> Iterator[JwksServer]:
    server = JwksServer([rsa_key("rsa-2024"), ec_key("ec-2024")])
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def oidc_harness(
    migrated_database: str, redis: Redis, provider: JwksServer
) -> AsyncIterator[HarnessFactory]:
    """Builds the app with its JWT settings pointed at ``provider``; overrides per test."""
    await truncate_all(migrated_database)
    started: list[tuple[Harness, Any]] = []

    async def build(**jwt_overrides: Any) -> Harness:
        jwt = {"jwks_url": provider.url, "issuer": ISSUER, "audience": AUDIENCE}
        jwt |= {"jwks_refetch_cooldown_s": 0} | jwt_overrides
        harness, lifespan = await start_harness(make_settings(migrated_database, jwt=jwt), redis)
        started.append((harness, lifespan))
        return harness

    yield build
    for harness, lifespan in started:
        await harness.client.aclose()
        await lifespan.__aexit__(None, None, None)


async def test_rs256_and_es256_tokens_of_a_member_get_its_roles(
    oidc_harness: HarnessFactory, provider: JwksServer
) -> None:
    h = await oidc_harness()
    tenant_id = await tenant(h.client)
    await ok(h.client.put(f"/v1/tenants/{tenant_id}/members/alice", json={"role": "viewer"}))
    rsa, ec = provider.keys
    for key in (rsa, ec):
        me = await ok(h.client.get("/v1/me", headers=h.as_(sign(key, claims("alice")))))
        assert me["subject"] == "user:alice"
        assert me["roles"] == {tenant_id: "viewer"}
    read = h.client.get(f"/v1/tenants/{tenant_id}", headers=h.as_(sign(rsa, claims("alice"))))
    assert (await ok(read))["id"] == tenant_id
    assert provider.fetches == 1


async def test_a_rotated_key_is_fetched_when_a_token_first_names_it(
    oidc_harness: HarnessFactory, provider: JwksServer
) -> None:
    h = await oidc_harness()
    old = provider.keys[0]
    await ok(h.client.get("/v1/me", headers=h.as_(sign(old, claims()))))
    new = rsa_key("rsa-2025")
    provider.publish(new)

    await ok(h.client.get("/v1/me", headers=h.as_(sign(new, claims()))))
    assert provider.fetches == 2
    await ok(h.client.get("/v1/me", headers=h.as_(sign(new, claims()))))
    assert provider.fetches == 2


async def test_tokens_that_fail_verification_get_401(
    oidc_harness: HarnessFactory, provider: JwksServer
) -> None:
    h = await oidc_harness()
    known = provider.keys[0]
    rogue = rsa_key("rogue")
    past = int(time.time()) - 600
    forgeries = {
        "key not in the JWKS": sign(rogue, claims()),
        "rogue key under a known kid": sign(rogue, claims(), kid=known.kid),
        "expired": sign(known, claims(iat=past - 300, exp=past)),
        "no expiry": sign(known, claims(exp=None)),
        "wrong issuer": sign(known, claims(iss="https://evil.test/")),
        "wrong audience": sign(known, claims(aud="someone-else")),
        "alg none": unsigned(claims(), kid=known.kid),
        "HS256 keyed with the public key": hs256_with_public_key(known, claims()),
        "not a JWT": "not.a.jwt",
    }
    for case, token in forgeries.items():
        response = await h.client.get("/v1/me", headers=h.as_(token))
        assert response.status_code == 401, case
        assert response.json()["error"]["code"] == "unauthorized", case
        assert response.headers["WWW-Authenticate"] == "Bearer", case
    await ok(h.client.get("/v1/me", headers=h.as_(sign(known, claims()))))


async def test_unknown_kids_refetch_the_jwks_at_most_once_per_cooldown(
    oidc_harness: HarnessFactory, provider: JwksServer
) -> None:
    h = await oidc_harness(jwks_refetch_cooldown_s=3600)
    await ok(h.client.get("/v1/me", headers=h.as_(sign(provider.keys[0], claims()))))
    for n in range(5):
        token = sign(rsa_key(f"unknown-{n}"), claims())
        assert (await h.client.get("/v1/me", headers=h.as_(token))).status_code == 401
    assert provider.fetches == 1


async def test_an_unreachable_provider_gives_503_while_other_credentials_work(
    oidc_harness: HarnessFactory, provider: JwksServer
) -> None:
    h = await oidc_harness()
    token = sign(provider.keys[0], claims())
    provider.stop()
    response = await h.client.get("/v1/me", headers=h.as_(token))
    assert response.status_code == 503, response.text
    assert response.json()["error"]["code"] == "identity_provider_unavailable"
    assert (await h.client.get("/v1/me")).status_code == 200


@pytest.mark.parametrize("stale_if_error_s", [60.0, 0.0])
async def test_known_keys_keep_working_through_a_provider_outage_for_the_stale_window(
    oidc_harness: HarnessFactory, provider: JwksServer, stale_if_error_s: float
) -> None:
    h = await oidc_harness(jwks_cache_s=1, jwks_stale_if_error_s=stale_if_error_s)
    known = sign(provider.keys[0], claims())
    await ok(h.client.get("/v1/me", headers=h.as_(known)))
    provider.stop()
    await asyncio.sleep(1.2)  # the cached key set expires: the next lookup must refetch

    response = await h.client.get("/v1/me", headers=h.as_(known))
    assert response.status_code == (200 if stale_if_error_s else 503), response.text
    unseen = await h.client.get("/v1/me", headers=h.as_(sign(rsa_key("rsa-2025"), claims())))
    assert unseen.status_code == 503, "a key never fetched cannot be trusted from memory"


async def test_a_hung_provider_blocks_neither_the_loop_nor_other_credentials(
    oidc_harness: HarnessFactory, provider: JwksServer
) -> None:
    h = await oidc_harness(jwks_timeout_s=2.0)
    token = sign(provider.keys[0], claims())
    provider.hold.clear()
    pending = asyncio.create_task(h.client.get("/v1/me", headers=h.as_(token)))
    try:
        await asyncio.to_thread(provider.requested.wait, 10)
        assert (await h.client.get("/v1/me")).status_code == 200
        assert not pending.done()
        response = await pending
    finally:
        provider.hold.set()
        await asyncio.gather(pending, return_exceptions=True)
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "identity_provider_unavailable"
    await ok(h.client.get("/v1/me", headers=h.as_(token)))
