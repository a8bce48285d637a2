"""Where recordings are kept: the same settings shape in the runtime and the control plane."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator

from switchboard_common.recordings.directory import DirectoryRecordingStore
from switchboard_common.recordings.store import RecordingStore


class RecordingsSettings(BaseModel):
    """``<PREFIX>_RECORDINGS__BACKEND=dir|s3`` and the fields of that backend.

    The S3 endpoint is the operator's (a tenant never chooses it). Without an access key pair
    the client takes the usual AWS_* environment variables / instance credentials.
    """

    backend: Literal["dir", "s3"] = "dir"
    dir: Path | None = Field(
        default=None, description="backend=dir: the folder (empty: recordings are not kept)"
    )
    bucket: str | None = Field(default=None, description="backend=s3: the bucket")
    endpoint: str | None = Field(
        default=None,
        description="backend=s3: the S3-compatible endpoint URL (empty: AWS S3 of the region)",
    )
    region: str = "us-east-1"
    access_key_id: SecretStr | None = None
    secret_access_key: SecretStr | None = None
    timeout_s: float = Field(
        default=30.0, gt=0, description="Connect and read timeout, and the most retries may take"
    )

    @field_validator(
        "dir", "bucket", "endpoint", "access_key_id", "secret_access_key", mode="before"
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        """An empty variable (compose passes ``${VAR:-}``) means the setting is not set."""
        return None if value == "" else value

    @field_validator("endpoint")
    @classmethod
    def _http_endpoint(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("endpoint must start with https:// or http://")
        return value.rstrip("/") if value else None

    @model_validator(mode="after")
    def _complete(self) -> RecordingsSettings:
        if self.backend == "s3" and not self.bucket:
            raise ValueError("recordings backend s3 needs a bucket")
        if (self.access_key_id is None) != (self.secret_access_key is None):
            raise ValueError("set both access_key_id and secret_access_key, or neither")
        return self


def open_recording_store(settings: RecordingsSettings) -> RecordingStore | None:
    """The configured backend; None when recordings are not kept (dir backend without a dir)."""
    if settings.backend == "dir":
        return DirectoryRecordingStore(settings.dir) if settings.dir is not None else None
    from switchboard_common.recordings.s3 import S3RecordingStore  # its native client loads late

    assert settings.bucket is not None
    return S3RecordingStore(
        settings.bucket,
        endpoint=settings.endpoint,
        region=settings.region,
        access_key_id=_reveal(settings.access_key_id),
        secret_access_key=_reveal(settings.secret_access_key),
        timeout_s=settings.timeout_s,
    )


def _reveal(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None
