#!/usr/bin/env bash
# The overdue-orders view (逾期整改通知) under load: /inspection/orders?overdue=1
# and its JSON twin over 100,000 rectification orders (BENCH_ORDERS) of the
# three owners spread over the demo's institutions — a quarter each issued,
# responded, reopened and closed, deadlines from 60 days ago to 60 days
# ahead, so about 25,000 are overdue — added by one SQL generator (recursive
# CTE, the same on both databases) to the default `small` demo. Beside them
# the construction project list's first page (/construction/projects, 50
# rows) as the baseline of an ordinary list page, in the same run. wrk, 32
# connections, 2 threads, BENCH_SECS each after a 3 s warm-up, each page on
# a fresh server, signed in as the bureau's `admin` (every order).
# Goal: p99 < 50 ms on both databases.
#
#   bench/inspection_overdue.sh [WORK_DIR]      (BENCH_PG=0: SQLite only)
# Prints a Markdown table; also writes it to WORK_DIR/results/inspection_overdue.md.
WORK=${1:-${WORK:-/tmp/edubureau-bench}}
source "$(dirname "$0")/common.sh"
LUA=$REPO/bench/list.lua
SECS=${BENCH_SECS:-15}
CONNS=${BENCH_CONNECTIONS:-32}
COUNT=${BENCH_ORDERS:-100000}
GOAL=50
OUT=$RESULTS/inspection_overdue.md
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"

build
: >"$OUT"
say() { echo "$*" | tee -a "$OUT"; }

# orders_sql DATE_EXPR: the generator; DATE_EXPR is the database's date
# that many days from today where @D@ stands for the number of days.
orders_sql() {
  local deadline=${1//@D@/((s.n % 121) - 60)} issued=${1//@D@/(-90 + (s.n % 20))}
  cat <<SQL
INSERT INTO inspection_orders (owner, institution_id, source, number, finding,
  requirement, responsible_person, deadline, status, issued_on, closed_on, created_at, updated_at)
WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < $COUNT - 1),
  inst AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM institutions),
  m AS (SELECT COUNT(*) AS c FROM institutions)
SELECT CASE s.n % 3 WHEN 0 THEN 'supervision' WHEN 1 THEN 'private' ELSE 'safety' END,
  inst.id, 'check', 'B' || s.n, '检查发现的问题 ' || s.n, '限期整改', '责任人' || (s.n % 97),
  $deadline,
  CASE (s.n / 3) % 4 WHEN 0 THEN 'issued' WHEN 1 THEN 'responded' WHEN 2 THEN 'reopened' ELSE 'closed' END,
  $issued,
  CASE (s.n / 3) % 4 WHEN 3 THEN $deadline ELSE NULL END,
  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM s CROSS JOIN m JOIN inst ON inst.k = s.n % m.c;
SQL
}

# measure LABEL SECONDS PATH [GOAL_MS]: one wrk run; prints a table row
measure() {
  local label=$1 secs=$2 path=$3 goal=${4:-} list r load
  list=$(mktemp "$WORK/urls.XXXXXX")
  echo "$path" >"$list"
  URLS=$list wrk -t2 -c"$CONNS" -d"${secs}s" --timeout 30s --latency -s "$LUA" \
    -H "cookie: $COOKIE" "$BASE" >"$LOGS/wrk-inspection.txt" 2>&1 || true
  rm -f "$list"
  r=$(grep '^RESULT' "$LOGS/wrk-inspection.txt") || die "wrk failed: $(cat "$LOGS/wrk-inspection.txt")"
  load=$(cut -d' ' -f1 /proc/loadavg)
  awk -v label="$label" -v load="$load" -v r="$r" -v goal="$goal" 'BEGIN {
    n = split(r, kv, " ")
    for (i = 2; i <= n; i++) { split(kv[i], p, "="); v[p[1]] = p[2] }
    ok = goal == "" ? "(baseline)" : (v["requests"] > 0 && v["p99_ms"] < goal) ? "met" : "**missed**"
    printf "| %s | %.1f (%d) | %s | %s | **%s** | %s | %d | %s | %s |\n", label, v["rps"], v["requests"],
      v["p50_ms"], v["p90_ms"], v["p99_ms"], v["max_ms"], v["non200"] + v["errors"], load, ok
  }'
}

# run_on NAME DBURL: each page on one database, each on a fresh server
run_on() {
  local name=$1 dburl=$2
  say "#### $name"
  say ""
  say "| page | requests/s (answered) | p50 ms | p90 ms | p99 ms | max ms | non-200/errors | load avg | p99 < $GOAL ms |"
  say "|---|---|---|---|---|---|---|---|---|"
  for p in "/inspection/orders?overdue=1" "/api/v1/inspection/orders?overdue=1" \
    "/inspection/orders?owner=safety&overdue=1&page=100" /construction/projects; do
    server_start "$dburl"
    COOKIE=$(login admin district)
    [ -n "$COOKIE" ] || die "login failed"
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "cookie: $COOKIE" "$BASE$p")" = 200 ] || die "$p did not answer 200"
    measure warm-up 3 "$p" >/dev/null
    log "$name: $p, ${SECS} s"
    if [ "$p" = /construction/projects ]; then
      measure "\`$p\` (first 50 rows, baseline)" "$SECS" "$p" | tee -a "$OUT"
    else
      measure "\`$p\`" "$SECS" "$p" "$GOAL" | tee -a "$OUT"
    fi
    server_stop
  done
  say ""
}

DB=$DATA/inspection-overdue.db
rm -f "$DB" "$DB-wal" "$DB-shm"
log "preparing the small demo with $COUNT orders (SQLite)"
"$BIN" demo --db "sqlite://$DB" --size small >"$LOGS/inspection-demo-sqlite.log" 2>&1 ||
  die "demo failed: $(tail -n 5 "$LOGS/inspection-demo-sqlite.log")"
orders_sql "date('now', '+8 hours', (@D@) || ' days')" | sqlite3 "$DB" || die "generator failed (SQLite)"
sqlite3 "$DB" 'ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
SQLITE_Q() { sqlite3 "$DB" "$1"; }
say "Database: \`demo --size small\` plus $(SQLITE_Q "SELECT count(*) FROM inspection_orders") orders ($(SQLITE_Q "SELECT count(*) FROM inspection_orders WHERE status IN ('issued', 'reopened') AND deadline < date('now', '+8 hours')") overdue) over $(SQLITE_Q "SELECT count(DISTINCT institution_id) FROM inspection_orders") institutions; $CONNS connections, wrk -t2, ${SECS} s per page after a warm-up, on the same 2-CPU machine as the server; signed in as \`admin\`."
say ""
run_on SQLite "sqlite://$DB"
if [ "$BENCH_PG" = 1 ]; then
  pg_start
  pg_createdb overdue
  log "preparing the small demo with $COUNT orders (PostgreSQL)"
  "$BIN" demo --db "$PGURL_BASE/overdue" --size small >"$LOGS/inspection-demo-postgres.log" 2>&1 ||
    die "demo failed: $(tail -n 5 "$LOGS/inspection-demo-postgres.log")"
  orders_sql "(CURRENT_DATE + (@D@)::int)" | pg_psql overdue || die "generator failed (PostgreSQL)"
  pg_psql overdue -c 'VACUUM ANALYZE'
  run_on PostgreSQL "$PGURL_BASE/overdue"
fi
say "Binary: $BUILT_FROM. Machine: $(machine)."
