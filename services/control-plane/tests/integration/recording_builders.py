"""Calls with recordings in the store, for the recording route and retention tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import numpy as np
from redis.asyncio import Redis

from switchboard_common.audio import wav_bytes
from switchboard_common.recordings import RecordingStore, recording_key
from switchboard_control_plane.calls.models import Call
from switchboard_control_plane.db.scope import scope_session
from tests.integration.conftest import Harness, make_settings, start_harness, truncate_all

STARTED = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def stereo_wav(seconds: float = 0.5) -> bytes:
    frames = int(8000 * seconds)
    caller = np.linspace(-8000, 8000, frames).astype(np.int16)
    agent = (-caller).astype(np.int16)
    return wav_bytes(np.stack([caller, agent], axis=1).reshape(-1), 8000, channels=2)


WAV = stereo_wav()


async def harness_with(
    migrated_database: str, redis: Redis, **settings: object
) -> AsyncIterator[Harness]:
    await truncate_all(migrated_database)
    h, lifespan = await start_harness(make_settings(migrated_database, **settings), redis)
    yield h
    await h.client.aclose()
    await lifespan.__aexit__(None, None, None)


def store_of(harness: Harness) -> RecordingStore:
    store = harness.app.state.resources.recordings
    assert store is not None
    return store  # type: ignore[no-any-return]


async def add_call(
    harness: Harness,
    tenant_id: str,
    call_id: str,
    *,
    wav: bytes | None = WAV,
    recorded: bool = True,
    started_at: datetime = STARTED,
) -> None:
    """A finished call row; with ``wav`` its recording is in the store under the call's key."""
    key = recording_key(tenant_id, call_id)
    async with harness.app.state.resources.sessions() as session:
        scope_session(session, tenant_id)
        session.add(
            Call(
                id=call_id,
                tenant_id=tenant_id,
                started_at=started_at,
                ended_at=started_at + timedelta(seconds=30),
                outcome="answered",
                recording_ref=key if recorded else None,
            )
        )
        await session.commit()
    if wav is not None:
        await store_of(harness).put(key, wav)


def recording_url(tenant_id: str, call_id: str) -> str:
    return f"/v1/tenants/{tenant_id}/calls/{call_id}/recording"
