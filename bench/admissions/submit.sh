#!/usr/bin/env bash
# Admissions: application submission under load.
#   Goal: 500 submissions per second for a minute against the server on
#   SQLite, no errors, no lost or duplicated applications.
#
# Builds edubureau and the load generator (crates/admissions/examples/
# submit_load.rs), creates a fresh demo database, starts `edubureau serve`
# with the per-address limit of the public form lifted (the generator sends
# everything from 127.0.0.1), lets the generator create an open round and
# send RATE x SECS submissions open-loop, then checks the database:
#   COUNT(*) of the round's applications == number of 201s,
#   COUNT(DISTINCT child_id_number) == COUNT(*) == COUNT(DISTINCT ref_no),
#   every ref_no returned with a 201 is in the round, and no ref_no twice.
# With PG=1 (default) the same against a private PostgreSQL server.
#
# Usage: bench/admissions/submit.sh [WORK]   (default /tmp/edubureau-submit)
# Env: RATE (500), SECS (60), PG (1), THREADS (generator worker threads, 1),
#      EDUBUREAU_BIN / SUBMIT_LOAD_BIN (use these binaries, do not build).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${1:-/tmp/edubureau-submit}
RATE=${RATE:-500}
SECS=${SECS:-60}
PG=${PG:-1}
THREADS=${THREADS:-1}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PIDS=()
PGDIR=
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [ -n "$PGDIR" ]; then "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; fi
}
trap cleanup EXIT

# ---- binaries (copied, so a rebuild by someone else cannot swap them) ----
if [ -z "${EDUBUREAU_BIN:-}" ]; then
  log "building edubureau and submit_load (release)"
  (cd "$REPO" && cargo build --release -p edubureau && cargo build --release -p admissions --example submit_load) >"$WORK/build.log" 2>&1 ||
    { log "build failed, see $WORK/build.log"; exit 1; }
  EDUBUREAU_BIN="${CARGO_TARGET_DIR:-$REPO/target}/release/edubureau"
  SUBMIT_LOAD_BIN="${CARGO_TARGET_DIR:-$REPO/target}/release/examples/submit_load"
fi
cp "$EDUBUREAU_BIN" "$WORK/edubureau"
cp "${SUBMIT_LOAD_BIN:?set SUBMIT_LOAD_BIN with EDUBUREAU_BIN}" "$WORK/submit_load"
ulimit -n 65536 2>/dev/null || true

# run_one NAME DBURL SQLCMD...: serve DBURL, load it, verify with SQLCMD (reads SQL on stdin, prints rows)
run_one() {
  local name=$1 db=$2; shift 2
  local out=$WORK/$name port pid
  rm -rf "$out" && mkdir -p "$out"
  port=$(free_port)
  "$WORK/edubureau" serve --db "$db" --addr "127.0.0.1:$port" --insecure-cookies \
    --submissions-per-minute 1000000 >"$out/serve.log" 2>&1 &
  pid=$!; PIDS+=("$pid")
  for _ in $(seq 600); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  log "$name: server pid $pid on :$port; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "$pid" >"$out/server.pid"
  "$WORK/submit_load" --base "http://127.0.0.1:$port" --out "$out" --rate "$RATE" --secs "$SECS" \
    --threads "$THREADS" | tee "$out/generator.txt"
  cut -d' ' -f1-3 /proc/loadavg >"$out/loadavg"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local round created
  round=$(python3 -c "import json;print(json.load(open('$out/summary.json'))['round'])")
  created=$(python3 -c "import json;print(json.load(open('$out/summary.json'))['created'])")
  # the verification: one row of 7 numbers
  "$@" >"$out/verify.txt" <<SQL
SELECT (SELECT COUNT(*) FROM admissions_applications WHERE round_id = $round),
       (SELECT COUNT(DISTINCT child_id_number) FROM admissions_applications WHERE round_id = $round),
       (SELECT COUNT(DISTINCT ref_no) FROM admissions_applications WHERE round_id = $round),
       (SELECT COUNT(*) FROM returned),
       (SELECT COUNT(DISTINCT ref) FROM returned),
       (SELECT COUNT(*) FROM returned WHERE ref NOT IN (SELECT ref_no FROM admissions_applications WHERE round_id = $round)),
       (SELECT COUNT(*) FROM admissions_application_choices c JOIN admissions_applications a ON a.id = c.application_id WHERE a.round_id = $round);
SQL
  local v; v=$(tr -d ' ' <"$out/verify.txt" | tr '|' ' ' | grep -E '^[0-9]' | tail -n 1)
  read -r rows dids drefs ret dret missing choices <<<"$v"
  local ok=yes
  [ "$rows" = "$created" ] && [ "$dids" = "$rows" ] && [ "$drefs" = "$rows" ] && [ "$ret" = "$created" ] &&
    [ "$dret" = "$ret" ] && [ "$missing" = 0 ] && [ "$choices" = "$rows" ] || ok=no
  echo "$rows $dids $drefs $ret $dret $missing $choices $ok" >"$out/verify.row"
  log "$name: 201s $created; rows $rows, distinct IDs $dids, distinct ref_no $drefs; returned refs $ret (distinct $dret, missing from db $missing); choice rows $choices; consistent: $ok"
}

# ---- SQLite ----
rm -f "$WORK"/submit.db*
"$WORK/edubureau" demo --db "sqlite://$WORK/submit.db" >"$WORK/demo-sqlite.log" 2>&1
sqlite_verify() {
  local out=$WORK/sqlite
  { echo "CREATE TEMP TABLE returned (ref TEXT);"; echo ".import $out/refs.txt returned"; cat; } |
    sqlite3 "$WORK/submit.db"
}
run_one sqlite "sqlite://$WORK/submit.db" sqlite_verify

# ---- PostgreSQL (private server, default durability settings) ----
if [ "$PG" = 1 ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PGPORT=$(free_port)
  PGDIR=$WORK/pg
  rm -rf "$PGDIR" && mkdir -p "$PGDIR"
  PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$PGDIR" postgres
    chown postgres "$PGDIR"; PG_AS=(runuser -u postgres --)
  fi
  "${PG_AS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U edubureau --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1
  "${PG_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
  PGURL="postgres://edubureau@127.0.0.1:$PGPORT/postgres"
  "$WORK/edubureau" demo --db "$PGURL" >"$WORK/demo-pg.log" 2>&1
  pg_verify() {
    local out=$WORK/postgres
    { echo "CREATE TEMP TABLE returned (ref TEXT);"; echo "\\copy returned FROM '$out/refs.txt'"; cat; } |
      psql -X -q -A -t -F '|' -v ON_ERROR_STOP=1 "$PGURL"
  }
  run_one postgres "$PGURL" pg_verify
fi

# ---- table ----
python3 - "$WORK" "$RATE" "$SECS" <<'PY'
import json, os, sys
work, rate, secs = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
print(f"Target: {rate:g} submissions/s for {secs:g} s = {rate*secs:,.0f} (open loop, latency from each request's due time).\n")
print("| Database | sent | 201 | other answers | p50 | p90 | p99 | max | sent/s | 201/s (to last answer) | rows = 201s, distinct IDs, distinct ref_no, every ref_no stored | load avg after |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for name in ("sqlite", "postgres"):
    p = os.path.join(work, name, "summary.json")
    if not os.path.exists(p):
        continue
    s = json.load(open(p))
    v = open(os.path.join(work, name, "verify.row")).read().split()
    other = ", ".join(f"{'transport error' if k == '0' else k}: {n}" for k, n in s["statuses"].items() if k != "201") or "none"
    la = open(os.path.join(work, name, "loadavg")).read().strip()
    ver = f"{v[0]} rows, {v[1]} IDs, {v[2]} refs, {v[5]} missing: **{'yes' if v[7]=='yes' else 'NO'}**"
    print(f"| {'SQLite' if name=='sqlite' else 'PostgreSQL'} | {s['sent']:,} | {s['created']:,} | {other} | {s['p50_ms']:.0f} ms | {s['p90_ms']:.0f} ms | {s['p99_ms']:.0f} ms | {s['max_ms']:.0f} ms | {s['send_rate']:.0f} | {s['completed_rate']:.0f} | {ver} | {la} |")
PY
