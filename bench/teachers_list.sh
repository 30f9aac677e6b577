#!/usr/bin/env bash
# Staff list (教职工名单) under load: /teachers/staff and /api/v1/teachers/staff
# with filters and paging on 100,000 staff — the `province` demo (about
# 70,000 staff for about 1,000,000 pupils) topped up to BENCH_STAFF by
# `edubureau top-up-staff`. wrk, 32 connections, 2 threads: a mix of every
# URL for BENCH_MIX_SECS, then each URL alone for BENCH_URL_SECS, after a
# 5 s warm-up, signed in as the bureau's `admin` (every institution; each
# page is a view of personal data and writes its audit entry).
# Goal: p99 < 50 ms on both databases.
#
#   bench/teachers_list.sh [WORK_DIR]     (BENCH_PG=0: SQLite only; BENCH_PG_URL=postgres://…:PORT:
#                                          reuse that server's prepared `province` database)
# Prints a Markdown table; also writes it to WORK_DIR/results/teachers_list.md.
WORK=${1:-${WORK:-/tmp/edubureau-bench}}
source "$(dirname "$0")/common.sh"
LUA=$REPO/bench/list.lua
MIX_SECS=${BENCH_MIX_SECS:-30}
URL_SECS=${BENCH_URL_SECS:-10}
CONNS=${BENCH_CONNECTIONS:-32}
STAFF=${BENCH_STAFF:-100000}
OUT=$RESULTS/teachers_list.md
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"

build
: >"$OUT"
say() { echo "$*" | tee -a "$OUT"; }

# prepare DBURL NAME: the province demo topped up to $STAFF staff; prints the seconds it took
prepare() {
  local t0
  t0=$(now)
  "$BIN" demo --db "$1" --size province >"$LOGS/teachers-demo-$2.log" 2>&1 ||
    die "demo failed: $(tail -n 5 "$LOGS/teachers-demo-$2.log")"
  "$BIN" top-up-staff --db "$1" --to "$STAFF" >>"$LOGS/teachers-demo-$2.log" 2>&1 ||
    die "top-up failed: $(tail -n 5 "$LOGS/teachers-demo-$2.log")"
  calc "$(now) - $t0"
}

# measure LABEL SECONDS PATH...: one wrk run over the PATHs; prints a table row
measure() {
  local label=$1 secs=$2 list r
  shift 2
  list=$(mktemp "$WORK/urls.XXXXXX")
  printf '%s\n' "$@" >"$list"
  URLS=$list wrk -t2 -c"$CONNS" -d"${secs}s" --timeout 30s --latency -s "$LUA" \
    -H "cookie: $COOKIE" "$BASE" >"$LOGS/wrk-teachers.txt" 2>&1 || true
  rm -f "$list"
  r=$(grep '^RESULT' "$LOGS/wrk-teachers.txt") || die "wrk failed: $(cat "$LOGS/wrk-teachers.txt")"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  awk -v label="$label" -v load="$load" -v r="$r" 'BEGIN {
    n = split(r, kv, " ")
    for (i = 2; i <= n; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
    ok = (v["requests"] > 0 && v["p99_ms"] < 50) ? "met" : "**missed**"
    printf "| %s | %.1f (%d) | %s | %s | **%s** | %s | %d | %s | %s |\n", label, v["rps"], v["requests"],
      v["p50_ms"], v["p90_ms"], v["p99_ms"], v["max_ms"], v["non200"] + v["errors"], load, ok
  }'
}

# run_on NAME DBURL QUERY_CMD...: the load on one database
run_on() {
  local name=$1 dburl=$2 inst town p
  shift 2
  server_start "$dburl"
  COOKIE=$(login admin district)
  [ -n "$COOKIE" ] || die "login failed"
  # The institution with the most staff, and a township with substitutes.
  inst=$("$@" "SELECT workplace_id FROM teachers_staff GROUP BY workplace_id ORDER BY count(*) DESC, workplace_id LIMIT 1")
  town=$("$@" "SELECT i.township_id FROM teachers_staff s JOIN institutions i ON i.id = s.workplace_id WHERE s.establishment = 'substitute' GROUP BY i.township_id ORDER BY count(*) DESC, i.township_id LIMIT 1")
  local paths=()
  for p in /teachers/staff /api/v1/teachers/staff; do
    paths+=("$p" "$p?stage=junior&subject=%E6%95%B0%E5%AD%A6" "$p?institution_id=$inst"
      "$p?title_level=senior&page=3" "$p?q=%E7%8E%8B" "$p?backbone_level=special"
      "$p?township_id=$town&establishment=substitute")
  done
  for p in "${paths[@]}"; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "cookie: $COOKIE" "$BASE$p")" = 200 ] || die "$p did not answer 200"
  done
  log "$name: warm-up 5 s"
  measure warm-up 5 "${paths[@]}" >/dev/null
  say "#### $name"
  say ""
  say "| URL | requests/s (answered) | p50 ms | p90 ms | p99 ms | max ms | non-200/errors | load avg | p99 < 50 ms |"
  say "|---|---|---|---|---|---|---|---|---|"
  log "$name: mix of ${#paths[@]} URLs, ${MIX_SECS} s"
  measure "**mix of all ${#paths[@]} URLs (${MIX_SECS} s)**" "$MIX_SECS" "${paths[@]}" | tee -a "$OUT"
  for p in "${paths[@]}"; do
    # A fresh server for each URL: wrk ends a run by dropping its connections,
    # and a request dropped while waiting in BEGIN on SQLite leaves its pooled
    # connection inside a transaction (every later BEGIN on it fails), so the
    # runs after the first would measure error pages.
    server_stop
    server_start "$dburl"
    COOKIE=$(login admin district)
    measure "warm-up" 2 "$p" >/dev/null
    log "$name: $p"
    measure "\`$(sed 's/%E6%95%B0%E5%AD%A6/数学/; s/%E7%8E%8B/王/' <<<"$p")\`" "$URL_SECS" "$p" | tee -a "$OUT"
  done
  say ""
  server_stop
}

DB=$DATA/teachers-province.db
if [ "$BENCH_FRESH" = 1 ] || [ ! -s "$DB" ] || [ ! -s "$DB.time" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  log "creating the province demo with $STAFF staff (SQLite)"
  prepare "sqlite://$DB" sqlite >"$DB.time"
  sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
fi
SQLITE_Q() { sqlite3 "$DB" "$1"; }
say "Database: \`demo --size province\` topped up with \`top-up-staff --to $STAFF\`: $(SQLITE_Q "SELECT count(*) FROM teachers_staff") staff ($(SQLITE_Q "SELECT count(*) FROM teachers_staff WHERE status = 'active'") active) in $(SQLITE_Q "SELECT count(DISTINCT workplace_id) FROM teachers_staff") institutions, $(SQLITE_Q "SELECT count(*) FROM students") students; $CONNS connections, wrk -t2, on the same 2-CPU machine as the server; signed in as \`admin\`."
say ""
say "- SQLite: demo and top-up in $(fmt "$(cat "$DB.time")" 1) s."
if [ "$BENCH_PG" = 1 ] && [ -n "${BENCH_PG_URL:-}" ]; then
  # A server whose `province` database an earlier run prepared (postgres://USER@HOST:PORT).
  PGURL_BASE=$BENCH_PG_URL
  PGPORT=${BENCH_PG_URL##*:}
  pg_psql province -c 'VACUUM ANALYZE'
  say "- PostgreSQL: \`province\` as an earlier run prepared it at $BENCH_PG_URL, then VACUUM ANALYZE."
elif [ "$BENCH_PG" = 1 ]; then
  pg_start
  pg_createdb province
  log "creating the province demo with $STAFF staff (PostgreSQL)"
  secs=$(prepare "$PGURL_BASE/province" postgres)
  pg_psql province -c 'VACUUM ANALYZE'
  say "- PostgreSQL: demo and top-up in $(fmt "$secs" 1) s, then VACUUM ANALYZE."
fi
say ""
run_on SQLite "sqlite://$DB" SQLITE_Q
if [ "$BENCH_PG" = 1 ]; then
  PG_Q() { pg_psql -tA province -c "$1"; }
  run_on PostgreSQL "$PGURL_BASE/province" PG_Q
fi
say "Binary: $BUILT_FROM. Machine: $(machine)."
