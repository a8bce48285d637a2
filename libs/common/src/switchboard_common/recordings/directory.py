"""Recordings as files under one directory (the default: a single host or a shared volume)."""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

from switchboard_common.recordings.store import (
    CHUNK_BYTES,
    KEY_PREFIX,
    RecordingNotFoundError,
    RecordingStoreError,
    StoredRecording,
    check_key,
)

_PARTIAL_SUFFIX = ".partial"


class DirectoryRecordingStore:
    """Each key is a file under ``root``; a put writes a temporary file and renames it, so a
    reader never sees half a recording."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        return self.root / check_key(key)

    async def put(self, key: str, data: bytes) -> None:
        path = self.path(key)
        try:
            await asyncio.to_thread(_write_atomically, path, data)
        except OSError as error:
            raise RecordingStoreError(f"recording not stored: {error.strerror}") from error

    async def size(self, key: str) -> int:
        path = self.path(key)
        try:
            return (await asyncio.to_thread(path.stat)).st_size
        except FileNotFoundError:
            raise RecordingNotFoundError(key) from None
        except OSError as error:
            raise RecordingStoreError(f"recording not readable: {error.strerror}") from error

    async def stream(
        self, key: str, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]:
        path = self.path(key)
        try:
            handle = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError:
            raise RecordingNotFoundError(key) from None
        try:
            await asyncio.to_thread(handle.seek, start)
            remaining = None if end is None else max(0, end - start)
            while remaining is None or remaining > 0:
                size = CHUNK_BYTES if remaining is None else min(CHUNK_BYTES, remaining)
                chunk = await asyncio.to_thread(handle.read, size)
                if not chunk:
                    return
                if remaining is not None:
                    remaining -= len(chunk)
                yield chunk
        finally:
            handle.close()  # not awaited: a cancelled or abandoned stream still closes it

    async def delete(self, key: str) -> None:
        path = self.path(key)
        try:
            await asyncio.to_thread(path.unlink, missing_ok=True)
        except OSError as error:
            raise RecordingStoreError(f"recording not deleted: {error.strerror}") from error

    async def list_older_than(
        self, before: datetime, prefix: str = KEY_PREFIX
    ) -> AsyncIterator[StoredRecording]:
        for stored in await asyncio.to_thread(self._older_than, before, prefix):
            yield stored

    def _older_than(self, before: datetime, prefix: str) -> list[StoredRecording]:
        found: list[StoredRecording] = []
        cutoff_s = before.timestamp()
        for folder, _dirs, files in os.walk(self.root / prefix.rpartition("/")[0]):
            for name in files:
                if name.endswith(_PARTIAL_SUFFIX):
                    continue
                path = Path(folder) / name
                key = path.relative_to(self.root).as_posix()
                if not key.startswith(prefix):
                    continue
                try:
                    stat = path.stat()
                except FileNotFoundError:
                    continue
                if stat.st_mtime < cutoff_s:
                    modified = datetime.fromtimestamp(stat.st_mtime, UTC)
                    found.append(StoredRecording(key, stat.st_size, modified))
        return sorted(found, key=lambda stored: stored.key)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        dir=path.parent, prefix=f".{path.name}.", suffix=_PARTIAL_SUFFIX, delete=False
    ) as partial:
        partial.write(data)
    try:
        os.replace(partial.name, path)
    except OSError:
        Path(partial.name).unlink(missing_ok=True)
        raise
