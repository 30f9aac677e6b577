# Shared helpers of the benchmark scripts; sourced, not run.
#
#   WORK           work dir (first argument of every script; default /tmp/edubureau-bench)
#   EDUBUREAU_BIN  use this binary instead of building one
#   BENCH_RUNS     repetitions of each timed measurement (default 3; the median is reported)
#   BENCH_PG=0     skip the PostgreSQL half of a script
#   BENCH_FRESH=1  rebuild cached databases and files under $WORK/data
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${WORK:-/tmp/edubureau-bench}
RUNS=${BENCH_RUNS:-3}
BENCH_PG=${BENCH_PG:-1}
BENCH_FRESH=${BENCH_FRESH:-0}
mkdir -p "$WORK"/{bin,data,logs,results}
WORK=$(cd "$WORK" && pwd)
DATA=$WORK/data
LOGS=$WORK/logs
RESULTS=$WORK/results
BIN=$WORK/bin/edubureau

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# ---- cleanup: every script registers what it started here -------------------
CLEANUPS=()
on_exit() {
  local i
  for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do eval "${CLEANUPS[$i]}" || true; done
}
trap on_exit EXIT
trap 'exit 130' INT TERM
at_exit() { CLEANUPS+=("$1"); }

# ---- build --------------------------------------------------------------------
# Builds `cargo build --release -p edubureau` in the repository and copies the
# binary to $WORK/bin, so a rebuild by someone else during a run cannot swap
# the binary under the benchmark. If the working tree does not build (e.g. a
# half-written crate of another work area under crates/), the committed HEAD
# is built instead, from an export in $WORK/src with its own target dir
# (seeded from the repository's target/release so dependencies are reused).
build() {
  if [ -n "${EDUBUREAU_BIN:-}" ]; then
    cp "$EDUBUREAU_BIN" "$BIN"
    BUILT_FROM="given binary $EDUBUREAU_BIN"
  elif (cd "$REPO" && cargo build --release -p edubureau >"$LOGS/build.log" 2>&1); then
    cp "$REPO/target/release/edubureau" "$BIN"
    BUILT_FROM="working tree at $(cd "$REPO" && git rev-parse --short HEAD)$(cd "$REPO" && [ -z "$(git status --porcelain -- crates Cargo.toml Cargo.lock)" ] || echo ' + uncommitted changes')"
  else
    log "the working tree does not build ($(tail -n 3 "$LOGS/build.log" | tr '\n' ' '));"
    log "building the committed HEAD from an export in $WORK/src instead"
    rm -rf "$WORK/src" && mkdir -p "$WORK/src" "$WORK/target"
    (cd "$REPO" && git archive HEAD) | tar -x -C "$WORK/src"
    [ -d "$WORK/target/release" ] || cp -a "$REPO/target/release" "$WORK/target/" 2>/dev/null || true
    (cd "$WORK/src" && CARGO_TARGET_DIR="$WORK/target" cargo build --release -p edubureau >"$LOGS/build.log" 2>&1) ||
      die "build failed, see $LOGS/build.log"
    cp "$WORK/target/release/edubureau" "$BIN"
    BUILT_FROM="committed HEAD $(cd "$REPO" && git rev-parse --short HEAD) (working tree did not build)"
  fi
  export BUILT_FROM
  log "binary: $BIN ($BUILT_FROM)"
}

# ---- small utilities ------------------------------------------------------------
now() { date +%s.%N; }
# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# fmt NUMBER [DECIMALS]
fmt() { LC_ALL=C printf "%.${2:-0}f" "$1"; }
calc() { awk "BEGIN {print $*}"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

machine() {
  local cpu mem
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  mem=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
  echo "$(nproc) CPUs ($cpu), $mem RAM, $(uname -sr), SQLite $(sqlite3 --version | cut -d' ' -f1), PostgreSQL $(psql --version | awk '{print $3}'); $(date -u '+%Y-%m-%d %H:%M UTC')"
}

# wait_http URL [SECONDS]: until the server answers at all
wait_http() {
  local url=$1 limit=${2:-60} i
  for ((i = 0; i < limit * 10; i++)); do
    curl -s -o /dev/null "$url" && return 0
    sleep 0.1
  done
  die "no answer from $url after ${limit}s"
}

# ---- PostgreSQL: a private server, default durability settings -------------------
# pg_start: initdb into $WORK/pg and start on a free port; sets PGPORT, PGURL_BASE.
# fsync, synchronous_commit and full_page_writes stay at their defaults (on);
# the baseline COPY runs on the same server with the same settings.
pg_start() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PGPORT=$(free_port)
  PGDIR=$WORK/pg
  rm -rf "$PGDIR" && mkdir -p "$PGDIR"
  PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$PGDIR" postgres
    chown postgres "$PGDIR"
    PG_AS=(runuser -u postgres --)
  fi
  "${PG_AS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U edubureau --auth=trust -E UTF8 --locale=C.UTF-8 >"$LOGS/initdb.log" 2>&1
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
  at_exit pg_stop
  PGURL_BASE="postgres://edubureau@127.0.0.1:$PGPORT"
  export PGPORT PGURL_BASE
  log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT ($PGDIR)"
}
pg_stop() {
  [ -n "${PGDIR:-}" ] && [ -d "$PGDIR/data" ] || return 0
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
  PGDIR=
}
pg_psql() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U edubureau "$@"; }
pg_createdb() { pg_psql postgres -c "CREATE DATABASE $1${2:+ TEMPLATE $2}"; }
pg_dropdb() { pg_psql postgres -c "DROP DATABASE IF EXISTS $1"; }

# ---- the edubureau server --------------------------------------------------------
# server_start DBURL: starts `edubureau serve` on a free port; sets SERVER_PID, BASE.
server_start() {
  local port
  port=$(free_port)
  "$BIN" serve --db "$1" --addr "127.0.0.1:$port" --insecure-cookies >"$LOGS/serve-$port.log" 2>&1 &
  SERVER_PID=$!
  at_exit "kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null"
  BASE="http://127.0.0.1:$port"
  wait_http "$BASE/" 120
  log "server pid $SERVER_PID at $BASE on $1"
}
server_stop() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}
# login USER PASSWORD: prints the cookie header value edb_session=…
login() {
  curl -s -D - -o /dev/null -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$BASE/api/v1/session" |
    tr -d '\r' | sed -n 's/^set-cookie: \(edb_session=[^;]*\).*/\1/Ip' | head -n 1
}
