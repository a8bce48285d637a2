"""Bodies of the webhook endpoints API and its delivery log; secrets appear only when issued."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from switchboard_control_plane.webhooks.events import EVENT_TYPES

EventType = Literal[
    "call.started",
    "call.ended",
    "call.analyzed",
    "usage.threshold_reached",
    "usage.cap_reached",
    "webhook.endpoint_disabled",
]
WebhookUrl = Annotated[
    str,
    Field(
        pattern=r"^https?://[^\s]+$",
        max_length=2000,
        description="Where events are posted; its host must not be a loopback, private or "
        "link-local address (422 `address_not_allowed`)",
    ),
]
EventTypes = Annotated[list[EventType], Field(min_length=1, max_length=len(EVENT_TYPES))]


class WebhookEndpointCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"url": "https://example.com/hooks", "event_types": ["call.ended"]},
            ]
        },
    )

    url: WebhookUrl
    event_types: EventTypes
    enabled: bool = True
    description: str | None = Field(default=None, max_length=500)


class WebhookEndpointUpdate(BaseModel):
    """Changes what is given; enabling a disabled endpoint resets its run of failures."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"enabled": True}]})

    url: WebhookUrl | None = None
    event_types: EventTypes | None = None
    enabled: bool | None = None
    description: str | None = Field(default=None, max_length=500)


class WebhookEndpointOut(BaseModel):
    id: str
    tenant_id: str
    url: str
    description: str | None
    event_types: list[str]
    enabled: bool
    disabled_reason: str | None = Field(
        description="`consecutive_failures` when the platform disabled it"
    )
    consecutive_failures: int
    previous_secret_expires_at: datetime | None = Field(
        description="Until then deliveries are also signed with the previous secret"
    )
    created_at: datetime
    updated_at: datetime


class WebhookEndpointCreated(WebhookEndpointOut):
    secret: str = Field(description="The signing secret (`whsec_...`); shown only this once")


class SecretRotate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"overlap_s": 3600}]})

    overlap_s: int | None = Field(
        default=None,
        ge=0,
        le=7 * 24 * 3600,
        description="How long the previous secret keeps signing too; default the platform's",
    )


class SecretRotated(BaseModel):
    secret: str = Field(description="The new signing secret; shown only this once")
    previous_secret_expires_at: datetime


class WebhookEndpointPage(BaseModel):
    items: list[WebhookEndpointOut]


class AttemptOut(BaseModel):
    attempted_at: datetime
    status_code: int | None
    error: str | None
    latency_ms: float


DeliveryStatus = Literal["pending", "succeeded", "failed"]


class DeliveryOut(BaseModel):
    id: str
    event_id: str = Field(description="The `webhook-id` header: the same on every attempt")
    event_type: str
    status: DeliveryStatus
    attempts: int
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: datetime | None = Field(description="The next retry, while pending")
    created_at: datetime
    completed_at: datetime | None


class DeliveryDetail(DeliveryOut):
    body: str = Field(description="The exact JSON text posted and signed")
    attempt_log: list[AttemptOut]


class DeliveryPage(BaseModel):
    items: list[DeliveryOut]
    next_cursor: int | None = Field(description="Pass as `before` for older deliveries")
