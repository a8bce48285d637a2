#!/usr/bin/env bash
# Starts or stops the four services in the background; `down` stops only what `up` started (pids
# in .run/pids), logs in .run/logs. Usage: stack.sh up|down|status
set -euo pipefail
cd "$(dirname "$0")/../.."
UV="${UV:-$PWD/tools/dev/uv.sh}"
RUN_DIR=.run
PIDS=$RUN_DIR/pids
LOGS=$RUN_DIR/logs
declare -A PORTS=([control-plane]=8080 [voice-runtime]=8081 [stt]=8082 [tts]=8083)
ORDER=(stt tts control-plane voice-runtime)

# A development stack: the runtime's carrier REST calls (hang-up, transfer) go to the local fake
# carrier the demo and the simulator serve on 8099, TTS shares its phrase cache through Redis,
# and recordings land under .run/.
export VOICE_RUNTIME_TWILIO__API_BASE="${VOICE_RUNTIME_TWILIO__API_BASE:-http://127.0.0.1:8099}"
export TTS_REDIS_URL="${TTS_REDIS_URL:-redis://127.0.0.1:6379/0}"
export VOICE_RUNTIME_RECORDINGS_DIR="${VOICE_RUNTIME_RECORDINGS_DIR:-$PWD/$RUN_DIR/recordings}"

alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }
healthy() { curl -fsS -m 2 "http://127.0.0.1:${PORTS[$1]}/healthz" >/dev/null 2>&1; }

up() {
  mkdir -p "$PIDS" "$LOGS"
  for svc in "${ORDER[@]}"; do
    if alive "$svc"; then echo "$svc already running (pid $(cat "$PIDS/$svc.pid"))"; continue; fi
    if healthy "$svc"; then echo "port ${PORTS[$svc]} is taken by another process" >&2; exit 1; fi
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
  for svc in "${ORDER[@]}"; do
    if alive "$svc"; then state="running (pid $(cat "$PIDS/$svc.pid"))"; else state="not started"; fi
    if healthy "$svc"; then health=healthy; else health="no answer"; fi
    printf '%-14s %-24s port %s %s\n' "$svc" "$state" "${PORTS[$svc]}" "$health"
  done
}

"${1:?usage: stack.sh up|down|status}"
