"""Bodies of the audit routes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class AuditEntryOut(BaseModel):
    id: int
    seq: int = Field(description="Position in the tenant's hash chain")
    tenant_id: str | None
    actor: str
    action: str
    target: str
    ip: str | None
    request_id: str | None
    at: datetime
    diff: dict[str, Any] = Field(description="Changed fields before/after; secrets redacted")
    hash: str
    prev_hash: str


class AuditPage(BaseModel):
    items: list[AuditEntryOut]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page")
