# Sourced by stack.sh, demo.sh and ensure-services.sh: the settings of local stack number
# SWITCHBOARD_STACK (0-5, default 0), so that several stacks run side by side on one machine.
# Stack N serves on ports 8080+100N (control plane), +1 (voice runtime), +2 (STT), +3 (TTS) and
# +19 (the demo's fake carrier), keeps its data in the database `switchboard` (N=0) or
# `switchboard_stackN` and in Redis database 0 (N=0) or 8+N (9-13: databases no test uses), and its
# pids, logs, recordings and demo output under .run (N=0) or .run/stack-N. A variable already set in
# the environment (CONTROL_PLANE_PORT, ...) wins over the derived value.

SWITCHBOARD_STACK="${SWITCHBOARD_STACK:-0}"
if ! [[ "$SWITCHBOARD_STACK" =~ ^[0-5]$ ]]; then
  echo "SWITCHBOARD_STACK must be a stack number from 0 to 5, not '$SWITCHBOARD_STACK'" >&2
  exit 2
fi
export SWITCHBOARD_STACK

stack_port_base=$((8080 + 100 * SWITCHBOARD_STACK))
if [ "$SWITCHBOARD_STACK" = 0 ]; then
  stack_database=switchboard stack_redis_db=0 STACK_RUN_DIR=.run
else
  stack_database="switchboard_stack$SWITCHBOARD_STACK"
  stack_redis_db=$((8 + SWITCHBOARD_STACK))
  STACK_RUN_DIR=".run/stack-$SWITCHBOARD_STACK"
fi
stack_redis="redis://127.0.0.1:6379/$stack_redis_db"

# The variables below, in this order, are what `stack.sh env` prints.
STACK_ENV_NAMES=(
  CONTROL_PLANE_PORT CONTROL_PLANE_DATABASE_URL CONTROL_PLANE_REDIS_URL
  CONTROL_PLANE_VOICE_RUNTIME_PUBLIC_URL
  VOICE_RUNTIME_PORT VOICE_RUNTIME_PUBLIC_BASE_URL VOICE_RUNTIME_REDIS_URL VOICE_RUNTIME_STT_URL
  VOICE_RUNTIME_TTS_URL VOICE_RUNTIME_TWILIO__API_BASE VOICE_RUNTIME_RECORDINGS_DIR
  VOICE_RUNTIME_TELNYX__PUBLIC_KEY VOICE_RUNTIME_TELNYX__API_KEY VOICE_RUNTIME_TELNYX__API_BASE
  CONTROL_PLANE_RECORDINGS__DIR
  STT_PORT
  TTS_PORT TTS_REDIS_URL
  SWITCHBOARD_DEMO_CONTROL_PLANE_URL SWITCHBOARD_DEMO_RUNTIME_URL SWITCHBOARD_DEMO_STT_URL
  SWITCHBOARD_DEMO_TTS_URL SWITCHBOARD_DEMO_CARRIER_PORT SWITCHBOARD_DEMO_OUT_DIR
)

: "${CONTROL_PLANE_PORT:=$stack_port_base}"
: "${VOICE_RUNTIME_PORT:=$((stack_port_base + 1))}"
: "${STT_PORT:=$((stack_port_base + 2))}"
: "${TTS_PORT:=$((stack_port_base + 3))}"
: "${SWITCHBOARD_DEMO_CARRIER_PORT:=$((stack_port_base + 19))}"

: "${CONTROL_PLANE_DATABASE_URL:=postgresql+asyncpg://postgres@127.0.0.1:5432/$stack_database}"
: "${CONTROL_PLANE_REDIS_URL:=$stack_redis}"
: "${CONTROL_PLANE_VOICE_RUNTIME_PUBLIC_URL:=http://127.0.0.1:$VOICE_RUNTIME_PORT}"

# The runtime's carrier REST calls (hang-up, transfer) go to the fake carrier the demo and the
# simulator serve; TTS shares its phrase cache through the stack's Redis database.
: "${VOICE_RUNTIME_PUBLIC_BASE_URL:=https://localhost:$VOICE_RUNTIME_PORT}"
: "${VOICE_RUNTIME_REDIS_URL:=$stack_redis}"
: "${VOICE_RUNTIME_STT_URL:=http://127.0.0.1:$STT_PORT}"
: "${VOICE_RUNTIME_TTS_URL:=http://127.0.0.1:$TTS_PORT}"
: "${VOICE_RUNTIME_TWILIO__API_BASE:=http://127.0.0.1:$SWITCHBOARD_DEMO_CARRIER_PORT}"
: "${VOICE_RUNTIME_RECORDINGS_DIR:=$PWD/$STACK_RUN_DIR/recordings}"
# The platform's Telnyx account in development: the simulator's development signing key
# (switchboard_common.development) verifies against this public key; production refuses both.
: "${VOICE_RUNTIME_TELNYX__PUBLIC_KEY:=HOGOprPx0vvQIgX9msHRNIv+vKC2GMLP4Ep5bLaOd9E=}"
: "${VOICE_RUNTIME_TELNYX__API_KEY:=dev-telnyx-api-key}"
: "${VOICE_RUNTIME_TELNYX__API_BASE:=http://127.0.0.1:$SWITCHBOARD_DEMO_CARRIER_PORT}"
# The control plane serves (and prunes) the recordings the runtime writes there.
: "${CONTROL_PLANE_RECORDINGS__DIR:=$VOICE_RUNTIME_RECORDINGS_DIR}"
: "${TTS_REDIS_URL:=$stack_redis}"

: "${SWITCHBOARD_DEMO_CONTROL_PLANE_URL:=http://127.0.0.1:$CONTROL_PLANE_PORT}"
: "${SWITCHBOARD_DEMO_RUNTIME_URL:=http://127.0.0.1:$VOICE_RUNTIME_PORT}"
: "${SWITCHBOARD_DEMO_STT_URL:=http://127.0.0.1:$STT_PORT}"
: "${SWITCHBOARD_DEMO_TTS_URL:=http://127.0.0.1:$TTS_PORT}"
: "${SWITCHBOARD_DEMO_OUT_DIR:=$PWD/$STACK_RUN_DIR/demo}"

export "${STACK_ENV_NAMES[@]}"
unset stack_port_base stack_database stack_redis_db stack_redis
