#!/usr/bin/env bash
# The public petition form (局长信箱, /mailbox) under load: BENCH_RATE (200)
# letters per second for BENCH_SECS (60) s from BENCH_ADDRESSES (2,000)
# source addresses — the server trusts X-Forwarded-For from 127.0.0.1
# (--trusted-proxy), as behind the bureau's reverse proxy — every 50th form
# sent twice as a double click would. Then the rows are counted: every
# answered form is one letter (none lost), no form made two (none
# duplicated); and one address sending 40 letters at once gets 429 past its
# 30 a minute. Client: bench/public_petitions.py (64 threads, keep-alive).
# Goal (issue 18): 200/s for 60 s, none lost or duplicated, the limit holds.
#
#   bench/public_petitions.sh [WORK_DIR]      (BENCH_PG=0: SQLite only)
# Prints a Markdown table; also writes it to WORK_DIR/results/public_petitions.md.
WORK=${1:-${WORK:-/tmp/edubureau-bench}}
source "$(dirname "$0")/common.sh"
RATE=${BENCH_RATE:-200}
SECS=${BENCH_SECS:-60}
ADDRESSES=${BENCH_ADDRESSES:-2000}
OUT=$RESULTS/public_petitions.md
CLIENT=$REPO/bench/public_petitions.py

build
: >"$OUT"
say() { echo "$*" | tee -a "$OUT"; }

# start_behind_proxy DBURL: the server, trusting 127.0.0.1 as its proxy
start_behind_proxy() {
  local port
  port=$(free_port)
  "$BIN" serve --db "$1" --addr "127.0.0.1:$port" --insecure-cookies --trusted-proxy 127.0.0.1 \
    >"$LOGS/serve-$port.log" 2>&1 &
  SERVER_PID=$!
  at_exit "kill $SERVER_PID 2>/dev/null; wait $SERVER_PID 2>/dev/null"
  BASE="http://127.0.0.1:$port"
  wait_http "$BASE/mailbox" 120
}

# run_on NAME DBURL COUNT_CMD: one run; COUNT_CMD prints "rows|forms|refs"
run_on() {
  local name=$1 dburl=$2 r rows load
  "$BIN" demo --db "$dburl" --size small >"$LOGS/demo-$name.log" 2>&1 || die "demo failed on $name"
  start_behind_proxy "$dburl"
  load=$(cut -d' ' -f1 /proc/loadavg)
  r=$(python3 "$CLIENT" "$BASE" "$RATE" "$SECS" "$ADDRESSES" 50)
  server_stop
  rows=$($3)
  echo "$r" >"$LOGS/public_petitions-$name.json"
  python3 - "$name" "$r" "$rows" "$load" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY' | tee -a "$OUT"
import json, sys
name, r, rows, load0, load1 = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3].split("|"), sys.argv[4], sys.argv[5]
n, forms, refs = (int(x) for x in rows)
ok = r["status"].get("200", 0)
lost = r["forms_answered"] - n
dup = n - forms + r["forms_with_two_refs"]
rate = r["forms"] / r["offered_s"]
kept_pace = r["elapsed_s"] <= r["offered_s"] * 1.05  # answered as fast as offered
met = lost == 0 and dup == 0 and r["forms_answered"] == r["forms"] and r["burst_200"] == 30 and r["burst_429"] == 10 and rate >= 199 and kept_pace
print(f"| {name} | {r['forms']} forms + {r['sent'] - r['forms']} resent in {r['offered_s']} s ({rate:.0f}/s offered, done in {r['elapsed_s']} s) | "
      f"{' '.join(f'{k}: {v}' for k, v in r['status'].items())} | {n} | {lost} | {dup} | {r['p50_ms']} / {r['p99_ms']} / {r['max_ms']} | "
      f"{r['burst_200']} ok, {r['burst_429']} × 429 | {load0} → {load1} | {'met' if met else '**missed**'} |")
PY
}

say "#### $(machine)"
say ""
say "| database | offered | answers | rows | lost | duplicated | p50 / p99 / max ms | one address × 40 | load avg | goal |"
say "|---|---|---|---|---|---|---|---|---|---|"
SQLITE=$DATA/petitions.db
rm -f "$SQLITE"*
sqlite_rows() { sqlite3 "$SQLITE" "SELECT COUNT(*) || '|' || COUNT(DISTINCT form_hash) || '|' || COUNT(DISTINCT ref_no) FROM public_petitions WHERE channel = 'online' AND subject LIKE '压力测试%'"; }
run_on SQLite "sqlite://$SQLITE" sqlite_rows
if [ "$BENCH_PG" = 1 ]; then
  pg_start
  pg_createdb bench_petitions
  pg_rows() { pg_psql -At bench_petitions -c "SELECT COUNT(*) || '|' || COUNT(DISTINCT form_hash) || '|' || COUNT(DISTINCT ref_no) FROM public_petitions WHERE channel = 'online' AND subject LIKE '压力测试%'"; }
  run_on PostgreSQL "$PGURL_BASE/bench_petitions" pg_rows
fi
log "written to $OUT"
