"""Bodies of the call and analytics routes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from switchboard_common.contract import ToolCallReport
from switchboard_control_plane.analysis.schemas import CallAnalysis

Outcome = Literal["in_progress", "answered", "missed", "transferred", "failed"]
AnalysisStatus = Literal["pending", "running", "done", "failed", "skipped"]


class CallSummary(BaseModel):
    id: str
    agent_id: str | None
    agent_version: int | None
    number_id: str | None
    carrier: str | None
    carrier_call_id: str | None = Field(description="The carrier's id of the call (Twilio CallSid)")
    from_number: str | None
    to_number: str | None
    started_at: datetime
    ended_at: datetime | None
    duration_s: float | None
    end_reason: str | None
    outcome: Outcome
    turns: int


class CallPage(BaseModel):
    items: list[CallSummary]
    next_cursor: str | None


class TurnOut(BaseModel):
    turn_index: int
    occurred_at: datetime
    caller_text: str
    agent_text: str
    interrupted: bool
    brain: str
    stages: dict[str, Any] = Field(description="Milliseconds since call start of each stage")
    voice_to_voice_ms: float | None
    tool_calls: list[ToolCallReport] = Field(
        default_factory=list,
        description="HTTP tool calls of the answer: name, ok, status_code, duration_ms (no "
        "arguments or answers)",
    )


class CallDetail(CallSummary):
    transcript: list[dict[str, Any]]
    recording_ref: str | None
    recording_deleted_at: datetime | None = Field(
        description="When the tenant's recording retention deleted the recording (then GET "
        ".../recording answers 404 recording_not_found, details.reason deleted)"
    )
    transferred_to: str | None
    turn_details: list[TurnOut]
    analysis: CallAnalysis | None = Field(
        default=None, description="The post-call analysis, once done (`source`: llm or builtin)"
    )
    analysis_status: AnalysisStatus | None = Field(
        default=None, description="Unset while the call is in progress"
    )
    analysis_attempts: int = 0
    analysis_error: str | None = Field(
        default=None, description="Why the last try failed (retried up to the platform's limit)"
    )


class AnalyticsDay(BaseModel):
    day: date
    calls: int
    minutes: float
    answered: int
    missed: int
    latency_p50_ms: float | None = Field(description="Voice-to-voice latency, median")
    latency_p95_ms: float | None


class AnalyticsSummary(BaseModel):
    calls: int
    minutes: float
    answered: int = Field(description="Answered or transferred")
    missed: int
    latency_p50_ms: float | None = Field(description="Voice-to-voice latency, median")
    latency_p95_ms: float | None


class Analytics(BaseModel):
    days: list[AnalyticsDay]
