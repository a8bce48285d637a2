#!/usr/bin/env bash
# Runs the pinned uv with the given arguments (`tools/dev/uv.sh sync --locked`), installing it first
# when missing: a `uv` on PATH is used only at exactly the pinned version; otherwise the pinned uv is
# installed from PyPI with pip into a private venv (.run/tools/uv-venv, or SWITCHBOARD_UV_VENV),
# which also works where the system Python refuses `pip install` (PEP 668); the venv is made with
# `python3` on PATH, or PYTHON. `tools/dev/uv.sh --which` prints the uv it would run. Every Makefile
# target and .ci/run go through this script.
set -euo pipefail

UV_VERSION=0.13.8
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${SWITCHBOARD_UV_VENV:-$root/.run/tools/uv-venv}"

log() { printf 'uv.sh: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
is_pinned() { [ -x "$1" ] && [ "$("$1" --version 2>/dev/null | awk '{print $2}')" = "$UV_VERSION" ]; }

# Creates the venv; on a Debian without python3-venv (no ensurepip), installs it when root or
# passwordless sudo allows, else says exactly what to run.
make_venv() {
  local python=$1 package
  if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    package="python$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv"
    if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; }
    then
      log "$python has no venv/ensurepip module: installing $package with apt"
      as_root apt-get update -qq
      DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$package" >/dev/null
    else
      log "$python cannot create a virtual environment: its venv/ensurepip module is missing."
      log "Install it, then run the command again:  sudo apt-get install $package"
      log "(or name a Python 3.11 that has it: PYTHON=/path/to/python3.11 make ...)"
      return 1
    fi
  fi
  "$python" -m venv --clear "$venv" >&2
}

install_pinned() {
  local python="${PYTHON:-python3}"
  command -v "$python" >/dev/null 2>&1 || { log "no $python on PATH: install Python 3.11"; exit 1; }
  mkdir -p "$(dirname "$venv")"
  # One installer at a time (make -j, several services started at once); the others then reuse it.
  exec 9>"$venv.lock"
  flock 9
  is_pinned "$venv/bin/uv" && return 0
  log "installing uv $UV_VERSION from PyPI into $venv"
  make_venv "$python" || exit 1
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    "uv==$UV_VERSION" >&2
  is_pinned "$venv/bin/uv" || { log "the installed uv is not $UV_VERSION"; exit 1; }
}

resolve() {
  local on_path
  on_path="$(command -v uv 2>/dev/null || true)"
  if [ -n "$on_path" ] && is_pinned "$on_path"; then echo "$on_path"; return; fi
  is_pinned "$venv/bin/uv" || install_pinned
  echo "$venv/bin/uv"
}

uv="$(resolve)"
if [ "${1:-}" = "--which" ]; then echo "$uv"; exit 0; fi
exec "$uv" "$@"
