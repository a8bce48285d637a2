"""Usage metering: what one call consumed, the billing rule, and the live minute counter layout.

The billing rule lives here, once: the control plane meters every ``call.ended`` with it, and the
Kafka sink publishes the same ``UsageRecord`` on ``switchboard.usage``, whatever sink is on.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from switchboard_common.contract.keys import PREFIX, SCHEMA_VERSION
from switchboard_common.contract.tenant_config import ContractModel

_MS_PER_MINUTE = 60_000


class CallUsage(ContractModel):
    """What a call consumed besides its time, counted by the runtime (all zero for old events)."""

    stt_audio_seconds: float = Field(default=0.0, ge=0, description="Caller audio sent to STT")
    tts_characters: int = Field(default=0, ge=0, description="Characters synthesized")
    llm_prompt_tokens: int = Field(default=0, ge=0, description="From litellm's usage")
    llm_completion_tokens: int = Field(default=0, ge=0, description="From litellm's usage")
    tool_calls: int = Field(default=0, ge=0, description="Tool calls the agent made")


def billable_minutes(billable_seconds: float) -> int:
    """Started minutes: 0 s -> 0, 0.001-60 s -> 1, 60.001 s -> 2 (counted in whole ms, so float
    noise in a duration never adds a minute)."""
    milliseconds = round(billable_seconds * 1000)
    return -(-milliseconds // _MS_PER_MINUTE) if milliseconds > 0 else 0


def usage_period(at: datetime) -> str:
    """The billing period (UTC calendar month, ``YYYY-MM``) of a call answered at ``at``."""
    return f"{at.year:04d}-{at.month:02d}"


class UsageRecord(ContractModel):
    """One ended call's billable usage: a metered row in the control plane, and the message on
    ``switchboard.usage``. ``billable_seconds`` runs from answer to end (the call's duration)."""

    schema_version: Literal[1] = SCHEMA_VERSION
    event_id: str
    tenant_id: str
    call_id: str
    occurred_at: datetime
    started_at: datetime
    period: str
    duration_s: float
    billable_seconds: float
    billable_minutes: int
    stt_audio_seconds: float = 0.0
    tts_characters: int = 0
    llm_prompt_tokens: int = 0
    llm_completion_tokens: int = 0
    tool_calls: int = 0
    turns: int
    reason: str

    @classmethod
    def of(
        cls,
        *,
        event_id: str,
        tenant_id: str,
        call_id: str,
        occurred_at: datetime,
        started_at: datetime,
        duration_s: float,
        turns: int,
        reason: str,
        usage: CallUsage,
    ) -> UsageRecord:
        """Applies the billing rule: a call refused before it was answered bills nothing."""
        billable_s = 0.0 if reason == "rejected" else round(duration_s, 3)
        return cls(
            event_id=f"{event_id}:usage",
            tenant_id=tenant_id,
            call_id=call_id,
            occurred_at=occurred_at,
            started_at=started_at,
            period=usage_period(started_at),
            duration_s=duration_s,
            billable_seconds=billable_s,
            billable_minutes=billable_minutes(billable_s),
            turns=turns,
            reason=reason,
            **usage.model_dump(),
        )


def usage_counter_key(tenant_id: str, period: str) -> str:
    """Hash of a tenant's billable minutes in one period, the live counter the plan cap is
    enforced against. Fields:

    - ``base``: minutes metered in Postgres (written by the control plane, only ever raised);
      absent while the control plane has not written the period since Redis started.
    - ``c:{call_id}``: minutes of a call that ended but is not metered yet (written by the runtime
      as it frees the call's lease; removed by the control plane once the call is in ``base``).

    Calls in progress hold one minute each through their lease in ``tenant_capacity_key``.
    """
    if not tenant_id or ":" in tenant_id:
        raise ValueError(f"invalid tenant id: {tenant_id!r}")
    if len(period) != 7 or period[4] != "-" or not (period[:4] + period[5:]).isdigit():
        raise ValueError(f"invalid period: {period!r}")
    return f"{PREFIX}usage:{tenant_id}:{period}"


USAGE_BASE_FIELD = "base"
USAGE_CALL_FIELD_PREFIX = "c:"
USAGE_COUNTER_TTL_S = 40 * 24 * 3600
"""A period's counter outlives its month; every write renews it."""
