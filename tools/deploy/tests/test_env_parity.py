"""The chart and docker compose give each service the same settings; .env.example documents them."""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel
from pydantic_settings import BaseSettings

from switchboard_common.development import PUBLIC_DEVELOPMENT_VALUES
from switchboard_control_plane.settings import Settings as ControlPlaneSettings
from switchboard_stt.settings import Settings as SttSettings
from switchboard_tts.settings import Settings as TtsSettings
from switchboard_voice_runtime.settings import Settings as VoiceRuntimeSettings

helm = pytest.importorskip("helm_python", reason="needs `uv sync --group deploy`")

ROOT = Path(__file__).resolve().parents[3]
# HOST and PORT come from the images under compose; compose leaves ENVIRONMENT at its default
# (development) except for the control plane, the one service that checks it.
UNCOMPARED = {"HOST", "PORT", "ENVIRONMENT"}
COMPONENTS = {"control-plane": "CONTROL_PLANE_", "voice-runtime": "VOICE_RUNTIME_"}
COMPONENTS |= {"stt": "STT_", "tts": "TTS_"}


def _chart_manifests(component: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The component's ConfigMap and Deployment, rendered from the CI GPU value set."""
    values = yaml.safe_load((ROOT / "deploy/helm/ci/gpu-values.yaml").read_text())
    rendered = helm.Chart.load(ROOT / "deploy/helm/switchboard").render(values, name="sb")
    docs: list[dict[str, Any]] = [
        d
        for path, text in rendered.items()
        if not path.endswith("NOTES.txt")
        for d in yaml.safe_load_all(text)
        if isinstance(d, dict)
    ]
    name = f"sb-switchboard-{component}"
    (config,) = [d for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"] == name]
    (deploy,) = [d for d in docs if d["kind"] == "Deployment" and d["metadata"]["name"] == name]
    return config, deploy


def _chart_env(component: str) -> set[str]:
    config, deploy = _chart_manifests(component)
    secret_env = deploy["spec"]["template"]["spec"]["containers"][0].get("env", [])
    return set(config["data"]) | {e["name"] for e in secret_env}


def _compose_env_values(component: str) -> dict[str, str | None]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    environment: dict[str, str | None] = compose["services"][component]["environment"]
    return environment


def _compose_env(component: str) -> set[str]:
    return set(_compose_env_values(component))


@pytest.mark.parametrize("component", sorted(COMPONENTS))
def test_chart_and_compose_set_the_same_variables(component: str) -> None:
    prefix = COMPONENTS[component]
    uncompared = {prefix + name for name in UNCOMPARED} | {"TTS_PIPER_USE_CUDA"}  # tts.env in CI
    assert _chart_env(component) - uncompared == _compose_env(component) - uncompared


def test_env_example_documents_each_variable_with_a_comment() -> None:
    lines = (ROOT / ".env.example").read_text().splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^(# )?[A-Z][A-Z0-9_]+=", line):
            assert lines[index - 1].startswith("# ") and "=" not in lines[index - 1].split()[1], (
                f"{line.split('=')[0]} has no comment line above it"
            )


SETTINGS: dict[str, type[BaseSettings]] = {
    "control-plane": ControlPlaneSettings,
    "voice-runtime": VoiceRuntimeSettings,
    "stt": SttSettings,
    "tts": TtsSettings,
}
# Settings that neither compose nor the chart set: tuning whose code default is the deployed
# value (the chart's `<service>.env` still reaches them), former names, and the service name.
# A new settings field must be carried by compose and the chart, or named here.
INTERNAL = {"SERVICE_NAME", "RECORDINGS__TIMEOUT_S"} | {
    "KAFKA__" + name
    for name in (
        "CLIENT_ID", "SECURITY_PROTOCOL", "SASL_MECHANISM", "SASL_USERNAME", "SASL_PASSWORD",
        "ENABLE_IDEMPOTENCE", "BUFFER_MAX_MESSAGES", "REQUEST_TIMEOUT_MS", "RETRY_BACKOFF_MS",
        "LINGER_MS", "CONSUMER_GROUP",
    )
}  # fmt: skip
INTERNAL_BY_COMPONENT = {
    "control-plane": {
        "POLICY_DIR", "RUN_WORKERS", "PUBLISHER_POLL_S", "OUTBOX_RETENTION_S", "OUTBOX_UPKEEP_S",
        "EVENTS_CLAIM_IDLE_MS", "EPOCH_CHECK_S", "CALL_LOST_AFTER_S", "LOST_CALLS_SWEEP_S",
        "REDIS_TIMEOUT_S", "RECORDING_RETENTION_SWEEP_S",
    },
    "voice-runtime": {
        "STT_TIMEOUT_S", "TTS_TIMEOUT_S", "TWILIO__REST_TIMEOUT_S", "TWILIO__REST_ATTEMPTS",
        "TELNYX__REST_TIMEOUT_S", "TELNYX__REST_ATTEMPTS", "PENDING_LEASE_TTL_S",
        "WEBHOOK_MAX_BODY_BYTES", "EVENT_BUFFER_SIZE", "CONFIG_RECOVERY_WAIT_S", "FILLER_AFTER_S",
        "RECORDINGS_DIR", "HTTP_TOOLS_ALLOW_PRIVATE_ADDRESSES",  # former names
    },
    "stt": {
        "CPU_THREADS", "CACHE_DIR", "WARMUP", "RETRY_AFTER_S", "LANGUAGE", "BEAM_SIZE",
        "TEMPERATURE_FALLBACK", "CONDITION_ON_PREVIOUS_TEXT", "WITHOUT_TIMESTAMPS",
        "SHORT_WINDOW_MAX_MS", "TRIM_LEAD_IN", "SHORT_WINDOW_MIN_MS", "SHORT_WINDOW_MARGIN_MS",
        "VAD_MIN_AUDIO_MS", "PROMPT_NO_SPEECH_THRESHOLD", "PARTIAL_INTERVAL_MS",
        "MAX_UTTERANCE_MS",
    },
    "tts": {
        "PIPER_VOICE_DIRS", "WARMUP", "MAX_BODY_BYTES", "FIRST_CHUNK_MAX_CHARS",
        "MAX_CHUNK_CHARS", "MAX_CONCURRENCY", "MAX_QUEUE", "RETRY_AFTER_S", "CACHE_KEY_PREFIX",
        "CACHE_TTL_S", "CACHE_MEMORY_BYTES", "CACHE_MAX_ENTRY_BYTES",
        "CACHE_REDIS_MAX_BYTES_PER_VOICE", "CACHE_REDIS_TIMEOUT_S", "CACHE_REDIS_RETRY_S",
        # the chunked Piper decoder's switch, schedule and split cache keep their defaults
        # (docs/speech.md); an image that cannot write the cache re-splits at start (~2.5 s)
        "PIPER_CHUNKED_DECODER", "PIPER_CHUNK_FRAMES", "PIPER_SPLIT_CACHE_DIR",
        "COQUI_XTTS_STREAM_CHUNK_TOKENS",  # XTTS streaming's tuning (docs/speech.md)
    },
}  # fmt: skip


def _nested_model(annotation: object) -> type[BaseModel] | None:
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _fields(model: type[BaseModel], prefix: str = "") -> dict[str, object]:
    """Each settings field's variable name without the service prefix (``KAFKA__ENABLED``), with
    its annotation; nested models are flattened with ``__`` as pydantic-settings reads them."""
    fields: dict[str, object] = {}
    for name, info in model.model_fields.items():
        nested = _nested_model(info.annotation)
        if nested is not None:
            fields |= _fields(nested, f"{prefix}{name.upper()}__")
        else:
            fields[prefix + name.upper()] = info.annotation
    return fields


@pytest.mark.parametrize("component", sorted(COMPONENTS))
def test_every_settings_field_is_deployed_or_named_internal(component: str) -> None:
    prefix = COMPONENTS[component]
    fields = set(_fields(SETTINGS[component]))
    internal = INTERNAL | INTERNAL_BY_COMPONENT[component]
    deployed = {name.removeprefix(prefix) for name in _chart_env(component)}
    deployed |= {name.removeprefix(prefix) for name in _compose_env(component)}
    assert fields - deployed - internal == set(), "carry these in compose and the chart"
    assert deployed & INTERNAL_BY_COMPONENT[component] == set(), "deployed: not internal"
    assert INTERNAL_BY_COMPONENT[component] <= fields, "internal names that are no settings"


def _env_example() -> dict[str, str]:
    """Every variable .env.example names (set or commented out), with its example value."""
    found = re.findall(
        r"^(?:# )?([A-Z][A-Z0-9_]+)=(.*)$", (ROOT / ".env.example").read_text(), re.M
    )
    return dict(found)


def test_every_service_variable_of_env_example_reaches_its_service() -> None:
    """A variable .env.example offers but compose does not hand over would be silently ignored."""
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    for name in _env_example():
        component = next((c for c, p in COMPONENTS.items() if name.startswith(p)), None)
        if component is not None:
            assert name in services[component]["environment"], f"{name}: compose ignores it"


def _source_variable(expression: str | None, name: str) -> str:
    """The .env variable a compose entry reads: ``${VAR:-x}`` reads VAR, a bare entry its name."""
    match = re.match(r"\$\{([A-Z0-9_]+)", str(expression or ""))
    return match.group(1) if match else name


@pytest.mark.parametrize("component", sorted(COMPONENTS))
def test_env_example_secrets_are_development_values_production_refuses(component: str) -> None:
    prefix, example = COMPONENTS[component], _env_example()
    environment = _compose_env_values(component)
    secrets = [n for n, a in _fields(SETTINGS[component]).items() if "SecretStr" in str(a)]
    for field in secrets:
        source = _source_variable(environment.get(prefix + field), prefix + field)
        value = example.get(source, "")
        assert not value or value in PUBLIC_DEVELOPMENT_VALUES, f"{source}={value} is not refused"


@pytest.mark.parametrize("component", sorted(COMPONENTS))
def test_the_chart_passes_secret_settings_from_the_secret_only(component: str) -> None:
    prefix = COMPONENTS[component]
    secrets = {prefix + n for n, a in _fields(SETTINGS[component]).items() if "SecretStr" in str(a)}
    config, deploy = _chart_manifests(component)
    from_secret = {e["name"] for e in deploy["spec"]["template"]["spec"]["containers"][0]["env"]}
    assert secrets & set(config["data"]) == set()
    assert secrets & _compose_env(component) <= from_secret, "compose passes it, the chart not"
