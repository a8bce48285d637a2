"""Bodies of the secret routes: values go in, only names and metadata come out."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

from switchboard_common.contract.secret_use import SecretKind

HOST_PATTERN = r"^(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$|^[0-9a-f:.]+$"  # noqa: E501

KIND_DESCRIPTION = (
    "What the secret is for, fixed at creation (required then; on a replace it may be omitted "
    "and must otherwise match). `llm_api_key`: an LLM provider key, usable only as an agent's "
    "`llm.api_key_secret_name`. `carrier_credential`: a carrier account token (the tenant's "
    "telephony config). `tool_credential`: a credential for the tenant's own HTTP tools. "
    "`webhook_secret`: a signing key that is never sent anywhere."
)
ALLOWED_HOST_DESCRIPTION = (
    "Only for `llm_api_key`, fixed at creation: the host of the `api_base` this key may be sent "
    "to. Unset: the key goes only to its provider's own endpoint (agents without `api_base`)."
)


class SecretWrite(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"value": "sk-live-...", "kind": "llm_api_key"}]},
    )

    value: SecretStr = Field(min_length=1, max_length=10_000, description="Write-only")
    kind: SecretKind | None = Field(default=None, description=KIND_DESCRIPTION)
    allowed_host: str | None = Field(
        default=None, max_length=253, pattern=HOST_PATTERN, description=ALLOWED_HOST_DESCRIPTION
    )

    @model_validator(mode="after")
    def _host_only_for_llm_keys(self) -> SecretWrite:
        if self.allowed_host is not None and self.kind != "llm_api_key":
            raise ValueError("allowed_host is only for secrets of kind llm_api_key")
        return self


class SecretOut(BaseModel):
    name: str
    provider: str
    kind: SecretKind = Field(description=KIND_DESCRIPTION)
    allowed_host: str | None = Field(description=ALLOWED_HOST_DESCRIPTION)
    key_id: str | None
    updated_at: datetime | None
    updated_by: str | None


class SecretList(BaseModel):
    items: list[SecretOut]
