#!/usr/bin/env bash
# The construction timeline (项目进度甘特图) under load: /construction/timeline
# drawing 500 generated projects with their seven phases each (planned and
# actual bars, 3,500 phases; `edubureau construction-projects --count 500` on
# the default `small` demo), beside the project list's first page
# (/construction/projects, 50 rows) as the baseline of an ordinary page of the
# area, in the same run. wrk, 8 connections, 2 threads, BENCH_SECS each after a
# 3 s warm-up, signed in as the bureau's `admin` (every project).
# Goal: timeline p99 < 100 ms on both databases.
#
#   bench/construction_timeline.sh [WORK_DIR]      (BENCH_PG=0: SQLite only)
# Prints a Markdown table; also writes it to WORK_DIR/results/construction_timeline.md.
WORK=${1:-${WORK:-/tmp/edubureau-bench}}
source "$(dirname "$0")/common.sh"
LUA=$REPO/bench/list.lua
SECS=${BENCH_SECS:-20}
CONNS=${BENCH_CONNECTIONS:-8}
COUNT=${BENCH_PROJECTS:-500}
GOAL=100
OUT=$RESULTS/construction_timeline.md
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"

build
: >"$OUT"
say() { echo "$*" | tee -a "$OUT"; }

# prepare DBURL NAME: the small demo and $COUNT generated projects
prepare() {
  "$BIN" demo --db "$1" --size small >"$LOGS/construction-demo-$2.log" 2>&1 ||
    die "demo failed: $(tail -n 5 "$LOGS/construction-demo-$2.log")"
  "$BIN" construction-projects --db "$1" --count "$COUNT" >>"$LOGS/construction-demo-$2.log" 2>&1 ||
    die "generator failed: $(tail -n 5 "$LOGS/construction-demo-$2.log")"
}

# measure LABEL SECONDS PATH [GOAL_MS]: one wrk run; prints a table row
measure() {
  local label=$1 secs=$2 path=$3 goal=${4:-} list r load
  list=$(mktemp "$WORK/urls.XXXXXX")
  echo "$path" >"$list"
  URLS=$list wrk -t2 -c"$CONNS" -d"${secs}s" --timeout 30s --latency -s "$LUA" \
    -H "cookie: $COOKIE" "$BASE" >"$LOGS/wrk-construction.txt" 2>&1 || true
  rm -f "$list"
  r=$(grep '^RESULT' "$LOGS/wrk-construction.txt") || die "wrk failed: $(cat "$LOGS/wrk-construction.txt")"
  load=$(cut -d' ' -f1 /proc/loadavg)
  awk -v label="$label" -v load="$load" -v r="$r" -v goal="$goal" 'BEGIN {
    n = split(r, kv, " ")
    for (i = 2; i <= n; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
    ok = goal == "" ? "(baseline)" : (v["requests"] > 0 && v["p99_ms"] < goal) ? "met" : "**missed**"
    printf "| %s | %.1f (%d) | %s | %s | **%s** | %s | %d | %s | %s |\n", label, v["rps"], v["requests"],
      v["p50_ms"], v["p90_ms"], v["p99_ms"], v["max_ms"], v["non200"] + v["errors"], load, ok
  }'
}

# run_on NAME DBURL: both pages on one database, each on a fresh server
run_on() {
  local name=$1 dburl=$2 bytes
  say "#### $name"
  say ""
  say "| page | requests/s (answered) | p50 ms | p90 ms | p99 ms | max ms | non-200/errors | load avg | p99 < $GOAL ms |"
  say "|---|---|---|---|---|---|---|---|---|"
  for p in /construction/timeline /construction/projects; do
    server_start "$dburl"
    COOKIE=$(login admin district)
    [ -n "$COOKIE" ] || die "login failed"
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "cookie: $COOKIE" "$BASE$p")" = 200 ] || die "$p did not answer 200"
    bytes=$(curl -s -H "cookie: $COOKIE" "$BASE$p" | wc -c)
    measure warm-up 3 "$p" >/dev/null
    log "$name: $p ($bytes bytes), ${SECS} s"
    if [ "$p" = /construction/timeline ]; then
      measure "\`$p\` ($COUNT projects, $(fmt "$(calc "$bytes / 1024")") KiB)" "$SECS" "$p" "$GOAL" | tee -a "$OUT"
    else
      measure "\`$p\` (first 50 rows, baseline)" "$SECS" "$p" | tee -a "$OUT"
    fi
    server_stop
  done
  say ""
}

DB=$DATA/construction-timeline.db
rm -f "$DB" "$DB-wal" "$DB-shm"
log "preparing the small demo with $COUNT projects (SQLite)"
prepare "sqlite://$DB" sqlite
SQLITE_Q() { sqlite3 "$DB" "$1"; }
say "Database: \`demo --size small\` plus \`construction-projects --count $COUNT\`: $(SQLITE_Q "SELECT count(*) FROM construction_projects") projects, $(SQLITE_Q "SELECT count(*) FROM construction_phases") phases ($(SQLITE_Q "SELECT count(*) FROM construction_phases WHERE actual_start IS NOT NULL") started); $CONNS connections, wrk -t2, ${SECS} s per page after a warm-up, on the same 2-CPU machine as the server; signed in as \`admin\`."
say ""
run_on SQLite "sqlite://$DB"
if [ "$BENCH_PG" = 1 ]; then
  pg_start
  pg_createdb timeline
  log "preparing the small demo with $COUNT projects (PostgreSQL)"
  prepare "$PGURL_BASE/timeline" postgres
  pg_psql timeline -c 'VACUUM ANALYZE'
  run_on PostgreSQL "$PGURL_BASE/timeline"
fi
say "Binary: $BUILT_FROM. Machine: $(machine)."
