#!/usr/bin/env bash
# Student list pages (filter + paging) under load, on a database of the
# `province` demo (137 institutions, ~1,000,000 students): wrk with 32
# connections (2 threads), first a mix of all URLs for BENCH_MIX_SECS (30 s),
# then each URL alone for BENCH_URL_SECS (10 s), after a 5 s warm-up. Latency
# percentiles come from wrk (--latency, timeout 30 s so slow answers are
# counted, not dropped). The server's VmRSS/VmHWM (/proc/PID/status) are
# sampled every 0.5 s during the load and once more 5 s after it.
# Goal: p99 < 50 ms; RSS < 200 MB.
#
#   bench/list.sh [WORK_DIR]    (BENCH_PG=1 also runs it on PostgreSQL)
# Prints a Markdown table; also writes it to WORK_DIR/results/list.md.
WORK=${1:-${WORK:-/tmp/edubureau-bench}}
source "$(dirname "$0")/common.sh"
LUA=$REPO/bench/list.lua
MIX_SECS=${BENCH_MIX_SECS:-30}
URL_SECS=${BENCH_URL_SECS:-10}
CONNS=${BENCH_CONNECTIONS:-32}
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"

build
: >"$RESULTS/list.md"

# demo_db DBURL NAME: the province demo into DBURL, timed; prints "SECONDS MAXRSS_KB"
demo_db() {
  local t0 t1
  t0=$(now)
  /usr/bin/time -v -o "$LOGS/demo-$2.time" "$BIN" demo --db "$1" --size province >"$LOGS/demo-$2.log" 2>&1 ||
    die "demo failed: $(tail -n 5 "$LOGS/demo-$2.log")"
  t1=$(now)
  echo "$(calc "$t1 - $t0") $(awk -F': ' '/Maximum resident/ {print $2}' "$LOGS/demo-$2.time")"
}

# sampler PID OUT: VmRSS and VmHWM (kB) every 0.5 s until killed
sampler() {
  while [ -r "/proc/$1/status" ]; do
    awk '/^VmRSS/ {r=$2} /^VmHWM/ {h=$2} END {print r, h}' "/proc/$1/status" >>"$2"
    sleep 0.5
  done
}
mem_now() { awk "/^$1/ {print \$2}" "/proc/$SERVER_PID/status"; }
mb() { fmt "$(calc "$1 / 1024")"; }

# wrk_run SECONDS PATH...: prints wrk's RESULT line for a rotation over PATHs
wrk_run() {
  local secs=$1 urls
  shift
  urls=$(mktemp "$WORK/urls.XXXXXX")
  printf '%s\n' "$@" >"$urls"
  URLS=$urls wrk -t2 -c"$CONNS" -d"${secs}s" --timeout 30s --latency -s "$LUA" \
    -H "cookie: $COOKIE" "$BASE" >"$LOGS/wrk-last.txt" 2>&1 || true
  cat "$LOGS/wrk-last.txt" >>"$LOGS/wrk-$NAME.txt"
  rm -f "$urls"
  local r
  r=$(grep '^RESULT' "$LOGS/wrk-last.txt") || die "wrk failed: $(cat "$LOGS/wrk-last.txt")"
  # the machine's 1-minute load average at the end of the run (the machine may be shared)
  echo "$r secs=$secs load=$(cut -d' ' -f1 /proc/loadavg)"
}
field() { sed -n "s/.*[ ]$1=\([^ ]*\).*/\1/p" <<<"$2"; }
table_row() { # LABEL RESULT
  local p99 n verdict
  p99=$(field p99_ms "$2")
  n=$(field requests "$2")
  if [ "$n" -eq 0 ]; then # wrk only counts answers that arrive before the end of the run
    printf '| %s | 0 | — | — | **> %s s** (no answer within the run) | — | %s | %s | **missed** |\n' \
      "$1" "$(field secs "$2")" "$(field errors "$2")" "$(field load "$2")"
    return
  fi
  verdict=$(awk -v p="$p99" 'BEGIN {print (p < 50) ? "met" : "**missed**"}')
  printf '| %s | %s (%s) | %s | %s | **%s** | %s | %s | %s | %s |\n' "$1" \
    "$(fmt "$(field rps "$2")" 1)" "$n" "$(field p50_ms "$2")" "$(field p90_ms "$2")" "$p99" \
    "$(field max_ms "$2")" "$(($(field non200 "$2") + $(field errors "$2")))" "$(field load "$2")" "$verdict"
}

# bench_db NAME DBURL QUERY_CMD...: load on one database; QUERY_CMD runs SQL given as last arg
bench_db() {
  local name=$1 dburl=$2 n p
  shift 2
  NAME=$name
  : >"$LOGS/wrk-$NAME.txt"
  server_start "$dburl"
  COOKIE=$(login admin district)
  [ -n "$COOKIE" ] || die "login failed"
  # The primary school with the most third-graders.
  n=$("$@" "SELECT institution_id FROM students_enrolments WHERE grade = 3 AND status <> 'left' GROUP BY institution_id ORDER BY count(*) DESC, institution_id LIMIT 1")
  local paths=()
  for p in /students /api/v1/students; do
    paths+=("$p" "$p?grade=5" "$p?institution_id=$n&grade=3" "$p?category=left_behind&page=3" "$p?q=%E7%8E%8B")
  done
  for p in "${paths[@]}"; do # every URL must answer 200 with a full page
    local code
    code=$(curl -s -o "$LOGS/page.out" -w '%{http_code}' -H "cookie: $COOKIE" "$BASE$p")
    [ "$code" = 200 ] || die "$p answered $code"
  done
  local rss0 samples=$LOGS/mem-$name.txt
  rss0=$(mem_now VmRSS)
  : >"$samples"
  sampler "$SERVER_PID" "$samples" &
  local sampler_pid=$!
  at_exit "kill $sampler_pid 2>/dev/null"
  log "$name: warm-up 5 s"
  wrk_run 5 "${paths[@]}" >/dev/null
  log "$name: mix of ${#paths[@]} URLs, ${MIX_SECS} s, $CONNS connections"
  local mix
  mix=$(wrk_run "$MIX_SECS" "${paths[@]}")
  local rows=()
  for p in "${paths[@]}"; do
    log "$name: $p, ${URL_SECS} s"
    rows+=("$(table_row "\`$(sed 's/%E7%8E%8B/王/' <<<"$p")\`" "$(wrk_run "$URL_SECS" "$p")")")
  done
  kill "$sampler_pid" 2>/dev/null || true
  sleep 5
  local rss_after hwm peak
  rss_after=$(mem_now VmRSS)
  hwm=$(mem_now VmHWM)
  peak=$(awk 'BEGIN {m=0} $1 > m {m=$1} END {print m}' "$samples")
  server_stop
  {
    echo "#### $name"
    echo
    echo "| URL | requests/s (answered) | p50 ms | p90 ms | p99 ms | max ms | non-200/errors | load avg | p99 < 50 ms |"
    echo "|---|---|---|---|---|---|---|---|---|"
    table_row "**mix of all ${#paths[@]} URLs (${MIX_SECS} s)**" "$mix"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Server memory ($name): VmRSS $(mb "$rss0") MB after login, peak sampled VmRSS under load $(mb "$peak") MB, VmHWM $(mb "$hwm") MB, VmRSS 5 s after the load $(mb "$rss_after") MB — goal < 200 MB: $(awk -v h="$hwm" 'BEGIN {print (h < 200 * 1024) ? "met" : "**missed**"}')."
    echo
  } | tee -a "$RESULTS/list.md"
}

# ---- SQLite ------------------------------------------------------------------------
DB=$DATA/province.db
if [ "$BENCH_FRESH" = 1 ] || [ ! -s "$DB" ] || [ ! -s "$DB.time" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  log "creating the province demo (SQLite)"
  demo_db "sqlite://$DB" sqlite >"$DB.time"
  sqlite3 "$DB" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
fi
read -r demo_secs demo_rss <"$DB.time"
STUDENTS=$(sqlite3 "$DB" "SELECT count(*) FROM students")
echo "Database: \`demo --size province\`, $STUDENTS students; $CONNS connections, wrk -t2, on the same 2-CPU machine as the server." | tee -a "$RESULTS/list.md"
echo | tee -a "$RESULTS/list.md"
echo "- SQLite: demo created in $(fmt "$demo_secs" 1) s (max RSS $(mb "$demo_rss") MB), file $(mb "$(($(stat -c %s "$DB") / 1024))") MB." | tee -a "$RESULTS/list.md"
SQLITE_Q() { sqlite3 "$DB" "$1"; }
PG_SECTION=
if [ "$BENCH_PG" = 1 ]; then
  pg_start
  pg_createdb province
  log "creating the province demo (PostgreSQL)"
  res=$(demo_db "$PGURL_BASE/province" postgres)
  read -r pdemo_secs pdemo_rss <<<"$res"
  pg_psql province -c 'VACUUM ANALYZE'
  echo "- PostgreSQL: demo created in $(fmt "$pdemo_secs" 1) s (max RSS $(mb "$pdemo_rss") MB), then VACUUM ANALYZE." | tee -a "$RESULTS/list.md"
fi
echo | tee -a "$RESULTS/list.md"

bench_db SQLite "sqlite://$DB" SQLITE_Q
if [ "$BENCH_PG" = 1 ]; then
  PG_Q() { pg_psql -tA province -c "$1"; }
  bench_db PostgreSQL "$PGURL_BASE/province" PG_Q
fi
echo "Binary: $BUILT_FROM. Machine: $(machine)." | tee -a "$RESULTS/list.md"
