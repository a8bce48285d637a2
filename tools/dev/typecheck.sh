#!/usr/bin/env bash
# mypy --strict over each workspace member's src and tests, and the dev scripts under tools/ (one run per member, so test modules of
# different members may share names).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
uv="${UV:-$root/tools/dev/uv.sh}"  # the pinned uv (tools/dev/uv.sh), or the one make passes
status=0
for member in libs/common services/control-plane services/voice-runtime services/stt services/tts tools/callsim tools/deploy tools/bench tools/demo tools/dev; do
  [ -d "$root/$member" ] || continue
  targets=()
  for dir in src tests; do [ -d "$root/$member/$dir" ] && targets+=("$dir"); done
  for script in "$root/$member"/*.py; do [ -f "$script" ] && targets+=("$(basename "$script")"); done
  [ "${#targets[@]}" -gt 0 ] || continue
  echo "mypy $member"
  (cd "$root/$member" && MYPYPATH=src "$uv" run --locked mypy --config-file "$root/pyproject.toml" "${targets[@]}") || status=1
done
exit $status
