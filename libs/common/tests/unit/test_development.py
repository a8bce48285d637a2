"""Production refuses every public development value, including each secret in .env.example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import SecretStr

from switchboard_common.development import PUBLIC_DEVELOPMENT_VALUES, refuse_development_values

ENV_EXAMPLE = Path(__file__).resolve().parents[4] / ".env.example"
SECRET_NAME = re.compile(r"(KEY|KEYS|SECRET|TOKEN|PEPPER|PASSWORD)$")


def _env_example_secrets() -> dict[str, str]:
    """Secret-named variables of .env.example (commented examples too), and the password
    inside each URL."""
    secrets: dict[str, str] = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.match(r"^#?\s*([A-Z][A-Z0-9_]*)=(\S+)$", line)
        if match is None:
            continue
        name, value = match.groups()
        if SECRET_NAME.search(name):
            secrets[name] = value
        password = re.match(r"^\w[\w+]*://[^:/@]+:([^@]+)@", value)
        if password is not None:
            secrets[f"{name} (password)"] = password.group(1)
    return secrets


def test_every_secret_of_env_example_is_a_refused_value() -> None:
    secrets = _env_example_secrets()
    assert len(secrets) >= 8
    missing = {n: v for n, v in secrets.items() if v not in PUBLIC_DEVELOPMENT_VALUES}
    assert missing == {}


def test_production_names_each_field_holding_a_development_value() -> None:
    fields: dict[str, SecretStr | str | None] = {
        "api_key": SecretStr("sb_dev_bootstrap_admin_key"),
        "database_url": "postgresql://postgres:switchboard-dev-password@db:5432/x",
        "keyring": "real:cmVhbC1rZXk=,old:ZGV2LWtleS1lbmNyeXB0aW9uLWtleS0zMi1ieXRlcyE=",
        "real": SecretStr("a-real-secret"),
        "unset": None,
    }
    with pytest.raises(ValueError, match=r"for: api_key, database_url, keyring$"):
        refuse_development_values("production", fields)
    refuse_development_values("development", fields)
