"""Request and response bodies of the number routes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from switchboard_control_plane.numbers.e164 import normalize_e164

PhoneNumberText = Annotated[str, Field(max_length=32), AfterValidator(normalize_e164)]
CarrierName = Literal["twilio", "telnyx"]


class NumberCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"e164": "+14155550100", "carrier": "twilio", "agent_id": "agt_..."}]
        },
    )

    e164: PhoneNumberText = Field(description="E.164 number; normalized (spaces, dashes...)")
    carrier: CarrierName = "twilio"
    agent_id: str | None = Field(default=None, max_length=64)
    label: str = Field(default="", max_length=200)


class NumberUpdate(BaseModel):
    """Fields to change; ``agent_id: null`` unassigns the number (it stops taking calls)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"agent_id": "agt_...", "label": "Main"}]}
    )

    carrier: CarrierName | None = None
    agent_id: str | None = Field(default=None, max_length=64)
    label: str | None = Field(default=None, max_length=200)


class NumberOut(BaseModel):
    id: str
    tenant_id: str
    e164: str
    carrier: CarrierName
    agent_id: str | None
    label: str
    created_at: datetime
    updated_at: datetime


class NumberList(BaseModel):
    items: list[NumberOut]
