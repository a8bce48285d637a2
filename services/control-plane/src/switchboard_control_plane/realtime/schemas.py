"""Bodies of the realtime client-secret route."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from switchboard_common.realtime_token import DEFAULT_TTL_S, MAX_TTL_S, MIN_TTL_S


class ClientSecretCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"expires_in_s": 60}]}
    )

    expires_in_s: int = Field(
        default=DEFAULT_TTL_S,
        ge=MIN_TTL_S,
        le=MAX_TTL_S,
        description="How long the secret may open a session, in seconds",
    )


class ClientSecretOut(BaseModel):
    value: str = Field(
        description="`ek_...`: the credential of one realtime session, as a bearer token or in "
        "the WebSocket subprotocol; shown once, never stored"
    )
    expires_at: datetime = Field(description="After this instant the secret opens no session")
    agent_id: str
    agent_version: int = Field(description="The published version the session will run")
