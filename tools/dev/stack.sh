#!/usr/bin/env bash
# Starts or stops the four services in the background; `down` stops only what `up` started (pids
# in .run/pids), logs in .run/logs. SWITCHBOARD_STACK=N (0-5) runs stack N beside the others on its
# own ports, database and Redis database (tools/dev/stack_env.sh); `env` prints what a stack uses.
# Usage: stack.sh up|down|status|running|env
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/dev/stack_env.sh
UV="${UV:-$PWD/tools/dev/uv.sh}"
RUN_DIR=$STACK_RUN_DIR
PIDS=$RUN_DIR/pids
LOGS=$RUN_DIR/logs
declare -A PORTS=([control-plane]=$CONTROL_PLANE_PORT [voice-runtime]=$VOICE_RUNTIME_PORT
  [stt]=$STT_PORT [tts]=$TTS_PORT)
ORDER=(stt tts control-plane voice-runtime)

alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }
healthy() { curl -fsS -m 2 "http://127.0.0.1:${PORTS[$1]}/healthz" >/dev/null 2>&1; }

up() {
  mkdir -p "$PIDS" "$LOGS"
  for svc in "${ORDER[@]}"; do
    if alive "$svc"; then echo "$svc already running (pid $(cat "$PIDS/$svc.pid"))"; continue; fi
    if healthy "$svc"; then
      echo "port ${PORTS[$svc]} is taken by another process (another stack there? give this one" \
        "its own number: SWITCHBOARD_STACK=1 make up)" >&2
      exit 1
    fi
    setsid nohup "$UV" run --locked "switchboard-$svc" >>"$LOGS/$svc.log" 2>&1 < /dev/null &
    echo $! >"$PIDS/$svc.pid"
  done
  for svc in "${ORDER[@]}"; do
    for _ in $(seq 1 240); do healthy "$svc" && break; alive "$svc" || break; sleep 0.5; done
    if healthy "$svc"; then
      echo "$svc up on http://127.0.0.1:${PORTS[$svc]} (log: $LOGS/$svc.log)"
    else
      echo "$svc failed to start; last log lines:" >&2; tail -n 20 "$LOGS/$svc.log" >&2; exit 1
    fi
  done
}

down() {
  for svc in "${ORDER[@]}"; do
    [ -f "$PIDS/$svc.pid" ] || continue
    pid=$(cat "$PIDS/$svc.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL -- "-$pid" 2>/dev/null || true
      echo "$svc stopped"
    fi
    rm -f "$PIDS/$svc.pid"
  done
}

status() {
  echo "stack $SWITCHBOARD_STACK (SWITCHBOARD_STACK), pids and logs in $RUN_DIR"
  for svc in "${ORDER[@]}"; do
    if alive "$svc"; then state="running (pid $(cat "$PIDS/$svc.pid"))"; else state="not started"; fi
    if healthy "$svc"; then health=healthy; else health="no answer"; fi
    printf '%-14s %-24s port %s %s\n' "$svc" "$state" "${PORTS[$svc]}" "$health"
  done
}

# Exit status 0 when a service `up` started for this stack still runs.
running() {
  for svc in "${ORDER[@]}"; do alive "$svc" && return 0; done
  return 1
}

print_env() {
  echo "SWITCHBOARD_STACK=$SWITCHBOARD_STACK"
  for name in "${STACK_ENV_NAMES[@]}"; do echo "$name=${!name}"; done
}

case "${1:-}" in
  up | down | status | running) "$1" ;;
  env) print_env ;;
  *) echo "usage: stack.sh up|down|status|running|env" >&2; exit 2 ;;
esac
