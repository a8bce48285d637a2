#!/usr/bin/env bash
# Makes sure Debian's chromium is installed (the console's browser tests drive it with
# Playwright; Playwright's own browser download is never used) and prints its path.
set -euo pipefail
path="${SWITCHBOARD_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$path" ]; then
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi
[ -x "$path" ] || { echo "chromium is not at $path" >&2; exit 1; }
echo "$path"
