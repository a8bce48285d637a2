"""Agent and agent-version bodies; a version's config maps 1:1 onto the contract's AgentConfig."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from switchboard_common.contract.tenant_config import (
    BusinessHours,
    KnowledgeSection,
    QuickReply,
    RealtimeConfig,
    SttConfig,
    ToolsConfig,
    TtsConfig,
    TurnTakingConfig,
)
from switchboard_control_plane.agents.voices import ConfigWarning
from switchboard_control_plane.analysis.schemas import AnalysisConfig
from switchboard_control_plane.db.base import INTEGER_MAX

SECRET_NAME_PATTERN = r"^[a-z0-9][a-z0-9_.\-]{0,127}$"  # noqa: S105


class AgentCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "Front desk", "description": "Main line"}]},
    )

    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=2000)


class AgentUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "Desk"}]})

    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=2000)


class AgentOut(BaseModel):
    id: str
    tenant_id: str
    name: str
    description: str
    live_version: int | None
    latest_version: int
    created_at: datetime
    updated_at: datetime


class LlmSettings(BaseModel):
    """The LLM of a version; the key is referenced by the NAME of a tenant secret."""

    model_config = ConfigDict(extra="forbid")

    model: str | None = Field(
        default=None,
        max_length=200,
        description="litellm model string, `provider/model` with a provider litellm knows "
        "(422 `empty_llm_model` / `unknown_llm_provider` otherwise); unset selects the "
        "built-in brain",
    )
    temperature: float = Field(default=0.4, ge=0.0, le=2.0)
    max_tokens: int = Field(default=256, ge=1, le=4_096)
    api_key_secret_name: str | None = Field(
        default=None,
        pattern=SECRET_NAME_PATTERN,
        description="A secret of kind `llm_api_key` whose `allowed_host` is the host of "
        "`api_base` (unset for the provider's own endpoint)",
    )
    api_base: str | None = Field(
        default=None,
        pattern=r"^https?://",
        max_length=500,
        description="An OpenAI-compatible server (model `openai/...`); its host must not be a "
        "loopback, private or link-local address (422 `address_not_allowed`)",
    )
    timeout_s: float = Field(default=8.0, gt=0, le=60)


VERSION_EXAMPLE: dict[str, Any] = {
    "greeting": "Thanks for calling Acme Dental, how can I help?",
    "system_prompt": "You are the friendly receptionist of Acme Dental.",
    "knowledge": [{"title": "Hours", "content": "Mon-Fri 9am to 5pm."}],
    "quick_replies": [{"phrases": ["where are you"], "answer": "12 Main Street."}],
    "llm": {"model": "openai/gpt-4o-mini", "api_key_secret_name": "openai"},
    "tts": {"engine": "piper", "voice": "en_US-joe-medium"},
    "tools": {"transfer_targets": [{"name": "Front desk", "number": "+15551230000"}]},
    "recording": False,
    "note": "first version",
}


class AgentVersionCreate(BaseModel):
    """Everything a call needs; validated against what the runtime can use."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [VERSION_EXAMPLE]})

    greeting: str = Field(min_length=1, max_length=2_000)
    system_prompt: str = Field(default="", max_length=50_000)
    knowledge: tuple[KnowledgeSection, ...] = Field(default=(), max_length=200)
    quick_replies: tuple[QuickReply, ...] = Field(default=(), max_length=500)
    business_hours: BusinessHours | None = None
    llm: LlmSettings = LlmSettings()
    stt: SttConfig = SttConfig()
    tts: TtsConfig = TtsConfig()
    turn_taking: TurnTakingConfig = TurnTakingConfig()
    tools: ToolsConfig = ToolsConfig()
    realtime: RealtimeConfig = Field(
        default_factory=RealtimeConfig,
        description="Realtime sessions: allow_client_instructions (default false) lets a "
        "client's instructions be appended to the prompt",
    )
    recording: bool = False
    reject_when_busy: bool = False
    unavailable_message: str | None = Field(
        default=None,
        min_length=1,
        max_length=2_000,
        description="What callers hear when the tenant's monthly minutes are used up "
        "(None: the platform's message)",
    )
    analysis: AnalysisConfig = Field(
        default_factory=AnalysisConfig,
        description="Post-call analysis: summary, extraction against a JSON Schema, success "
        "rubric (through this version's LLM; without one, the built-in analysis)",
    )
    note: str = Field(default="", max_length=500, description="What changed in this version")


class AgentVersionOut(BaseModel):
    agent_id: str
    version: int
    live: bool
    note: str
    created_by: str
    created_at: datetime
    config: AgentVersionCreate
    warnings: list[ConfigWarning] = Field(
        default_factory=list,
        description="What could not be checked when the version was created (it was created)",
    )


class PublishRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"version": 1}]})

    version: int = Field(ge=1, le=INTEGER_MAX)
