#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on 127.0.0.1 (5432, 6379): starts them when installed but
# stopped, installs them from Debian's packages when missing, and creates the databases the tests
# and the local stack (SWITCHBOARD_STACK, tools/dev/stack_env.sh) use. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/dev/stack_env.sh

log() { printf 'ensure-services: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local port=$1 name=$2
  for _ in $(seq 1 60); do port_open "$port" && return 0; sleep 0.5; done
  log "$name did not come up on port $port"; return 1
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

ensure_postgres() {
  if port_open 5432; then return 0; fi
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing PostgreSQL"; apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1)
  if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
    as_root pg_createcluster "$version" main >/dev/null
  fi
  local conf="/etc/postgresql/$version/main"
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$conf/pg_hba.conf" 2>/dev/null; then
    as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' "$conf/pg_hba.conf"
  fi
  # A freshly installed package may have started the cluster already: then reload the trust rules.
  if port_open 5432; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  else
    log "starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  wait_port 5432 PostgreSQL
}

ensure_database() {
  local db=$1
  if ! psql -h 127.0.0.1 -U postgres -v db="$db" -tA <<<"select 1 from pg_database where datname = :'db'" \
      | grep -q 1; then
    log "creating database $db"
    psql -h 127.0.0.1 -U postgres -v db="$db" -v ON_ERROR_STOP=1 -q <<<'create database :"db"'
  fi
}

# The stack's database, when its URL names this machine's PostgreSQL.
stack_database() {
  local url=$CONTROL_PLANE_DATABASE_URL
  [[ "$url" =~ @(127\.0\.0\.1|localhost):5432/([^/?]+) ]] && echo "${BASH_REMATCH[2]}"
}

ensure_redis() {
  if port_open 6379; then return 0; fi
  if ! command -v redis-server >/dev/null 2>&1; then log "installing Redis"; apt_install redis-server; fi
  # The package may have started its own server already.
  if port_open 6379; then return 0; fi
  log "starting Redis"
  as_root mkdir -p /var/lib/redis /var/log/redis
  as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" \
    --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_port 6379 Redis
}

ensure_postgres
ensure_database test
ensure_database switchboard
db=$(stack_database || true)
if [ -n "$db" ] && [ "$db" != switchboard ]; then ensure_database "$db"; fi
ensure_redis
log "PostgreSQL and Redis are up"
