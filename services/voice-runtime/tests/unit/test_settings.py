"""Runtime settings: development defaults work locally and are refused in production."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from switchboard_common.contract import Keyring
from switchboard_common.contract.envelope import DEVELOPMENT_RUNTIME_KEYS
from switchboard_voice_runtime.settings import Settings, TwilioSettings


def test_development_defaults_share_the_control_planes_runtime_keyring() -> None:
    settings = Settings()
    assert settings.runtime_keys.get_secret_value() == DEVELOPMENT_RUNTIME_KEYS
    assert settings.media_url("twilio") == "wss://localhost:8081/telephony/twilio/media"


def test_production_refuses_each_development_secret() -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(environment="production")
    message = str(refused.value)
    for name in ("runtime_keys", "call_token_secret", "twilio.auth_token"):
        assert name in message


def test_production_starts_with_its_own_secrets() -> None:
    settings = Settings(
        environment="production",
        runtime_keys=SecretStr(f"prod-1:{Keyring.generate_key()}"),
        call_token_secret=SecretStr("p" * 48),
        twilio=TwilioSettings(auth_token=SecretStr("real-token")),
        stt_token=SecretStr("s" * 32),
        tts_token=SecretStr("t" * 32),
    )
    assert settings.environment == "production"


def test_production_refuses_to_start_without_the_speech_services_tokens() -> None:
    own_secrets = {
        "environment": "production",
        "runtime_keys": SecretStr(f"prod-1:{Keyring.generate_key()}"),
        "call_token_secret": SecretStr("p" * 48),
        "twilio": TwilioSettings(auth_token=SecretStr("real-token")),
    }
    with pytest.raises(ValidationError, match="stt_token and tts_token"):
        Settings(**own_secrets, stt_token=SecretStr("s" * 32))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="stt_token and tts_token"):
        Settings(**own_secrets, tts_token=SecretStr("t" * 32))  # type: ignore[arg-type]


def test_speech_tokens_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOICE_RUNTIME_STT_TOKEN", "stt-secret-token-0123")
    monkeypatch.setenv("VOICE_RUNTIME_TTS_TOKEN", "tts-secret-token-0123")
    settings = Settings()
    assert settings.stt_token == SecretStr("stt-secret-token-0123")
    assert settings.tts_token == SecretStr("tts-secret-token-0123")


def test_kafka_settings_nest_under_voice_runtime_kafka(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOICE_RUNTIME_KAFKA__ENABLED", "true")
    monkeypatch.setenv("VOICE_RUNTIME_KAFKA__BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
    kafka = Settings().kafka
    assert (kafka.enabled, kafka.bootstrap_servers) == (True, "kafka-1:9092,kafka-2:9092")
    assert not Settings.model_construct().kafka.enabled


def test_private_addresses_are_off_unless_either_name_turns_them_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings().allow_private_addresses is False
    monkeypatch.setenv("VOICE_RUNTIME_HTTP_TOOLS_ALLOW_PRIVATE_ADDRESSES", "true")
    assert Settings().allow_private_addresses is True
    monkeypatch.delenv("VOICE_RUNTIME_HTTP_TOOLS_ALLOW_PRIVATE_ADDRESSES")
    monkeypatch.setenv("VOICE_RUNTIME_ALLOW_PRIVATE_ADDRESSES", "true")
    assert Settings().allow_private_addresses is True


def test_recordings_go_to_s3_when_the_environment_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOICE_RUNTIME_RECORDINGS__BACKEND", "s3")
    monkeypatch.setenv("VOICE_RUNTIME_RECORDINGS__BUCKET", "calls")
    monkeypatch.setenv("VOICE_RUNTIME_RECORDINGS__ENDPOINT", "https://s3.internal:9000")
    monkeypatch.setenv("VOICE_RUNTIME_RECORDINGS__ACCESS_KEY_ID", "AKID")
    monkeypatch.setenv("VOICE_RUNTIME_RECORDINGS__SECRET_ACCESS_KEY", "s3-secret-value")
    recordings = Settings().recordings
    assert (recordings.backend, recordings.bucket) == ("s3", "calls")
    assert recordings.endpoint == "https://s3.internal:9000"
    assert recordings.secret_access_key is not None
    assert recordings.secret_access_key.get_secret_value() == "s3-secret-value"
    assert "s3-secret-value" not in repr(Settings())


def test_the_former_recordings_dir_still_sets_the_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("VOICE_RUNTIME_RECORDINGS_DIR", str(tmp_path))
    recordings = Settings().recordings
    assert (recordings.backend, recordings.dir) == ("dir", tmp_path)
