"""Settings of the voice runtime, read from VOICE_RUNTIME_* environment variables."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from switchboard_common.contract.envelope import DEVELOPMENT_RUNTIME_KEYS
from switchboard_common.development import refuse_development_values
from switchboard_common.kafka_sink import KafkaSettings
from switchboard_common.recordings import RecordingsSettings
from switchboard_common.settings import BaseServiceSettings
from switchboard_voice_runtime.realtime.credentials import RealtimeAuthSettings
from switchboard_voice_runtime.telnyx_settings import TelnyxSettings

DEV_RUNTIME_KEYS = DEVELOPMENT_RUNTIME_KEYS
"""Shared with the control plane in development; production sets VOICE_RUNTIME_RUNTIME_KEYS."""


DEV_TWILIO_AUTH_TOKEN = "dev-twilio-auth-token"  # noqa: S105
DEV_CALL_TOKEN_SECRET = "dev-call-token-secret-change-me-0123456789"  # noqa: S105


class TwilioSettings(BaseModel):
    """The platform's own Twilio account (numbers of tenants without their own account)."""

    account_sid: str = "AC" + "0" * 32
    auth_token: SecretStr = SecretStr(DEV_TWILIO_AUTH_TOKEN)
    api_base: str = "https://api.twilio.com"
    rest_timeout_s: float = Field(default=5.0, gt=0)
    rest_attempts: int = Field(default=3, ge=1, le=10)


class Settings(BaseServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="VOICE_RUNTIME_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    service_name: str = "voice-runtime"
    port: int = 8081
    public_base_url: str = Field(
        default="https://localhost:8081",
        description="The URL carriers reach this runtime at; signatures and stream URLs use it.",
    )
    redis_url: str = "redis://127.0.0.1:6379/0"
    stt_url: str = "http://127.0.0.1:8082"
    tts_url: str = "http://127.0.0.1:8083"
    stt_timeout_s: float = Field(default=3.0, gt=0)
    tts_timeout_s: float = Field(default=3.0, gt=0)
    stt_token: SecretStr | None = Field(
        default=None, description="The STT service's token (its STT_SERVICE_TOKEN); production."
    )
    tts_token: SecretStr | None = Field(
        default=None, description="The TTS service's token (its TTS_SERVICE_TOKEN); production."
    )
    runtime_keys: SecretStr = SecretStr(DEV_RUNTIME_KEYS)
    call_token_secret: SecretStr = SecretStr(DEV_CALL_TOKEN_SECRET)
    call_token_ttl_s: int = Field(default=30, ge=5, le=600)
    twilio: TwilioSettings = TwilioSettings()
    realtime: RealtimeAuthSettings = Field(
        default_factory=RealtimeAuthSettings,
        description="Realtime sessions (WS /v1/realtime): the public keys client secrets are "
        "verified with (VOICE_RUNTIME_REALTIME__PUBLIC_KEYS)",
    )
    telnyx: TelnyxSettings = TelnyxSettings()
    recordings: RecordingsSettings = Field(
        default_factory=RecordingsSettings,
        description="Where call recordings go: RECORDINGS__BACKEND=dir (RECORDINGS__DIR) or s3 "
        "(RECORDINGS__BUCKET, __ENDPOINT, __REGION, __ACCESS_KEY_ID, __SECRET_ACCESS_KEY); the "
        "control plane reads them with the same values",
    )
    recordings_dir: Path | None = Field(
        default=None, description="The former name of recordings.dir; still read."
    )
    lease_ttl_s: float = Field(default=30.0, ge=1.0)
    pending_lease_ttl_s: float = Field(
        default=15.0, gt=0, description="How long a lease waits for the media socket."
    )
    max_calls: int = Field(default=200, ge=1)
    drain_timeout_s: float = Field(default=300.0, ge=0)
    webhook_max_body_bytes: int = Field(default=16_384, ge=1_024)
    event_buffer_size: int = Field(default=10_000, ge=1)
    config_recovery_wait_s: float = Field(
        default=1.5,
        ge=0,
        le=2.0,
        description="While Redis has lost the contract data (sb:v1:epoch missing), how long a "
        "webhook for a number not in memory waits for the control plane's republish before the "
        "caller hears 'temporarily unavailable' (not 'not in service')",
    )
    filler_after_s: float = Field(
        default=1.5,
        ge=0,
        le=10,
        description="Silence (seconds) after which a late answer is bridged with a short filler "
        "('One moment.'), again after each such silence; 0: no fillers.",
    )
    end_of_turn_model: bool = Field(
        default=True,
        description="Ask the Smart-Turn end-of-turn model at each short pause whether the "
        "caller is done (the agent's end_of_turn_pause_ms / incomplete_max_wait_ms); off: "
        "silence alone ends a turn (end_of_turn_silence_ms).",
    )
    silero_vad: bool = Field(
        default=True,
        description="Gate WebRTC's voice detector with Silero VAD (a frame is speech only "
        "when both agree: noise bursts and noisy lines stop reading as speech); off: WebRTC "
        "alone.",
    )
    allow_private_addresses: bool = Field(
        default=False,
        description="Let agents' HTTP tools and LLM api_base call loopback, private and "
        "link-local addresses (off: a tenant's URL could otherwise reach this runtime's own "
        "network).",
    )
    http_tools_allow_private_addresses: bool = Field(
        default=False, description="The former name of allow_private_addresses; still read."
    )
    kafka: KafkaSettings = Field(
        default_factory=KafkaSettings,
        description="With kafka.enabled, call events also go to switchboard.calls (and usage).",
    )

    @field_validator("public_base_url")
    @classmethod
    def _http_base(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("public_base_url must start with https:// or http://")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _former_recordings_dir_name(self) -> Settings:
        if self.recordings_dir is not None and self.recordings.dir is None:
            recordings = self.recordings.model_copy(update={"dir": self.recordings_dir})
            object.__setattr__(self, "recordings", recordings)
        return self

    @model_validator(mode="after")
    def _former_private_addresses_name(self) -> Settings:
        if self.http_tools_allow_private_addresses:
            object.__setattr__(self, "allow_private_addresses", True)
        return self

    @model_validator(mode="after")
    def _no_development_secrets_in_production(self) -> Settings:
        refuse_development_values(
            self.environment,
            {
                "runtime_keys": self.runtime_keys,
                "call_token_secret": self.call_token_secret,
                "twilio.auth_token": self.twilio.auth_token,
                "stt_token": self.stt_token,
                "tts_token": self.tts_token,
                "realtime.public_keys": self.realtime.public_keys,
                **self.telnyx.development_fields(),
            },
        )
        return self

    @model_validator(mode="after")
    def _speech_tokens_in_production(self) -> Settings:
        if self.environment == "production" and not (self.stt_token and self.tts_token):
            raise ValueError("production needs stt_token and tts_token (the speech services')")
        return self

    def media_url(self, carrier: str) -> str:
        """The wss:// URL a carrier opens its media socket on (``/telephony/{carrier}/media``)."""
        scheme, _, rest = self.public_base_url.partition("://")
        ws_scheme = "wss" if scheme == "https" else "ws"
        return f"{ws_scheme}://{rest}/telephony/{carrier}/media"
