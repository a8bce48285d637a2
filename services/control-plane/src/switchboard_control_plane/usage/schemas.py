"""Request and response bodies of the plan and usage routes."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from switchboard_control_plane.db.base import INTEGER_MAX

Minutes = Field(ge=0, le=INTEGER_MAX)


class PlanLimits(BaseModel):
    """What a plan sets; a tenant's overrides are a partial copy of it."""

    model_config = ConfigDict(extra="forbid")

    included_minutes: int = Field(
        ge=0, le=INTEGER_MAX, description="Billable minutes a month the plan includes"
    )
    hard_cap_minutes: int | None = Field(
        default=None,
        ge=0,
        le=INTEGER_MAX,
        description="Billable minutes a month after which new calls are refused; null: no cap",
    )
    threshold_percent: int = Field(
        default=80,
        ge=1,
        le=100,
        description="usage.threshold_reached fires once a period when the minutes used reach "
        "this share of included_minutes",
    )
    max_concurrent_calls: int = Field(default=5, ge=1, le=10_000)
    calls_per_minute: int = Field(default=60, ge=1, le=100_000)


class PlanCreate(PlanLimits):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Starter",
                    "included_minutes": 500,
                    "hard_cap_minutes": 600,
                    "threshold_percent": 80,
                    "max_concurrent_calls": 5,
                    "calls_per_minute": 30,
                }
            ]
        },
    )

    name: str = Field(min_length=1, max_length=200)


class PlanOverrides(BaseModel):
    """Plan fields set for one tenant alone (a platform admin's act); absent fields follow the
    plan. ``hard_cap_minutes: null`` lifts the cap for this tenant."""

    model_config = ConfigDict(extra="forbid")

    included_minutes: int | None = Field(default=None, ge=0, le=INTEGER_MAX)
    hard_cap_minutes: int | None = Field(default=None, ge=0, le=INTEGER_MAX)
    threshold_percent: int | None = Field(default=None, ge=1, le=100)
    max_concurrent_calls: int | None = Field(default=None, ge=1, le=10_000)
    calls_per_minute: int | None = Field(default=None, ge=1, le=100_000)


class PlanUpdate(PlanOverrides):
    """Fields to change; ``hard_cap_minutes: null`` removes the cap."""

    name: str | None = Field(default=None, min_length=1, max_length=200)


class PlanOut(PlanLimits):
    id: str
    name: str
    created_at: datetime
    updated_at: datetime


class PlanList(BaseModel):
    items: list[PlanOut]


class TenantPlanSet(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"plan_id": "pln_...", "overrides": {}}]},
    )

    plan_id: str | None = Field(max_length=64, description="null: no plan (tenant limits apply)")
    overrides: PlanOverrides = PlanOverrides()

    @model_validator(mode="after")
    def _overrides_need_a_plan(self) -> TenantPlanSet:
        if self.plan_id is None and self.overrides.model_fields_set:
            raise ValueError("overrides need a plan")
        return self


class TenantPlanOut(BaseModel):
    plan_id: str | None
    overrides: PlanOverrides
    effective: PlanLimits | None = Field(description="The plan with the overrides applied")


Granularity = Literal["day", "month"]


class UsageTotals(BaseModel):
    calls: int
    billable_seconds: float
    billable_minutes: int
    stt_audio_seconds: float
    tts_characters: int
    llm_prompt_tokens: int
    llm_completion_tokens: int
    tool_calls: int


class UsagePeriod(UsageTotals):
    start: datetime = Field(description="Start of the bucket (UTC day or month)")


class UsageReport(BaseModel):
    totals: UsageTotals
    periods: list[UsagePeriod] = Field(description="Buckets with calls, oldest first")
