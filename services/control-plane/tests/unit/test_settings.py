"""Development defaults let the app start with no environment; production refuses them."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from switchboard_common.contract import Keyring
from switchboard_control_plane.settings import (
    DEV_API_KEY_PEPPER,
    DEV_BOOTSTRAP_ADMIN_KEY,
    DEV_RUNTIME_KEYS,
    DEV_SECRET_KEYS,
    Settings,
    WebhookSettings,
)


def test_development_fills_clearly_labelled_defaults() -> None:
    settings = Settings()
    assert settings.secret("bootstrap_admin_key") == DEV_BOOTSTRAP_ADMIN_KEY
    Keyring.from_spec(settings.secret("secret_keys"))
    Keyring.from_spec(settings.secret("runtime_keys"))


def test_production_refuses_to_start_without_real_keys() -> None:
    with pytest.raises(ValidationError, match="production needs"):
        Settings(environment="production")


def test_production_starts_with_every_key_set() -> None:
    spec = f"k1:{Keyring.generate_key()}"
    settings = Settings(
        environment="production",
        bootstrap_admin_key="sb_real",
        secret_keys=spec,
        runtime_keys=spec,
        api_key_pepper="pepper",
    )
    assert settings.secret("api_key_pepper") == "pepper"


def test_kafka_settings_and_events_source_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CONTROL_PLANE_KAFKA__ENABLED", "true")
    monkeypatch.setenv("CONTROL_PLANE_KAFKA__BOOTSTRAP_SERVERS", "kafka:9092")
    monkeypatch.setenv("CONTROL_PLANE_EVENTS_SOURCE", "kafka")
    settings = Settings()
    assert (settings.kafka.enabled, settings.kafka.bootstrap_servers) == (True, "kafka:9092")
    assert settings.events_source == "kafka"


def test_events_source_kafka_needs_kafka_enabled() -> None:
    assert Settings().events_source == "redis"
    with pytest.raises(ValidationError, match="needs kafka"):
        Settings(events_source="kafka")


def test_the_tts_token_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().tts_token is None
    monkeypatch.setenv("CONTROL_PLANE_TTS_TOKEN", "tts-secret-token-0123")
    token = Settings().tts_token
    assert token is not None and token.get_secret_value() == "tts-secret-token-0123"


def _production(**overrides: Any) -> Settings:
    spec = f"k1:{Keyring.generate_key()}"
    values: dict[str, Any] = {
        "environment": "production",
        "bootstrap_admin_key": "sb_real",
        "secret_keys": spec,
        "runtime_keys": spec,
        "api_key_pepper": "pepper",
    }
    return Settings(**{**values, **overrides})


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("bootstrap_admin_key", DEV_BOOTSTRAP_ADMIN_KEY),
        ("secret_keys", DEV_SECRET_KEYS),
        ("runtime_keys", DEV_RUNTIME_KEYS),
        ("api_key_pepper", DEV_API_KEY_PEPPER),
        ("jwt", {"hs256_secret": "change-me-32-bytes-or-more"}),
        ("database_url", "postgresql+asyncpg://postgres:switchboard-dev-password@db/switchboard"),
    ],
)
def test_production_refuses_each_public_development_value(field: str, value: object) -> None:
    with pytest.raises(ValidationError, match="production refuses development values"):
        _production(**{field: value})


def test_production_refuses_the_development_admin_key_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spec = f"k1:{Keyring.generate_key()}"
    monkeypatch.setenv("CONTROL_PLANE_ENVIRONMENT", "production")
    monkeypatch.setenv("CONTROL_PLANE_BOOTSTRAP_ADMIN_KEY", DEV_BOOTSTRAP_ADMIN_KEY)
    monkeypatch.setenv("CONTROL_PLANE_SECRET_KEYS", spec)
    monkeypatch.setenv("CONTROL_PLANE_RUNTIME_KEYS", spec)
    monkeypatch.setenv("CONTROL_PLANE_API_KEY_PEPPER", "pepper")
    with pytest.raises(ValidationError, match="bootstrap_admin_key"):
        Settings.from_env()


def test_production_webhook_retries_span_at_least_a_day() -> None:
    assert sum(_production().webhooks.retry_schedule_s) >= 24 * 3600
    with pytest.raises(ValidationError, match="must span at least 24 h"):
        _production(webhooks=WebhookSettings(retry_schedule_s=(5, 300)))
    assert Settings(webhooks=WebhookSettings(retry_schedule_s=(0.1,))).webhooks.poll_s > 0
