"""Request and response bodies of the tenant routes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from switchboard_common.contract.tenant_config import Ed25519PublicKey, TenantLimits
from switchboard_control_plane.agents.schemas import SECRET_NAME_PATTERN

RetentionDays = Annotated[
    int | None,
    Field(
        ge=1,
        le=3650,
        description="Call recordings older than this many days are deleted (null: kept)",
    ),
]


class TenantCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"name": "Acme Dental", "limits": {"max_concurrent_calls": 5}}]
        },
    )

    name: str = Field(min_length=1, max_length=200)
    limits: TenantLimits = TenantLimits()
    recording_retention_days: RetentionDays = None


class TenantUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Acme"}]})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    limits: TenantLimits | None = None
    recording_retention_days: RetentionDays = None
    """Absent: unchanged; null: recordings are kept again."""


class TenantOut(BaseModel):
    id: str
    name: str
    status: Literal["active", "suspended"]
    limits: TenantLimits
    recording_retention_days: int | None = Field(
        description="Call recordings older than this many days are deleted (null: kept)"
    )
    revision: int = Field(description="Last runtime snapshot revision written to the outbox")
    created_at: datetime
    updated_at: datetime


class TenantList(BaseModel):
    items: list[TenantOut]


class TwilioTelephony(BaseModel):
    model_config = ConfigDict(extra="forbid")

    account_sid: str = Field(pattern=r"^AC[0-9a-fA-F]{32}$")
    auth_token_secret_name: str = Field(pattern=SECRET_NAME_PATTERN)


class TelnyxTelephony(BaseModel):
    model_config = ConfigDict(extra="forbid")

    public_key: Ed25519PublicKey = Field(
        description="The account's Ed25519 webhook public key (base64 of 32 bytes; not a secret)"
    )
    api_key_secret_name: str = Field(
        pattern=SECRET_NAME_PATTERN,
        description="A `carrier_credential` secret holding the account's API key",
    )


class Telephony(BaseModel):
    """The tenant's own carrier accounts; an absent one means the platform's is used."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "twilio": {
                        "account_sid": "AC" + "0" * 32,
                        "auth_token_secret_name": "twilio-auth-token",
                    },
                    "telnyx": {
                        "public_key": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                        "api_key_secret_name": "telnyx-api-key",
                    },
                }
            ]
        },
    )

    twilio: TwilioTelephony | None = None
    telnyx: TelnyxTelephony | None = None
