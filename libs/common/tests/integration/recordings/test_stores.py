"""The contract both recording backends keep (a directory and a real S3-compatible server)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from switchboard_common.recordings import (
    RecordingNotFoundError,
    RecordingStore,
    StoredRecording,
    recording_key,
)
from switchboard_common.recordings.store import CHUNK_BYTES

pytestmark = pytest.mark.integration


def _tenant() -> str:
    return f"tnt_{uuid.uuid4().hex[:12]}"


async def _read(store: RecordingStore, key: str, start: int = 0, end: int | None = None) -> bytes:
    return b"".join([chunk async for chunk in store.stream(key, start, end)])


async def _older_than(
    store: RecordingStore, before: datetime, prefix: str
) -> list[StoredRecording]:
    return [stored async for stored in store.list_older_than(before, prefix)]


async def test_a_put_recording_reads_back_whole_and_by_byte_range(store: RecordingStore) -> None:
    key = recording_key(_tenant(), "call_1")
    await store.put(key, b"0123456789")

    assert await store.size(key) == 10
    assert await _read(store, key) == b"0123456789"
    assert await _read(store, key, 2, 5) == b"234"
    assert await _read(store, key, 7) == b"789"
    assert await _read(store, key, 9, 10) == b"9"


async def test_a_large_recording_streams_in_bounded_chunks(store: RecordingStore) -> None:
    key = recording_key(_tenant(), "call_big")
    data = bytes(range(256)) * (3 * CHUNK_BYTES // 256 + 7)
    await store.put(key, data)

    chunks = [chunk async for chunk in store.stream(key)]
    assert b"".join(chunks) == data
    assert max(len(chunk) for chunk in chunks) <= CHUNK_BYTES * 2
    middle = (CHUNK_BYTES - 10, 2 * CHUNK_BYTES + 10)
    assert await _read(store, key, *middle) == data[middle[0] : middle[1]]


async def test_a_second_put_replaces_the_recording(store: RecordingStore) -> None:
    key = recording_key(_tenant(), "call_1")
    await store.put(key, b"first version")
    await store.put(key, b"second")

    assert await store.size(key) == 6
    assert await _read(store, key) == b"second"


async def test_a_missing_recording_is_not_found(store: RecordingStore) -> None:
    key = recording_key(_tenant(), "call_none")

    with pytest.raises(RecordingNotFoundError):
        await store.size(key)
    with pytest.raises(RecordingNotFoundError):
        await _read(store, key, 0, 4)


async def test_a_deleted_recording_is_gone_and_deleting_again_is_harmless(
    store: RecordingStore,
) -> None:
    key = recording_key(_tenant(), "call_1")
    await store.put(key, b"audio")

    await store.delete(key)
    await store.delete(key)

    with pytest.raises(RecordingNotFoundError):
        await store.size(key)


async def test_list_older_than_finds_recordings_before_the_cutoff_under_the_prefix(
    store: RecordingStore,
) -> None:
    tenant, other = _tenant(), _tenant()
    await store.put(recording_key(tenant, "call_a"), b"aaaa")
    await store.put(recording_key(tenant, "call_b"), b"bb")
    await store.put(recording_key(other, "call_c"), b"c")
    later = datetime.now(UTC) + timedelta(minutes=5)
    earlier = datetime.now(UTC) - timedelta(minutes=5)

    found = await _older_than(store, later, f"tenants/{tenant}/")

    assert [(s.key, s.size_bytes) for s in found] == [
        (recording_key(tenant, "call_a"), 4),
        (recording_key(tenant, "call_b"), 2),
    ]
    assert all(earlier < s.modified_at < later for s in found)
    assert await _older_than(store, earlier, f"tenants/{tenant}/") == []


@pytest.mark.parametrize("key", ["../escape.wav", "/abs.wav", "a//b.wav", "tenants/./x.wav"])
async def test_keys_that_could_leave_the_store_are_refused(store: RecordingStore, key: str) -> None:
    with pytest.raises(ValueError, match="not a recording key"):
        await store.put(key, b"x")
