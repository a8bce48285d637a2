"""STT and TTS stay off public interfaces: compose binds them to loopback, the chart keeps them
behind ClusterIP Services and a NetworkPolicy, and both hand them their tokens from secrets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

helm = pytest.importorskip("helm_python", reason="needs `uv sync --group deploy`")

ROOT = Path(__file__).resolve().parents[3]
CHART = ROOT / "deploy/helm/switchboard"
SPEECH = ("stt", "tts")
Manifest = dict[str, Any]


def _render(values_file: str, **overrides: Any) -> list[Manifest]:
    values = yaml.safe_load((ROOT / "deploy/helm/ci" / values_file).read_text())
    values.update(overrides)
    rendered = helm.Chart.load(CHART).render(values, name="sb", namespace="switchboard")
    return [
        doc
        for path, text in rendered.items()
        if not path.endswith("NOTES.txt")
        for doc in yaml.safe_load_all(text)
        if isinstance(doc, dict)
    ]


def _named(manifests: list[Manifest], kind: str, name: str) -> Manifest:
    (found,) = [m for m in manifests if m["kind"] == kind and m["metadata"]["name"] == name]
    return found


def _secret_env(manifests: list[Manifest], component: str) -> dict[str, str]:
    deploy = _named(manifests, "Deployment", f"sb-switchboard-{component}")
    env = deploy["spec"]["template"]["spec"]["containers"][0]["env"]
    return {e["name"]: e["valueFrom"]["secretKeyRef"]["key"] for e in env}


@pytest.mark.parametrize("service", SPEECH)
def test_compose_publishes_the_speech_services_on_loopback_only(service: str) -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    ports = compose["services"][service].get("ports", [])
    assert all(str(port).startswith("127.0.0.1:") for port in ports), ports


def test_compose_hands_every_caller_the_token_its_service_requires() -> None:
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    stt, tts = "${STT_SERVICE_TOKEN:?", "${TTS_SERVICE_TOKEN:?"
    assert services["stt"]["environment"]["STT_SERVICE_TOKEN"].startswith(stt)
    assert services["tts"]["environment"]["TTS_SERVICE_TOKEN"].startswith(tts)
    runtime = services["voice-runtime"]["environment"]
    assert runtime["VOICE_RUNTIME_STT_TOKEN"].startswith(stt)
    assert runtime["VOICE_RUNTIME_TTS_TOKEN"].startswith(tts)
    assert services["control-plane"]["environment"]["CONTROL_PLANE_TTS_TOKEN"].startswith(tts)


@pytest.mark.parametrize("values_file", ["default-values.yaml", "gpu-values.yaml"])
def test_the_chart_keeps_speech_inside_the_cluster(values_file: str) -> None:
    manifests = _render(values_file, ingress={"enabled": True})
    for service in SPEECH:
        assert _named(manifests, "Service", f"sb-switchboard-{service}")["spec"]["type"] == (
            "ClusterIP"
        )
    (ingress,) = [m for m in manifests if m["kind"] == "Ingress"]
    backends = {
        path["backend"]["service"]["name"]
        for rule in ingress["spec"]["rules"]
        for path in rule["http"]["paths"]
    }
    assert backends == {"sb-switchboard-control-plane", "sb-switchboard-voice-runtime"}


def test_a_network_policy_admits_only_the_runtime_and_control_plane() -> None:
    manifests = _render("default-values.yaml")
    for service in SPEECH:
        policy = _named(manifests, "NetworkPolicy", f"sb-switchboard-{service}")
        selected = policy["spec"]["podSelector"]["matchLabels"]
        assert selected["app.kubernetes.io/component"] == service
        (rule,) = policy["spec"]["ingress"]
        callers = {peer["podSelector"]["matchLabels"]["app.kubernetes.io/component"]
                   for peer in rule["from"]}  # fmt: skip
        assert callers == {"voice-runtime", "control-plane"}
    off = _render("default-values.yaml", networkPolicy={"enabled": False})
    assert not [m for m in off if m["kind"] == "NetworkPolicy"]


def test_the_chart_passes_the_tokens_from_the_secret() -> None:
    manifests = _render("default-values.yaml")
    assert _secret_env(manifests, "stt")["STT_SERVICE_TOKEN"] == "stt-service-token"
    assert _secret_env(manifests, "tts")["TTS_SERVICE_TOKEN"] == "tts-service-token"
    runtime = _secret_env(manifests, "voice-runtime")
    assert runtime["VOICE_RUNTIME_STT_TOKEN"] == "stt-service-token"
    assert runtime["VOICE_RUNTIME_TTS_TOKEN"] == "tts-service-token"
    assert _secret_env(manifests, "control-plane")["CONTROL_PLANE_TTS_TOKEN"] == (
        "tts-service-token"
    )
    secret = _named(manifests, "Secret", "sb-switchboard-secrets")["stringData"]
    assert secret["stt-service-token"] and secret["tts-service-token"]
