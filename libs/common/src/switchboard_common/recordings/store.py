"""The port every recording backend implements, and the one key layout they share."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

KEY_PREFIX = "tenants/"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)*$")
CHUNK_BYTES = 64 * 1024
"""What one read hands to the stream (a WAV of a 10-minute call is about 19 MB)."""


class RecordingStoreError(Exception):
    """The backend failed (unreachable, refused, full); the message names no credential."""


class RecordingNotFoundError(RecordingStoreError):
    """No recording under that key."""

    def __init__(self, key: str) -> None:
        super().__init__(f"no recording at {key}")
        self.key = key


@dataclass(frozen=True, slots=True)
class StoredRecording:
    key: str
    size_bytes: int
    modified_at: datetime


def recording_key(tenant_id: str, call_id: str) -> str:
    """``tenants/<tenant_id>/calls/<call_id>.wav``; refuses ids that could leave the prefix."""
    for name, value in (("tenant_id", tenant_id), ("call_id", call_id)):
        if not _ID.fullmatch(value) or ".." in value:
            raise ValueError(f"{name} is not usable in a recording key: {value!r}")
    return f"{KEY_PREFIX}{tenant_id}/calls/{call_id}.wav"


def check_key(key: str) -> str:
    """A key is relative, slash-separated, and has no empty, dot or dot-dot segment."""
    if not _KEY.fullmatch(key) or ".." in key:
        raise ValueError(f"not a recording key: {key!r}")
    return key


class RecordingStore(Protocol):
    """Where finished recordings live; keys come from :func:`recording_key`.

    ``stream`` yields bytes ``start`` (inclusive) to ``end`` (exclusive; None: to the end), at
    most :data:`CHUNK_BYTES` at a time. ``size`` and ``stream`` raise RecordingNotFoundError for
    a missing key; ``delete`` of a missing key does nothing.
    """

    async def put(self, key: str, data: bytes) -> None: ...

    async def size(self, key: str) -> int: ...

    def stream(self, key: str, start: int = 0, end: int | None = None) -> AsyncIterator[bytes]: ...

    async def delete(self, key: str) -> None: ...

    def list_older_than(
        self, before: datetime, prefix: str = KEY_PREFIX
    ) -> AsyncIterator[StoredRecording]: ...
