"""Call events the runtime emits on ``sb:v1:events`` and the control plane stores."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter

from switchboard_common.contract.keys import SCHEMA_VERSION
from switchboard_common.contract.tenant_config import ContractModel
from switchboard_common.contract.usage import CallUsage, UsageRecord

CallOrigin = Literal["twilio", "telnyx", "realtime"]
"""Where a call came from: a carrier, or a realtime (WebSocket) session with no phone line."""

EndReason = Literal[
    "caller_hangup",
    "agent_hangup",
    "transferred",
    "idle_timeout",
    "max_duration",
    "error",
    "rejected",
    "drained",
]


class _CallEventBase(ContractModel):
    schema_version: Literal[1] = SCHEMA_VERSION
    event_id: str = Field(min_length=1, description="Unique per event; consumers dedupe on it")
    tenant_id: str
    call_id: str
    occurred_at: datetime


class CallStarted(_CallEventBase):
    type: Literal["call.started"] = "call.started"
    agent_id: str
    agent_version: int
    number_id: str
    carrier: CallOrigin
    carrier_call_id: str
    from_number: str
    to_number: str


class TurnStages(ContractModel):
    """Milliseconds since the call started at which each stage of a turn happened (None: skipped).

    ``caller_stopped_ms`` is the end of the caller's last voiced frame; voice-to-voice latency is
    ``first_frame_out_ms - caller_stopped_ms``.
    """

    caller_stopped_ms: float | None = None
    end_of_turn_ms: float | None = None
    transcript_final_ms: float | None = None
    llm_first_token_ms: float | None = None
    tts_first_audio_ms: float | None = None
    first_frame_out_ms: float | None = None

    @property
    def voice_to_voice_ms(self) -> float | None:
        if self.caller_stopped_ms is None or self.first_frame_out_ms is None:
            return None
        return self.first_frame_out_ms - self.caller_stopped_ms


class ToolCallReport(ContractModel):
    """One HTTP tool call made while answering a turn: which tool, whether it worked, how long it
    took. Never its arguments or its answer (they may carry the caller's or the tenant's data)."""

    name: str
    ok: bool
    status_code: int | None = Field(default=None, description="HTTP status, if one came back")
    duration_ms: float = Field(ge=0)


class CallTurn(_CallEventBase):
    type: Literal["call.turn"] = "call.turn"
    turn_index: int = Field(ge=0)
    caller_text: str
    agent_text: str
    interrupted: bool = False
    brain: Literal["quick_reply", "llm", "builtin", "system"] = "builtin"
    stages: TurnStages = TurnStages()
    tool_calls: tuple[ToolCallReport, ...] = ()
    """The HTTP tool calls made for this answer, in the order they were asked for."""


class TranscriptEntry(ContractModel):
    role: Literal["agent", "caller", "system"]
    text: str
    at_ms: float = Field(ge=0)
    interrupted: bool = False


class CallEnded(_CallEventBase):
    type: Literal["call.ended"] = "call.ended"
    reason: EndReason
    started_at: datetime
    duration_s: float = Field(ge=0)
    turns: int = Field(ge=0)
    transcript: tuple[TranscriptEntry, ...] = ()
    recording_ref: str | None = None
    transferred_to: str | None = None
    carrier_status: str | None = None
    usage: CallUsage = CallUsage()

    def usage_record(self) -> UsageRecord:
        """The call's billable usage under the one billing rule (``contract/usage.py``)."""
        return UsageRecord.of(
            event_id=self.event_id,
            tenant_id=self.tenant_id,
            call_id=self.call_id,
            occurred_at=self.occurred_at,
            started_at=self.started_at,
            duration_s=self.duration_s,
            turns=self.turns,
            reason=self.reason,
            usage=self.usage,
        )


CallEvent = Annotated[CallStarted | CallTurn | CallEnded, Field(discriminator="type")]

_CALL_EVENT_ADAPTER: TypeAdapter[CallStarted | CallTurn | CallEnded] = TypeAdapter(CallEvent)


def parse_call_event(data: str | bytes) -> CallStarted | CallTurn | CallEnded:
    """Parses one event's JSON, picking the model by ``type``."""
    return _CALL_EVENT_ADAPTER.validate_json(data)
