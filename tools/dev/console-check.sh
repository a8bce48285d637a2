#!/usr/bin/env bash
# Rebuilds the admin console from source (services/control-plane/console, `npm ci` from its
# package-lock.json) and fails if the result differs from the bundle committed under
# services/control-plane/src/switchboard_control_plane/console/static (which the wheel and the
# images ship, so they need no node). `--write` updates the committed bundle instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null
fi
src=services/control-plane/console
committed=services/control-plane/src/switchboard_control_plane/console/static
(cd "$src" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
if [ "${1:-}" = "--write" ]; then
  node "$src/build.mjs" "$PWD/$committed"
  echo "console: bundle written to $committed"
  exit 0
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
node "$src/build.mjs" "$out"
if ! diff -r "$committed" "$out" >/dev/null; then
  echo "console: the committed bundle ($committed) differs from a build of $src;" >&2
  echo "console: run 'bash tools/dev/console-check.sh --write' and commit the result" >&2
  diff -rq "$committed" "$out" >&2 || true
  exit 1
fi
echo "console: committed bundle matches the source"
