"""Bodies of the secret routes: values go in, only names and metadata come out."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, SecretStr


class SecretWrite(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"value": "sk-live-..."}]}
    )

    value: SecretStr = Field(min_length=1, max_length=10_000, description="Write-only")


class SecretOut(BaseModel):
    name: str
    provider: str
    key_id: str | None
    updated_at: datetime | None
    updated_by: str | None


class SecretList(BaseModel):
    items: list[SecretOut]
