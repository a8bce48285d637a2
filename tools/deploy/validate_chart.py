"""Lints and renders the Helm chart for each CI value set; checks it against Kubernetes schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import helm_python as helm
import kubernetes_validate  # type: ignore[import-untyped]
import yaml

# Kinds whose schema is a CRD, not part of Kubernetes: skipped by name, nothing else is.
CRD_KINDS = frozenset({"ServiceMonitor"})
KUBE_VERSION = "1.30.0"
LINT_WARNING = 2


def render(chart_dir: Path, values: dict[str, Any]) -> list[dict[str, Any]]:
    """The chart's manifests for ``values``, as a fresh install named ``sb`` would create them."""
    chart = helm.Chart.load(chart_dir)
    rendered = chart.render(values, name="sb", namespace="switchboard", is_install=True)
    documents: list[dict[str, Any]] = []
    for path, text in sorted(rendered.items()):
        if path.endswith("NOTES.txt"):
            continue
        documents += [doc for doc in yaml.safe_load_all(text) if doc]
    return documents


def check_values_file(chart_dir: Path, values_file: Path) -> list[str]:
    """Problems found for one value set: lint findings, render errors, schema violations."""
    values = yaml.safe_load(values_file.read_text()) or {}
    report = helm.lint(chart_dir, values, strict=True, kube_version=f"v{KUBE_VERSION}")
    problems = [
        f"lint {m['path']}: {m['error']}"
        for m in report["messages"]
        if m["severity"] >= LINT_WARNING
    ] + [f"lint: {error}" for error in report["errors"]]
    try:
        documents = render(chart_dir, values)
    except helm.HelmError as exc:
        return [*problems, f"render: {exc}"]
    for doc in documents:
        name = f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"
        if doc.get("kind") in CRD_KINDS:
            continue
        try:
            kubernetes_validate.validate(doc, KUBE_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            path = ".".join(str(p) for p in exc.path)
            problems.append(f"{name}: {path}: {exc.message}")
        except kubernetes_validate.SchemaNotFoundError:
            problems.append(f"{name}: no Kubernetes schema for this kind")
    print(f"{values_file}: {len(documents)} manifests, {len(problems)} problems")
    return problems


def check_bad_values_rejected(chart_dir: Path, values_file: Path) -> list[str]:
    """A values file that breaks values.schema.json must not render."""
    values = yaml.safe_load(values_file.read_text()) or {}
    try:
        helm.Chart.load(chart_dir).render(values, name="sb", namespace="switchboard")
    except helm.HelmValuesError as exc:
        print(f"{values_file}: rejected as expected ({str(exc).splitlines()[-1].strip()})")
        return []
    return [f"{values_file}: the schema accepted values it must reject"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chart", type=Path, default=Path("deploy/helm/switchboard"))
    parser.add_argument("--values-dir", type=Path, default=Path("deploy/helm/ci"))
    args = parser.parse_args()
    helm.disable_logging()
    problems: list[str] = []
    for values_file in sorted(args.values_dir.glob("*-values.yaml")):
        problems += check_values_file(args.chart, values_file)
    bad = sorted(args.values_dir.glob("invalid/*.yaml"))
    if not bad:
        problems.append(f"no invalid value sets under {args.values_dir}/invalid")
    for values_file in bad:
        problems += check_bad_values_rejected(args.chart, values_file)
    for problem in problems:
        print(f"FAIL {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
