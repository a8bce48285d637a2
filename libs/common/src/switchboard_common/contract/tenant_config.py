"""The tenant runtime snapshot the control plane publishes and the runtime reads."""

from __future__ import annotations

import base64
import binascii
import re
from datetime import datetime, time
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from switchboard_common.contract.envelope import EncryptedSecret
from switchboard_common.contract.keys import SCHEMA_VERSION

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_VOICE_ID = re.compile(r"^[a-z][a-z0-9_]*:[A-Za-z0-9_.\-]+$")


def _check_e164(value: str) -> str:
    if not _E164.fullmatch(value):
        raise ValueError("must be an E.164 number such as +15551234567")
    return value


E164 = Annotated[str, AfterValidator(_check_e164)]


def _check_ed25519_public_key(value: str) -> str:
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("must be base64 (an Ed25519 public key)") from None
    if len(raw) != 32:
        raise ValueError(f"must be a 32-byte Ed25519 public key, base64 ({len(raw)} bytes given)")
    return value


Ed25519PublicKey = Annotated[str, Field(max_length=64), AfterValidator(_check_ed25519_public_key)]
"""An Ed25519 public key, base64 of its 32 raw bytes (Telnyx's webhook key; not a secret)."""
Carrier = Literal["twilio", "telnyx"]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class ContractModel(BaseModel):
    """Frozen, closed models: an unknown or renamed field is an error, not silently dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class DidRoute(ContractModel):
    """``sb:v1:did:{e164}``: where a dialed number goes."""

    tenant_id: str
    agent_id: str
    number_id: str
    carrier: Carrier = "twilio"


class ConfigChanged(ContractModel):
    """On ``sb:v1:config``: drop the cached snapshot of this tenant (revision 0: deleted)."""

    tenant_id: str
    revision: int = Field(ge=0)


class TenantLimits(ContractModel):
    max_concurrent_calls: int = Field(default=5, ge=1, le=10_000)
    max_call_duration_s: int = Field(default=1800, ge=10, le=86_400)
    calls_per_minute: int = Field(default=60, ge=1, le=100_000)
    monthly_minutes_cap: int | None = Field(
        default=None,
        ge=0,
        description="Billable minutes a month after which new calls are refused (None: no cap); "
        "from the tenant's plan",
    )


class TwilioAccount(ContractModel):
    account_sid: str = Field(pattern=r"^AC[0-9a-fA-F]{32}$")
    auth_token: EncryptedSecret


class TelnyxAccount(ContractModel):
    """The tenant's Telnyx account: the key its webhooks are signed with, and its API key (a
    ``carrier_credential``, sealed) for Call Control commands."""

    public_key: Ed25519PublicKey = Field(description="Ed25519 webhook public key, base64")
    api_key: EncryptedSecret | None = None


class TelephonyConfig(ContractModel):
    """The tenant's own carrier accounts; absent means the platform's accounts are used."""

    twilio: TwilioAccount | None = None
    telnyx: TelnyxAccount | None = None


class KnowledgeSection(ContractModel):
    title: str = Field(min_length=1, max_length=200)
    content: str = Field(min_length=1, max_length=20_000)


class QuickReply(ContractModel):
    """When the caller says one of ``phrases``, answer with ``answer`` and skip the LLM."""

    phrases: tuple[str, ...] = Field(min_length=1)
    answer: str = Field(min_length=1, max_length=2_000)


class OpeningHours(ContractModel):
    days: tuple[Weekday, ...] = Field(min_length=1)
    opens_at: time
    closes_at: time

    @model_validator(mode="after")
    def _opens_before_close(self) -> OpeningHours:
        if self.opens_at >= self.closes_at:
            raise ValueError("opens_at must be before closes_at")
        return self


class BusinessHours(ContractModel):
    """Open windows in a time zone; outside them the agent says ``after_hours_message``."""

    timezone: str = "UTC"
    windows: tuple[OpeningHours, ...] = Field(min_length=1)
    after_hours_message: str = Field(min_length=1, max_length=2_000)
    take_message: bool = False


class LlmConfig(ContractModel):
    """``model`` is a litellm model string; None selects the built-in deterministic brain."""

    model: str | None = None
    temperature: float = Field(default=0.4, ge=0.0, le=2.0)
    max_tokens: int = Field(default=256, ge=1, le=4_096)
    api_key_secret: EncryptedSecret | None = None
    api_base: str | None = None
    timeout_s: float = Field(default=8.0, gt=0, le=60)


VocabularyTerm = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[^,\n]+$")]


class SttConfig(ContractModel):
    """``model`` must be one the STT service serves (its ``/v1/models``); ``vocabulary`` lists the
    words callers say that a general model misspells (the business name, staff, services), most
    important first: with the agent's name, staff (transfer target) names and knowledge section
    titles, they bias recognition (see ``switchboard_common.contract.vocabulary``)."""

    language: str = "en"
    model: str = "tiny.en"
    vocabulary: tuple[VocabularyTerm, ...] = Field(
        default=(),
        max_length=100,
        description="Words callers say that a general model misspells (business name, staff, "
        "services), most important first; up to 100 terms of 1-60 characters, no commas",
    )


class TtsConfig(ContractModel):
    engine: str = "piper"
    voice: str = "en_US-joe-medium"
    speed: float = Field(default=1.0, ge=0.5, le=2.0)

    @property
    def voice_id(self) -> str:
        """The TTS service's ``engine:voice`` address."""
        return f"{self.engine}:{self.voice}"

    @model_validator(mode="after")
    def _valid_voice_id(self) -> TtsConfig:
        if not _VOICE_ID.fullmatch(self.voice_id):
            raise ValueError("engine and voice must form an 'engine:voice' id")
        return self


class RealtimeConfig(ContractModel):
    """What a realtime session's client (an app, a browser) may change about the agent."""

    allow_client_instructions: bool = False
    """Whether ``instructions`` a client sends (``session.update``, ``response.create``) are
    appended to the agent's prompt; refused with an ``error`` otherwise."""


class TurnTakingConfig(ContractModel):
    end_of_turn_silence_ms: int = Field(default=500, ge=100, le=5_000)
    """The silence that ends a turn where no end-of-turn model decides (the runtime has none)."""
    end_of_turn_pause_ms: int = Field(default=120, ge=60, le=1_000)
    """The short pause at which the end-of-turn model is asked whether the caller is done."""
    incomplete_max_wait_ms: int = Field(default=1_600, ge=200, le=5_000)
    """How long a caller the model judged mid-sentence may stay silent before the turn ends."""
    barge_in_min_speech_ms: int = Field(default=180, ge=60, le=3_000)
    """Caller speech over the agent that pauses it (a tentative interruption: words decide)."""
    backchannel_phrases: tuple[str, ...] = (
        "mhm",
        "mm hmm",
        "uh huh",
        "okay",
        "ok",
        "yeah",
        "yes",
        "right",
        "sure",
    )
    idle_reprompt_s: float = Field(default=8.0, ge=1, le=300)
    idle_hangup_s: float = Field(default=20.0, ge=2, le=600)
    idle_reprompt_message: str = "Are you still there?"


class TransferTarget(ContractModel):
    name: str = Field(min_length=1, max_length=100)
    number: E164
    description: str = ""


class HttpTool(ContractModel):
    name: str = Field(pattern=r"^[a-zA-Z_][a-zA-Z0-9_]{0,63}$")
    description: str = Field(min_length=1, max_length=1_000)
    url: str = Field(pattern=r"^https?://")
    method: Literal["GET", "POST"] = "POST"
    parameters: dict[str, object] = Field(default_factory=dict, description="JSON schema")
    timeout_s: float = Field(default=5.0, gt=0, le=30)


class ToolsConfig(ContractModel):
    end_call: bool = True
    transfer_targets: tuple[TransferTarget, ...] = ()
    http_tools: tuple[HttpTool, ...] = ()
    dtmf_enabled: bool = True

    def transfer_allowed(self, number: str) -> bool:
        return any(target.number == number for target in self.transfer_targets)


class AgentConfig(ContractModel):
    """The published version of one agent: everything a call needs to know."""

    agent_id: str
    version: int = Field(ge=1)
    name: str = ""
    greeting: str = Field(min_length=1, max_length=2_000)
    system_prompt: str = Field(default="", max_length=50_000)
    knowledge: tuple[KnowledgeSection, ...] = ()
    quick_replies: tuple[QuickReply, ...] = ()
    business_hours: BusinessHours | None = None
    llm: LlmConfig = LlmConfig()
    stt: SttConfig = SttConfig()
    tts: TtsConfig = TtsConfig()
    turn_taking: TurnTakingConfig = TurnTakingConfig()
    tools: ToolsConfig = ToolsConfig()
    realtime: RealtimeConfig = RealtimeConfig()
    recording: bool = False
    reject_when_busy: bool = False
    unavailable_message: str | None = Field(
        default=None,
        min_length=1,
        max_length=2_000,
        description="What callers hear when the tenant's monthly minutes are used up "
        "(None: the platform's message)",
    )


class RealtimeKey(ContractModel):
    """A tenant API key with the ``realtime`` scope, known to the runtime only by the SHA-256
    of the key (``switchboard_common.realtime_token.realtime_key_digest``), never the key."""

    key_id: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    expires_at: datetime | None = None


class TenantRuntimeConfig(ContractModel):
    """``sb:v1:tenant:{tenant_id}``: the whole snapshot, written atomically with a new revision."""

    schema_version: Literal[1] = SCHEMA_VERSION
    tenant_id: str
    revision: int = Field(ge=1)
    published_at: datetime
    status: Literal["active", "suspended"] = "active"
    limits: TenantLimits = TenantLimits()
    telephony: TelephonyConfig = TelephonyConfig()
    agents: dict[str, AgentConfig] = Field(default_factory=dict)
    realtime_keys: tuple[RealtimeKey, ...] = Field(
        default=(), description="Live (unrevoked) API keys that may open realtime sessions"
    )

    @model_validator(mode="after")
    def _agents_keyed_by_id(self) -> TenantRuntimeConfig:
        for agent_id, agent in self.agents.items():
            if agent.agent_id != agent_id:
                raise ValueError(f"agents[{agent_id!r}] holds agent {agent.agent_id!r}")
        return self
