"""Recordings as objects in an S3-compatible bucket (AWS S3, MinIO, SeaweedFS, Ceph RGW...).

The client is obstore (Rust's object_store): async without a thread pool, ranged GETs that
stream, retries with backoff built in, and one small wheel with no Python dependencies.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta

import obstore
from obstore.exceptions import BaseError
from obstore.store import S3Store

from switchboard_common.recordings.store import (
    CHUNK_BYTES,
    KEY_PREFIX,
    RecordingNotFoundError,
    RecordingStoreError,
    StoredRecording,
    check_key,
)


class S3RecordingStore:
    """Each key is an object in ``bucket``. Credentials are the operator's (settings or the
    AWS_* environment); they are never part of an error message."""

    def __init__(
        self,
        bucket: str,
        *,
        endpoint: str | None,
        region: str,
        access_key_id: str | None,
        secret_access_key: str | None,
        timeout_s: float,
        max_retries: int = 3,
    ) -> None:
        credentials: dict[str, str] = {}
        if access_key_id is not None and secret_access_key is not None:
            credentials = {"access_key_id": access_key_id, "secret_access_key": secret_access_key}
        if endpoint is not None:
            credentials["endpoint"] = endpoint
        self._store = S3Store(
            bucket,
            region=region,
            client_options={
                "allow_http": endpoint is not None and endpoint.startswith("http://"),
                "connect_timeout": timedelta(seconds=timeout_s),
                "read_timeout": timedelta(seconds=timeout_s),
            },
            retry_config={
                "max_retries": max_retries,
                "retry_timeout": timedelta(seconds=timeout_s),
            },
            **credentials,  # type: ignore[arg-type]
        )

    async def put(self, key: str, data: bytes) -> None:
        try:
            await obstore.put_async(self._store, check_key(key), data)
        except (BaseError, OSError) as error:
            raise _failed("stored", error) from None

    async def size(self, key: str) -> int:
        try:
            meta = await obstore.head_async(self._store, check_key(key))
        except FileNotFoundError:
            raise RecordingNotFoundError(key) from None
        except (BaseError, OSError) as error:
            raise _failed("readable", error) from None
        return int(meta["size"])

    async def stream(
        self, key: str, start: int = 0, end: int | None = None
    ) -> AsyncIterator[bytes]:
        if end is None:
            end = await self.size(key)
        if end <= start:
            return
        try:
            result = await obstore.get_async(
                self._store, check_key(key), options={"range": (start, end)}
            )
            async for chunk in result.stream(min_chunk_size=CHUNK_BYTES):
                yield bytes(chunk)
        except FileNotFoundError:
            raise RecordingNotFoundError(key) from None
        except (BaseError, OSError) as error:
            raise _failed("readable", error) from None

    async def delete(self, key: str) -> None:
        try:
            await obstore.delete_async(self._store, check_key(key))
        except FileNotFoundError:
            return
        except (BaseError, OSError) as error:
            raise _failed("deleted", error) from None

    async def list_older_than(
        self, before: datetime, prefix: str = KEY_PREFIX
    ) -> AsyncIterator[StoredRecording]:
        try:
            async for batch in obstore.list(self._store, prefix=prefix):
                for meta in batch:
                    if meta["last_modified"] < before:
                        yield StoredRecording(meta["path"], meta["size"], meta["last_modified"])
        except (BaseError, OSError) as error:
            raise _failed("listed", error) from None


def _failed(what: str, error: Exception) -> RecordingStoreError:
    """The error's class and first line: object_store puts the URL and status there, no secret."""
    first_line = str(error).split("\n", 1)[0][:300]
    return RecordingStoreError(f"recording not {what}: {type(error).__name__}: {first_line}")
