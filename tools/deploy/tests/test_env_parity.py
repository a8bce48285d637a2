"""The chart and docker compose give each service the same settings; .env.example documents them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

helm = pytest.importorskip("helm_python", reason="needs `uv sync --group deploy`")

ROOT = Path(__file__).resolve().parents[3]
# HOST and PORT come from the images under compose; compose leaves ENVIRONMENT at its default
# (development) except for the control plane, the one service that checks it.
UNCOMPARED = {"HOST", "PORT", "ENVIRONMENT"}
COMPONENTS = {"control-plane": "CONTROL_PLANE_", "voice-runtime": "VOICE_RUNTIME_"}
COMPONENTS |= {"stt": "STT_", "tts": "TTS_"}


def _chart_env(component: str) -> set[str]:
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
    secret_env = deploy["spec"]["template"]["spec"]["containers"][0].get("env", [])
    return set(config["data"]) | {e["name"] for e in secret_env}


def _compose_env(component: str) -> set[str]:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return set(compose["services"][component]["environment"])


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
