"""Settings of the control plane, read from CONTROL_PLANE_* environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from switchboard_common.contract.envelope import DEVELOPMENT_RUNTIME_KEYS
from switchboard_common.development import refuse_development_values
from switchboard_common.kafka_sink import KafkaSettings
from switchboard_common.recordings import RecordingsSettings
from switchboard_common.settings import BaseServiceSettings

# Development-only defaults: refused when environment=production.
DEV_BOOTSTRAP_ADMIN_KEY = "sb_dev_bootstrap_admin_key"
DEV_SECRET_KEYS = "dev-kek-1:ZGV2LWtleS1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcyE="  # noqa: S105
DEV_RUNTIME_KEYS = DEVELOPMENT_RUNTIME_KEYS
DEV_API_KEY_PEPPER = "dev-api-key-pepper"


class JwtSettings(BaseModel):
    """OIDC bearer tokens: a JWKS URL (production) or an HS256 secret (development)."""

    hs256_secret: SecretStr | None = None
    jwks_url: str | None = None
    audience: str | None = None
    issuer: str | None = None
    jwks_cache_s: int = Field(default=300, ge=1)
    jwks_timeout_s: float = Field(
        default=5.0, gt=0, description="Most a request waits for a JWKS fetch; then 503"
    )
    jwks_refetch_cooldown_s: float = Field(
        default=30.0,
        ge=0,
        description="Least time between JWKS refetches caused by tokens naming an unknown kid",
    )
    jwks_stale_if_error_s: float = Field(
        default=3600.0,
        ge=0,
        description="While the provider cannot be reached, keys already fetched keep verifying "
        "tokens for this long after their last good lookup (0: answer 503 at once)",
    )


class RateLimitSettings(BaseModel):
    requests_per_minute: int = Field(default=600, ge=1)
    failed_logins_per_minute: int = Field(
        default=30,
        ge=1,
        description="Bad credentials one client address may send per minute; then 429 (with "
        "Retry-After) for every credential it sends until the minute ends",
    )


DAY_S = 24 * 3600


class WebhookSettings(BaseModel):
    """Customer webhook delivery (webhooks/delivery.py)."""

    retry_schedule_s: tuple[float, ...] = Field(
        default=(5, 300, 1800, 7200, 18000, 36000, 36000),
        min_length=1,
        description="Delay before each retry after a failed attempt; the default spans ~27.6 h "
        "(at least a day is required in production); when it is used up the delivery is failed",
    )
    attempt_timeout_s: float = Field(
        default=10.0, gt=0, le=60, description="Most one attempt waits for the receiver's answer"
    )
    poll_s: float = Field(default=0.5, gt=0, description="How often idle senders look for work")
    concurrency: int = Field(default=8, ge=1, le=64, description="Attempts in flight at once")
    disable_after_failures: int = Field(
        default=50,
        ge=1,
        description="An endpoint whose attempts failed this many times in a row is disabled "
        "(audit entry and a webhook.endpoint_disabled notice)",
    )
    rotation_overlap_s: int = Field(
        default=DAY_S,
        ge=0,
        le=7 * DAY_S,
        description="How long the previous secret also signs after a rotation (default)",
    )


class AnalysisSettings(BaseModel):
    """Post-call analysis (analysis/worker.py)."""

    max_attempts: int = Field(default=3, ge=1, le=10, description="Tries before it is failed")
    retry_s: float = Field(default=60.0, gt=0, description="Delay before a failed try is retried")
    poll_s: float = Field(default=1.0, gt=0, description="How often the worker looks for calls")
    timeout_s: float = Field(default=30.0, gt=0, le=120, description="Most one LLM request takes")


class Settings(BaseServiceSettings):
    """How the control plane runs.

    With ``environment=development`` (the default) missing keys fall back to clearly labelled
    development values so ``make up`` works with no environment; ``production`` refuses them.
    """

    model_config = SettingsConfigDict(
        env_prefix="CONTROL_PLANE_",
        env_nested_delimiter="__",
        extra="ignore",
        validate_default=True,
    )

    service_name: str = "control-plane"
    port: int = 8080
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/switchboard"
    redis_url: str = "redis://127.0.0.1:6379/0"
    bootstrap_admin_key: SecretStr | None = None
    secret_keys: SecretStr | None = Field(default=None, description="KEK keyring spec")
    runtime_keys: SecretStr | None = Field(default=None, description="Runtime keyring spec")
    api_key_pepper: SecretStr | None = None
    jwt: JwtSettings = JwtSettings()
    opa_url: str | None = None
    policy_dir: Path | None = Field(default=None, description="Rego policies; default policies/")
    rate_limit: RateLimitSettings = RateLimitSettings()
    voice_runtime_public_url: str = "http://127.0.0.1:8081"
    tts_url: str | None = Field(
        default="http://127.0.0.1:8083",
        description="The TTS service whose voices (GET /v1/voices) agent versions are checked "
        "against; empty: not checked",
    )
    tts_token: SecretStr | None = Field(
        default=None,
        description="The TTS service's token (its TTS_SERVICE_TOKEN), sent with "
        "switchboard_common.service_token.bearer_headers when the control plane asks TTS for "
        "its voices",
    )
    secrets_provider: Literal["db", "env"] = "db"
    allow_private_addresses: bool = Field(
        default=False,
        description="Accept agents whose LLM api_base or HTTP tool URLs are on loopback, private "
        "or link-local addresses, and let the control plane call such addresses (development "
        "and tests; off: 422 address_not_allowed)",
    )
    migrate_on_start: bool | None = Field(
        default=None, description="Run migrations at serve start; default: on in development"
    )
    run_workers: bool = Field(
        default=True,
        description="Run the outbox publisher, reconciler, outbox upkeep, webhook delivery, "
        "post-call analysis and events consumer",
    )
    publisher_poll_s: float = Field(default=1.0, gt=0)
    outbox_retention_s: float = Field(
        default=7 * 24 * 3600, gt=0, description="Published outbox rows older than this are deleted"
    )
    outbox_upkeep_s: float = Field(
        default=30.0, gt=0, description="How often the outbox is pruned and its gauges refreshed"
    )
    events_claim_idle_ms: int = Field(default=30_000, ge=100)
    epoch_check_s: float = Field(
        default=1.0,
        gt=0,
        description="How often the contract epoch (sb:v1:epoch) is checked; when Redis lost it, "
        "every tenant is republished at once",
    )
    call_lost_after_s: float = Field(
        default=120.0,
        ge=10,
        description="A call in progress whose lease has been gone this long, with nothing "
        "recorded meanwhile, is closed as runtime_lost; keep well above VOICE_RUNTIME_LEASE_TTL_S",
    )
    lost_calls_sweep_s: float = Field(
        default=15.0, gt=0, description="How often calls in progress are checked for a lost runtime"
    )
    usage_reconcile_s: float = Field(
        default=60.0,
        gt=0,
        description="How often every tenant's live minute counter in Redis is rewritten from "
        "the minutes metered in Postgres (also right after Redis lost its data)",
    )
    redis_timeout_s: float = Field(default=1.0, gt=0)
    max_body_bytes: int = Field(
        default=1_048_576,
        ge=1_024,
        description="Largest request body; larger ones get 413 payload_too_large before parsing "
        "or authentication",
    )
    kafka: KafkaSettings = Field(
        default_factory=KafkaSettings,
        description="With kafka.enabled, committed audit entries also go to switchboard.audit",
    )
    webhooks: WebhookSettings = Field(default_factory=WebhookSettings)
    analysis: AnalysisSettings = Field(default_factory=AnalysisSettings)
    events_source: Literal["redis", "kafka"] = Field(
        default="redis", description="Where the events consumer reads call events from"
    )
    recordings: RecordingsSettings = Field(
        default_factory=RecordingsSettings,
        description="Where the runtime writes call recordings (the same values as the runtime's "
        "VOICE_RUNTIME_RECORDINGS__*): served by the recording route, pruned by retention",
    )
    recording_retention_sweep_s: float = Field(
        default=3600.0, gt=0, description="How often recordings past their tenant's retention go"
    )

    @property
    def is_development(self) -> bool:
        return self.environment == "development"

    @property
    def migrates_on_start(self) -> bool:
        return self.migrate_on_start or (self.migrate_on_start is None and self.is_development)

    @model_validator(mode="after")
    def _kafka_source_needs_kafka(self) -> Settings:
        if self.events_source == "kafka" and not self.kafka.enabled:
            raise ValueError(
                "events_source=kafka needs kafka.enabled (CONTROL_PLANE_KAFKA__ENABLED)"
            )
        return self

    @model_validator(mode="after")
    def _webhook_retries_span_a_day_in_production(self) -> Settings:
        if self.environment == "production" and sum(self.webhooks.retry_schedule_s) < DAY_S:
            raise ValueError("webhooks.retry_schedule_s must span at least 24 h in production")
        return self

    @model_validator(mode="after")
    def _fill_development_defaults(self) -> Settings:
        missing = [
            name
            for name in ("bootstrap_admin_key", "secret_keys", "runtime_keys", "api_key_pepper")
            if getattr(self, name) is None
        ]
        if not missing:
            return self
        if self.environment == "production":
            raise ValueError(f"production needs these settings: {', '.join(missing)}")
        defaults = {
            "bootstrap_admin_key": DEV_BOOTSTRAP_ADMIN_KEY,
            "secret_keys": DEV_SECRET_KEYS,
            "runtime_keys": DEV_RUNTIME_KEYS,
            "api_key_pepper": DEV_API_KEY_PEPPER,
        }
        for name in missing:
            object.__setattr__(self, name, SecretStr(defaults[name]))
        return self

    @model_validator(mode="after")
    def _no_development_values_in_production(self) -> Settings:
        refuse_development_values(
            self.environment,
            {
                "bootstrap_admin_key": self.bootstrap_admin_key,
                "secret_keys": self.secret_keys,
                "runtime_keys": self.runtime_keys,
                "api_key_pepper": self.api_key_pepper,
                "jwt.hs256_secret": self.jwt.hs256_secret,
                "database_url": self.database_url,
                "tts_token": self.tts_token,
            },
        )
        return self

    def secret(self, name: str) -> str:
        value = getattr(self, name)
        assert isinstance(value, SecretStr)
        return value.get_secret_value()
