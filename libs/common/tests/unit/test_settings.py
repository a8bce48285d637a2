"""Settings: per-service prefix, nested groups with __, SecretStr, secrets directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel, SecretStr
from pydantic_settings import SettingsConfigDict

from switchboard_common.settings import SECRETS_DIR_ENV, BaseServiceSettings


class _Group(BaseModel):
    name: str = "tiny.en"
    workers: int = 1


class _Settings(BaseServiceSettings):
    model_config = SettingsConfigDict(env_prefix="DEMO_", env_nested_delimiter="__", extra="ignore")

    api_key: SecretStr = SecretStr("")
    model: _Group = _Group()


def test_prefix_nested_groups_and_secret_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMO_PORT", "9001")
    monkeypatch.setenv("DEMO_MODEL__NAME", "base")
    monkeypatch.setenv("DEMO_API_KEY", "hunter2")
    settings = _Settings.from_env()
    assert settings.port == 9001
    assert settings.model.name == "base"
    assert settings.api_key.get_secret_value() == "hunter2"
    assert "hunter2" not in repr(settings)


def test_secrets_directory_supplies_secret_fields(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "DEMO_API_KEY").write_text("from-file")
    monkeypatch.setenv(SECRETS_DIR_ENV, str(tmp_path))
    assert _Settings.from_env().api_key.get_secret_value() == "from-file"


def test_invalid_values_are_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMO_PORT", "99999")
    with pytest.raises(ValueError, match="port"):
        _Settings.from_env()
