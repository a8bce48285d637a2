"""Settings base that every Switchboard service extends."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal, Self

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

SECRETS_DIR_ENV = "SWITCHBOARD_SECRETS_DIR"


class BaseServiceSettings(BaseSettings):
    """How a process runs: bind address, logging, tracing.

    Each service subclasses this with its own ``env_prefix`` (``STT_``, ``TTS_``...). Nested
    groups are read with ``__`` (``STT_MODEL__NAME``). Secret fields are ``SecretStr`` and may also
    come from files in a secrets directory (one file per field, as Kubernetes mounts them): point
    ``SWITCHBOARD_SECRETS_DIR`` at it.
    """

    model_config = SettingsConfigDict(
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    service_name: str = "switchboard"
    environment: str = "development"
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=1, le=65535)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_json: bool = True
    log_pii: bool = Field(
        default=False,
        description="Write caller data (numbers, transcripts) into logs; redacted when false.",
    )
    otel_exporter_otlp_endpoint: str | None = Field(
        default=None, description="OTLP/HTTP endpoint; tracing is off when unset."
    )

    @classmethod
    def from_env(cls) -> Self:
        """Builds settings from the environment and, when configured, the secrets directory."""
        secrets_dir = os.environ.get(SECRETS_DIR_ENV)
        if secrets_dir and Path(secrets_dir).is_dir():
            return cls(_secrets_dir=secrets_dir)
        return cls()
