#!/usr/bin/env bash
# `make demo`: start the stack (unless it already runs), publish the demo tenant through the control
# plane's API, place the scripted call with the simulator, print the turns and latencies, then stop
# what it started (keep it with SWITCHBOARD_DEMO_KEEP_RUNNING=1). SWITCHBOARD_STACK=N calls stack N.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/dev/stack_env.sh
started=0
if ! bash tools/dev/stack.sh running; then
  bash tools/dev/stack.sh up
  started=1
fi
console_url_file="$SWITCHBOARD_DEMO_OUT_DIR/console_url.txt"
rm -f "$console_url_file"
cleanup() {
  if [ "$started" = 1 ] && [ "${SWITCHBOARD_DEMO_KEEP_RUNNING:-0}" != 1 ]; then
    bash tools/dev/stack.sh down
    return
  elif [ "$started" = 1 ]; then
    prefix=""; [ "$SWITCHBOARD_STACK" = 0 ] || prefix="SWITCHBOARD_STACK=$SWITCHBOARD_STACK "
    echo "The stack keeps running (${prefix}make down stops it)."
  fi
  # The stack runs on (kept, or started before the demo): the demo call in the admin console.
  if [ -s "$console_url_file" ]; then
    echo "The demo call in the console (sign in with the key in CONTROL_PLANE_BOOTSTRAP_ADMIN_KEY;"
    echo "in development: sb_dev_bootstrap_admin_key): $(cat "$console_url_file")"
  fi
}
trap cleanup EXIT
"${UV:-$PWD/tools/dev/uv.sh}" run --locked python tools/demo/run_demo.py "$@"
