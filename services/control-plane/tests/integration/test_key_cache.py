"""The API-key cache: revocation is seen at once by every instance; last use still recorded."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import asyncpg  # type: ignore[import-untyped]
import pytest
from redis.asyncio import Redis

from switchboard_control_plane.access import authn
from switchboard_control_plane.access.key_cache import AUTH_EPOCH_KEY
from switchboard_control_plane.db.base import utcnow
from tests.integration.builders import ok, tenant
from tests.integration.conftest import Harness, make_settings, start_harness

pytestmark = pytest.mark.integration


@pytest.fixture
async def other(harness: Harness, redis: Redis) -> AsyncIterator[Harness]:
    """A second instance on the same database and Redis (no background workers)."""
    settings = make_settings(harness.settings.database_url, run_workers=False)
    second, lifespan = await start_harness(settings, redis)
    yield second
    await second.client.aclose()
    await lifespan.__aexit__(None, None, None)


async def _key(harness: Harness, **body: object) -> tuple[str, str, str]:
    tenant_id = await tenant(harness.client)
    payload = {"name": "ci", "role": "viewer", **body}
    created = await ok(harness.client.post(f"/v1/tenants/{tenant_id}/api-keys", json=payload), 201)
    return tenant_id, str(created["id"]), str(created["key"])


async def _sql(harness: Harness, statement: str, *args: object) -> None:
    connection = await asyncpg.connect(harness.settings.database_url.replace("+asyncpg", ""))
    try:
        await connection.execute(statement, *args)
    finally:
        await connection.close()


async def _status(harness: Harness, token: str) -> int:
    return (await harness.client.get("/v1/me", headers=harness.as_(token))).status_code


async def test_a_key_revoked_on_one_instance_is_refused_by_another(
    harness: Harness, other: Harness
) -> None:
    tenant_id, key_id, token = await _key(harness)
    assert [await _status(other, token) for _ in range(3)] == [200, 200, 200]
    await ok(harness.client.delete(f"/v1/tenants/{tenant_id}/api-keys/{key_id}"), 204)
    assert await _status(other, token) == 401
    assert await _status(harness, token) == 401


async def test_a_cached_key_is_trusted_only_under_the_same_epoch(harness: Harness) -> None:
    _, key_id, token = await _key(harness)
    assert await _status(harness, token) == 200
    # Revoked behind the API's back: the cache still vouches for it under the current epoch...
    await _sql(harness, "UPDATE api_keys SET revoked_at = now() WHERE id = $1", key_id)
    assert await _status(harness, token) == 200
    # ...until the epoch changes, which the revoke route does after its commit.
    await harness.redis.set(AUTH_EPOCH_KEY, "another")
    assert await _status(harness, token) == 401


async def test_last_use_is_still_recorded_every_minute(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant_id, _, token = await _key(harness)
    assert await _status(harness, token) == 200
    later = utcnow() + timedelta(seconds=61)
    monkeypatch.setattr(authn, "utcnow", lambda: later)
    assert await _status(harness, token) == 200
    listed = await ok(harness.client.get(f"/v1/tenants/{tenant_id}/api-keys"))
    assert datetime.fromisoformat(listed["items"][0]["last_used_at"]) == later


async def test_a_cached_key_lapses_when_it_expires(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    expires = utcnow() + timedelta(seconds=30)
    _, _, token = await _key(harness, expires_at=expires.isoformat())
    assert await _status(harness, token) == 200
    monkeypatch.setattr(authn, "utcnow", lambda: expires + timedelta(seconds=1))
    assert await _status(harness, token) == 401
