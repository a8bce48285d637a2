"""What the Helm chart promises an SRE, checked on its rendered manifests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

helm = pytest.importorskip("helm_python", reason="needs `uv sync --group deploy`")

ROOT = Path(__file__).resolve().parents[3]
CHART = ROOT / "deploy" / "helm" / "switchboard"
CI_VALUES = ROOT / "deploy" / "helm" / "ci"

Manifest = dict[str, Any]


def _values(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((CI_VALUES / f"{name}-values.yaml").read_text())
    return loaded


def _render(values: dict[str, Any]) -> list[Manifest]:
    chart = helm.Chart.load(CHART)
    rendered: dict[str, str] = chart.render(values, name="sb", namespace="sw", is_install=True)
    return [
        doc
        for path, text in rendered.items()
        if not path.endswith("NOTES.txt")
        for doc in yaml.safe_load_all(text)
        if doc
    ]


def _find(manifests: list[Manifest], kind: str, name: str) -> Manifest:
    (found,) = [m for m in manifests if m["kind"] == kind and m["metadata"]["name"] == name]
    return found


def _pod(manifests: list[Manifest], component: str) -> dict[str, Any]:
    spec: dict[str, Any] = _find(manifests, "Deployment", f"sb-switchboard-{component}")["spec"]
    return spec["template"]["spec"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def default_manifests() -> list[Manifest]:
    return _render(_values("default"))


@pytest.fixture(scope="module")
def gpu_manifests() -> list[Manifest]:
    return _render(_values("gpu"))


def test_gpu_pool_takes_stt_with_a_gpu_limit_and_cuda(gpu_manifests: list[Manifest]) -> None:
    pod = _pod(gpu_manifests, "stt")
    container = pod["containers"][0]
    assert container["resources"]["limits"]["nvidia.com/gpu"] == 1
    assert pod["nodeSelector"]["cloud.google.com/gke-accelerator"] == "nvidia-l4"
    assert {"key": "nvidia.com/gpu", "operator": "Equal", "value": "present"}.items() <= (
        pod["tolerations"][0].items()
    )
    assert container["image"].endswith(":1.2.3-cuda")
    config = _find(gpu_manifests, "ConfigMap", "sb-switchboard-stt")["data"]
    assert config["STT_DEVICE"] == "cuda"


def test_default_install_keeps_every_pod_off_gpus(default_manifests: list[Manifest]) -> None:
    for component in ("control-plane", "voice-runtime", "stt", "tts"):
        pod = _pod(default_manifests, component)
        assert "nvidia.com/gpu" not in json.dumps(pod)
        assert "nodeSelector" not in pod
    assert (
        _find(default_manifests, "ConfigMap", "sb-switchboard-stt")["data"]["STT_DEVICE"] == "auto"
    )


def test_runtime_pods_drain_before_they_are_killed(default_manifests: list[Manifest]) -> None:
    values = yaml.safe_load((CHART / "values.yaml").read_text())["voiceRuntime"]
    pod = _pod(default_manifests, "voice-runtime")
    assert pod["terminationGracePeriodSeconds"] > (
        values["drainTimeoutSeconds"] + values["preStopDelaySeconds"]
    )
    command = " ".join(pod["containers"][0]["lifecycle"]["preStop"]["exec"]["command"])
    assert "kill -TERM 1" in command
    pdb = _find(default_manifests, "PodDisruptionBudget", "sb-switchboard-voice-runtime")
    assert pdb["spec"]["selector"]["matchLabels"]["app.kubernetes.io/component"] == "voice-runtime"
    config = _find(default_manifests, "ConfigMap", "sb-switchboard-voice-runtime")["data"]
    assert config["VOICE_RUNTIME_DRAIN_TIMEOUT_S"] == str(values["drainTimeoutSeconds"])


def test_migration_runs_as_a_hook_after_its_secret(default_manifests: list[Manifest]) -> None:
    job = _find(default_manifests, "Job", "sb-switchboard-migrate")
    secret = _find(default_manifests, "Secret", "sb-switchboard-secrets")
    for hooked in (job, secret):
        assert hooked["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
    weight = "helm.sh/hook-weight"
    assert int(secret["metadata"]["annotations"][weight]) < int(
        job["metadata"]["annotations"][weight]
    )
    container = job["spec"]["template"]["spec"]["containers"][0]
    assert container["args"] == ["migrate"]
    assert "CONTROL_PLANE_DATABASE_URL" in {e["name"] for e in container["env"]}


def test_secret_values_never_land_in_configmaps_or_pod_specs(
    default_manifests: list[Manifest],
) -> None:
    secret_values = [v for v in _values("default")["secrets"].values() if isinstance(v, str)]
    for manifest in default_manifests:
        if manifest["kind"] == "Secret":
            continue
        text = json.dumps(manifest)
        assert not [v for v in secret_values if v in text], manifest["metadata"]["name"]


def test_an_existing_secret_replaces_the_chart_secret() -> None:
    manifests = _render(_values("external-secrets"))
    assert not [m for m in manifests if m["kind"] == "Secret"]
    env = _pod(manifests, "control-plane")["containers"][0]["env"]
    names = {e["valueFrom"]["secretKeyRef"]["name"] for e in env}
    assert names == {"switchboard-prod-secrets"}


def test_the_schema_rejects_a_misspelt_key() -> None:
    with pytest.raises(helm.HelmValuesError, match="enable"):
        helm.Chart.load(CHART).validate_schema({"gpu": {"enable": True}})
