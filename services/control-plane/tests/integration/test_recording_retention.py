"""A tenant's recording retention: set on the tenant API, applied by the retention worker."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from redis.asyncio import Redis

from switchboard_common.recordings import RecordingNotFoundError, recording_key
from switchboard_control_plane.recordings.retention import RecordingRetention
from tests.integration.builders import ok, tenant
from tests.integration.conftest import Harness
from tests.integration.recording_builders import (
    WAV,
    add_call,
    harness_with,
    recording_url,
    store_of,
)

pytestmark = pytest.mark.integration
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
async def recorded(migrated_database: str, redis: Redis, tmp_path: Path) -> AsyncIterator[Harness]:
    async for h in harness_with(migrated_database, redis, recordings={"dir": tmp_path}):
        yield h


def retention(harness: Harness) -> RecordingRetention:
    resources = harness.app.state.resources
    return RecordingRetention(
        resources.sessions, resources.recordings, interval_s=60, batch=2, clock=lambda: NOW
    )


async def test_the_retention_is_a_validated_tenant_setting(recorded: Harness) -> None:
    client = recorded.client
    created = await ok(
        client.post("/v1/tenants", json={"name": "Kept", "recording_retention_days": 90}), 201
    )
    assert created["recording_retention_days"] == 90
    tenant_id = created["id"]

    for bad in (0, -1, 3651, "soon"):
        refused = await client.patch(
            f"/v1/tenants/{tenant_id}", json={"recording_retention_days": bad}
        )
        assert refused.status_code == 422, bad
        assert refused.json()["error"]["code"] == "validation_error"

    renamed = await ok(client.patch(f"/v1/tenants/{tenant_id}", json={"name": "Renamed"}))
    assert renamed["recording_retention_days"] == 90
    cleared = await ok(
        client.patch(f"/v1/tenants/{tenant_id}", json={"recording_retention_days": None})
    )
    assert cleared["recording_retention_days"] is None
    fresh = await ok(client.post("/v1/tenants", json={"name": "Default"}), 201)
    assert fresh["recording_retention_days"] is None


async def test_expired_recordings_are_deleted_and_the_api_says_by_retention(
    recorded: Harness,
) -> None:
    client = recorded.client
    tenant_id = await tenant(client)
    await ok(client.patch(f"/v1/tenants/{tenant_id}", json={"recording_retention_days": 30}))
    keeper = await tenant(client, "Keeps everything")
    for index in range(3):
        await add_call(recorded, tenant_id, f"old-{index}", started_at=NOW - timedelta(days=31))
    await add_call(recorded, tenant_id, "recent", started_at=NOW - timedelta(days=29))
    await add_call(recorded, keeper, "ancient", started_at=NOW - timedelta(days=400))

    assert await retention(recorded).sweep_once() == 3
    assert await retention(recorded).sweep_once() == 0

    store = store_of(recorded)
    for index in range(3):
        with pytest.raises(RecordingNotFoundError):
            await store.size(recording_key(tenant_id, f"old-{index}"))
    gone = await client.get(recording_url(tenant_id, "old-0"))
    assert gone.status_code == 404
    assert gone.json()["error"]["code"] == "recording_not_found"
    assert gone.json()["error"]["details"]["reason"] == "deleted"
    detail = await ok(client.get(f"/v1/tenants/{tenant_id}/calls/old-0"))
    assert datetime.fromisoformat(detail["recording_deleted_at"]) == NOW
    for tenant_id_, call_id in ((tenant_id, "recent"), (keeper, "ancient")):
        kept = await client.get(recording_url(tenant_id_, call_id))
        assert kept.status_code == 200 and kept.content == WAV
        detail = await ok(client.get(f"/v1/tenants/{tenant_id_}/calls/{call_id}"))
        assert detail["recording_deleted_at"] is None


async def test_a_call_whose_file_is_already_gone_is_still_marked(recorded: Harness) -> None:
    tenant_id = await tenant(recorded.client)
    await ok(
        recorded.client.patch(f"/v1/tenants/{tenant_id}", json={"recording_retention_days": 1})
    )
    await add_call(recorded, tenant_id, "no-file", wav=None, started_at=NOW - timedelta(days=2))

    assert await retention(recorded).sweep_once() == 1

    gone = await recorded.client.get(recording_url(tenant_id, "no-file"))
    assert gone.json()["error"]["details"]["reason"] == "deleted"
