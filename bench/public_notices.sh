#!/usr/bin/env bash
# A notice (通知公告) sent to 10,000 institutions' accounts: the `small`
# demo topped up with BENCH_INSTITUTIONS (10,000) institutions in operation,
# each with an account, made by one SQL generator per table (recursive CTE,
# the same on both databases). The 办公室 (`bangongshi`) sends a notice to
# all institutions through POST /api/v1/public/notices: the service writes
# one receipt (回执) per recipient with one INSERT … SELECT over the audience
# query, in one transaction with the notice and its audit entry. Timed end
# to end by curl (time_total), BENCH_RUNS times, median.
# Baseline, same run: the same receipts written row at a time — one INSERT
# per recipient, all in one transaction — by the database's own client
# (sqlite3, psql) from a script of 10,000+ statements.
# Goal: the send in under 1 s on both databases.
#
#   bench/public_notices.sh [WORK_DIR]      (BENCH_PG=0: SQLite only)
# Prints a Markdown table; also writes it to WORK_DIR/results/public_notices.md.
WORK=${1:-${WORK:-/tmp/edubureau-bench}}
source "$(dirname "$0")/common.sh"
COUNT=${BENCH_INSTITUTIONS:-10000}
OUT=$RESULTS/public_notices.md
GOAL=1

build
: >"$OUT"
say() { echo "$*" | tee -a "$OUT"; }

generator() {
  cat <<SQL
INSERT INTO institutions (code, name, school_type, ownership, licence, status, township_id, created_at, updated_at)
WITH RECURSIVE s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < $COUNT - 1)
SELECT 'BN' || s.n, '基准学校' || s.n, '211', 'public', 'licensed', 'active',
  (SELECT MIN(id) FROM townships), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM s;
INSERT INTO users (username, display_name, password_hash, role, institution_id, created_at)
SELECT 'bn' || i.code, i.name, (SELECT password_hash FROM users WHERE username = 'admin'),
  'institution', i.id, CURRENT_TIMESTAMP FROM institutions i WHERE i.code LIKE 'BN%';
SQL
}

# row_at_a_time IDS_FILE: the baseline's script for the institutions listed.
row_at_a_time() {
  echo "BEGIN;"
  echo "INSERT INTO public_notices (title, body, sender_section, audience, audience_value, audience_label, sent_at) VALUES ('逐行基准', '逐行基准', 'office', 'all', '', '全部机构', CURRENT_TIMESTAMP);"
  sed "s/.*/INSERT INTO public_notice_receipts (notice_id, institution_id) VALUES ((SELECT MAX(id) FROM public_notices), &);/" "$1"
  echo "COMMIT;"
}

session() {
  COOKIE=$(login bangongshi district)
  [ -n "$COOKIE" ] || die "login failed"
  CSRF=$(curl -s -H "cookie: $COOKIE" "$BASE/api/v1/session" | python3 -c 'import json, sys; print(json.load(sys.stdin)["csrf_token"])')
}

# time_send: seconds of one send to all institutions; checks the recipients.
time_send() {
  curl -s -o "$LOGS/notices.json" -w '%{http_code} %{time_total}\n' -X POST -H "cookie: $COOKIE" \
    -H "x-csrf-token: $CSRF" -H 'content-type: application/json' \
    -d '{"title":"基准通知","body":"请各单位阅知。","audience":"all"}' \
    "$BASE/api/v1/public/notices" >"$LOGS/notices-curl.txt"
  read -r code secs <"$LOGS/notices-curl.txt"
  [ "$code" = 201 ] || die "send answered $code: $(head -c 300 "$LOGS/notices.json")"
  RECIPIENTS=$(python3 -c 'import json; print(json.load(open("'"$LOGS/notices.json"'"))["recipients"])')
  echo "$secs"
}

# measure NAME RUN_BASELINE: RUNS × (send, baseline); sets NAME_SEND, NAME_BASE.
measure() {
  local name=$1 baseline=$2 sends=() bases=() i t0
  time_send >/dev/null
  for ((i = 1; i <= RUNS; i++)); do
    sends+=("$(time_send)")
    t0=$(now)
    "$baseline"
    bases+=("$(calc "$(now) - $t0")")
    log "$name run $i: send ${sends[-1]} s to $RECIPIENTS, row at a time ${bases[-1]} s"
  done
  printf -v "${name}_SEND" '%s' "$(median "${sends[@]}")"
  printf -v "${name}_BASE" '%s' "$(median "${bases[@]}")"
}

row() {
  local name=$1 send=$2 base=$3 ok
  ok=$(awk -v s="$send" -v g="$GOAL" 'BEGIN { print (s < g) ? "met" : "**missed**" }')
  say "| $name | $RECIPIENTS | **$(fmt "$send" 3)** | $(fmt "$base" 3) | $(cut -d' ' -f1 /proc/loadavg) | $ok |"
}

say "Database: \`demo --size small\` plus $COUNT generated institutions in operation, each with an account; the notice goes to all of them (audience \`all\`). Median of $RUNS runs after a warm-up send."
say ""
say "| database | receipts per send | send, end to end (s) | baseline: row at a time (s) | load avg | < $GOAL s |"
say "|---|---|---|---|---|---|"

# ---- SQLite --------------------------------------------------------------------
DB=$DATA/public-notices.db
rm -f "$DB" "$DB-wal" "$DB-shm"
"$BIN" demo --db "sqlite://$DB" --size small >"$LOGS/notices-demo-sqlite.log" 2>&1 || die "demo failed"
generator | sqlite3 -bail "$DB" || die "generation failed (SQLite)"
sqlite3 "$DB" "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 "$DB" "SELECT id FROM institutions WHERE status = 'active'" >"$DATA/notice-ids.txt"
row_at_a_time "$DATA/notice-ids.txt" >"$DATA/notice-rows.sql"
sqlite_baseline() { sqlite3 -bail "$DB" <"$DATA/notice-rows.sql"; }
server_start "sqlite://$DB"
session
measure SQLITE sqlite_baseline
server_stop
row SQLite "$SQLITE_SEND" "$SQLITE_BASE"

# ---- PostgreSQL ----------------------------------------------------------------
if [ "$BENCH_PG" = 1 ]; then
  pg_start
  pg_dropdb notices
  pg_createdb notices
  "$BIN" demo --db "$PGURL_BASE/notices" --size small >"$LOGS/notices-demo-postgres.log" 2>&1 || die "demo failed"
  generator | pg_psql notices || die "generation failed (PostgreSQL)"
  pg_psql notices -c 'VACUUM ANALYZE'
  pg_psql notices -At -c "SELECT id FROM institutions WHERE status = 'active'" >"$DATA/notice-ids.txt"
  row_at_a_time "$DATA/notice-ids.txt" >"$DATA/notice-rows.sql"
  pg_baseline() { pg_psql notices -f "$DATA/notice-rows.sql" >/dev/null; }
  server_start "$PGURL_BASE/notices"
  session
  measure PG pg_baseline
  server_stop
  row PostgreSQL "$PG_SEND" "$PG_BASE"
fi
say ""
say "Binary: $BUILT_FROM. Machine: $(machine)."
