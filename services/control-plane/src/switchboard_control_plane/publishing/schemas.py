"""Bodies of the runtime routes."""

from __future__ import annotations

from pydantic import BaseModel, Field

from switchboard_control_plane.publishing.problems import RuntimeProblem


class RuntimeState(BaseModel):
    tenant_id: str
    revision: int = Field(description="Latest revision written to the outbox")
    published_revision: int | None = Field(description="Latest revision written to Redis")
    pending: int = Field(description="Outbox rows not yet published")
    redis_revision: int | None = Field(description="Revision of the snapshot Redis holds")
    in_sync: bool
    drift: list[str] = Field(description="What differs between Postgres and Redis")
    problems: list[RuntimeProblem] = Field(
        default_factory=list,
        description="What live calls would trip on (a referenced secret missing or of the "
        "wrong kind, an unusable model or address); empty when all is well",
    )


class PublishQueued(BaseModel):
    tenant_id: str
    revision: int
