#!/usr/bin/env bash
# The learning card (学习卡) under load, issue 17: BENCH_CARDS cards
# (1,000,000) with BENCH_ATTENDANCE attendance records (10,000,000, ten per
# card, over 1,000 sessions of 100 meetings each) and a credit each, added
# by SQL generators (recursive CTE on SQLite, generate_series on
# PostgreSQL) to the `small` demo; card sessions for BENCH_HOLDERS holders
# written directly (the token's SHA-256, as the server keeps it).
#   1. A card's own page (`/card/me`: card, hours, credits, certificates,
#      enrolments, open sessions) under wrk, 32 connections, each request a
#      different holder; beside it the sign-in page (`/card/login`, no
#      database) as the baseline, same run. Goal: p99 < 50 ms.
#   2. An enrolment burst on one popular session (10,000 places): paced at
#      about 300 requests a second (32 connections, DELAY_MS 60) for 60 s,
#      each request a different holder through the JSON API; then the
#      session's counter, its enrolment rows and the 201 answers must agree
#      and never exceed the places. Goal: ≥ 300/s sustained, none
#      overbooked, none lost.
#
#   bench/community_cards.sh [WORK_DIR]      (BENCH_PG=0: SQLite only)
# Prints Markdown tables; also writes them to WORK_DIR/results/community_cards.md.
WORK=${1:-${WORK:-/tmp/edubureau-bench}}
source "$(dirname "$0")/common.sh"
LUA=$REPO/bench/community_cards.lua
SECS=${BENCH_SECS:-30}
BURST=${BENCH_BURST_SECS:-60}
CONNS=${BENCH_CONNECTIONS:-32}
CARDS=${BENCH_CARDS:-1000000}
ATTENDANCE=${BENCH_ATTENDANCE:-10000000}
HOLDERS=${BENCH_HOLDERS:-25000}
GOAL=50
OUT=$RESULTS/community_cards.md
command -v wrk >/dev/null || die "wrk is needed (apt-get install wrk)"

# Id ranges of the generated rows, far above the demo's.
C0=10000000 K0=1000000 S0=1000000 M0=10000000
SESSIONS=1000 PER_SESSION=100 POPULAR=$((S0 + 5000))

build
: >"$OUT"
say() { echo "$*" | tee -a "$OUT"; }

# generator_sql SERIES TODAY: the rows; SERIES(n, first, last) is the
# database's number series, TODAY its date.
generator_sql() {
  local cards=${1//@FIRST@/1} meetings attendance
  cards=${cards//@LAST@/$CARDS}
  meetings=${1//@FIRST@/0}; meetings=${meetings//@LAST@/$((SESSIONS * PER_SESSION - 1))}
  attendance=${1//@FIRST@/0}; attendance=${attendance//@LAST@/$((ATTENDANCE - 1))}
  local sessions=${1//@FIRST@/1}; sessions=${sessions//@LAST@/$SESSIONS}
  cat <<SQL
INSERT INTO community_courses (id, institution_id, title, kind, created_at, updated_at)
SELECT $K0 + 1, MIN(id), '书法入门', 'arts', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM institutions;
INSERT INTO community_sessions (id, course_id, institution_id, title, first_day, last_day, capacity, enrolled, created_at, updated_at)
WITH $sessions
SELECT $S0 + s.n, $K0 + 1, (SELECT MIN(id) FROM institutions), '书法入门 ' || s.n || ' 班', $2, $2 + 400, 30, 10, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM s;
INSERT INTO community_sessions (id, course_id, institution_id, title, first_day, last_day, capacity, enrolled, created_at, updated_at)
SELECT $POPULAR, $K0 + 1, MIN(id), '热门班', $2, $2 + 30, 10000, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM institutions;
INSERT INTO community_meetings (id, session_id, starts_at, ends_at)
WITH $meetings
SELECT $M0 + 1 + s.n, $S0 + 1 + s.n / $PER_SESSION, '2025-06-01 09:00:00+00:00', '2025-06-01 11:00:00+00:00' FROM s;
INSERT INTO community_cards (id, card_no, id_number, name, sex, birth_date, phone, township_id, community, registered_via, verified_on, status, created_at, updated_at)
WITH $cards, t AS (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM townships), m AS (SELECT COUNT(*) AS c FROM townships)
SELECT $C0 + s.n, 'B' || s.n, 'BENCH' || s.n, '市民' || s.n, CASE s.n % 2 WHEN 0 THEN 'f' ELSE 'm' END, '1960-01-01',
  '139' || (10000000 + s.n), t.id, '东升社区', 'desk', '2024-01-01', 'active', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM s CROSS JOIN m JOIN t ON t.k = s.n % m.c;
INSERT INTO community_attendance (meeting_id, session_id, card_id, minutes, attended_at, recorded_by)
WITH $attendance
SELECT $M0 + 1 + ((s.n / 10) % $CARDS + (s.n % 10) * 1000) % ($SESSIONS * $PER_SESSION),
  $S0 + 1 + (((s.n / 10) % $CARDS + (s.n % 10) * 1000) % ($SESSIONS * $PER_SESSION)) / $PER_SESSION,
  $C0 + 1 + (s.n / 10) % $CARDS, 90, '2025-06-01 09:00:00+00:00', NULL FROM s;
INSERT INTO community_credits (card_id, source, source_ref, minutes, credits_tenths, note, booked_at)
WITH $cards SELECT $C0 + s.n, 'hours', 'bench', 900, 5, '', CURRENT_TIMESTAMP FROM s;
SQL
}

# Card sessions of the first HOLDERS cards, token bench-<card id>.
sessions_sql() {
  python3 - "$C0" "$HOLDERS" <<'PY'
import hashlib, sys
c0, n = int(sys.argv[1]), int(sys.argv[2])
rows = []
for k in range(1, n + 1):
    t = f"bench-{c0 + k}"
    h = hashlib.sha256(t.encode()).hexdigest()
    rows.append(f"('{h}', {c0 + k}, 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
for i in range(0, len(rows), 1000):
    print("INSERT INTO community_card_sessions (id_hash, card_id, csrf_token, created_at, last_seen_at) VALUES")
    print(",\n".join(rows[i:i + 1000]) + ";")
PY
}

TOKENS=$WORK/card-tokens.txt
for ((k = 1; k <= HOLDERS; k++)); do echo "bench-$((C0 + k))"; done >"$TOKENS"

# wrk_run SECONDS MODE [ENV...]: one wrk run; prints its RESULT line
wrk_run() {
  local secs=$1 mode=$2
  shift 2
  env TOKENS="$TOKENS" MODE="$mode" "$@" wrk -t2 -c"$CONNS" -d"${secs}s" --timeout 30s --latency -s "$LUA" \
    "$BASE" >"$LOGS/wrk-cards.txt" 2>&1 || true
  grep '^RESULT' "$LOGS/wrk-cards.txt" || die "wrk failed: $(cat "$LOGS/wrk-cards.txt")"
}
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

page_row() {
  local label=$1 r=$2 goal=$3 ok load
  load=$(cut -d' ' -f1 /proc/loadavg)
  if [ -z "$goal" ]; then ok="(baseline)"; elif awk "BEGIN {exit !($(field "$r" p99_ms) < $goal)}"; then ok=met; else ok="**missed**"; fi
  say "| $label | $(field "$r" rps) | $(field "$r" p50_ms) | $(field "$r" p90_ms) | **$(field "$r" p99_ms)** | $(field "$r" max_ms) | $(( $(field "$r" other) + $(field "$r" errors) )) | $load | $ok |"
}

# run_on NAME DBURL QUERY: the page, the baseline and the burst on one database
run_on() {
  local name=$1 dburl=$2 q=$3 r enrolled rows ok201
  say "#### $name"
  say ""
  say "| page | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors / not 200 | load avg | p99 < $GOAL ms |"
  say "|---|---|---|---|---|---|---|---|---|"
  server_start "$dburl"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "cookie: edb_card=bench-$((C0 + 1))" "$BASE/card/me")" = 200 ] ||
    die "/card/me did not answer 200"
  wrk_run 3 page >/dev/null
  log "$name: /card/me, ${SECS} s"
  page_row "\`/card/me\` (a different holder each request)" "$(wrk_run "$SECS" page)" "$GOAL"
  log "$name: /card/login, ${SECS} s"
  page_row "\`/card/login\` (no database, baseline)" "$(wrk_run "$SECS" path PATH_ONLY=/card/login)" ""
  say ""
  log "$name: enrolment burst, ${BURST} s"
  r=$(wrk_run "$BURST" enrol SESSION=$POPULAR DELAY_MS="${BENCH_DELAY_MS:-60}")
  server_stop
  enrolled=$($q "SELECT enrolled FROM community_sessions WHERE id = $POPULAR")
  rows=$($q "SELECT COUNT(*) FROM community_enrolments WHERE session_id = $POPULAR AND status = 'enrolled'")
  ok201=$(field "$r" s201)
  local verdict=met
  # Requests still in flight when wrk stops may commit unanswered: rows may
  # exceed the 201s by at most the connections, never fall short of them.
  { [ "$enrolled" = "$rows" ] && [ "$rows" -ge "$ok201" ] && [ "$rows" -le $((ok201 + CONNS)) ] && [ "$rows" -le 10000 ] &&
    awk "BEGIN {exit !($(field "$r" rps) >= 295)}"; } || verdict="**missed**"
  say "| enrolment burst | requests/s | p99 ms | 201 enrolled | 409 refused | other | session's counter | enrolment rows | places | ≥ 300/s, none overbooked or lost |"
  say "|---|---|---|---|---|---|---|---|---|---|"
  say "| ${BURST} s, $CONNS connections | $(field "$r" rps) | $(field "$r" p99_ms) | $ok201 | $(field "$r" s409) | $(( $(field "$r" other) + $(field "$r" errors) )) | $enrolled | $rows | 10000 | $verdict |"
  say ""
}

TODAY_SQLITE="date('now', '+8 hours')"
DB=$DATA/community-cards.db
if [ "$BENCH_FRESH" = 1 ] || [ ! -f "$DB.done" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.done"
  log "preparing the small demo with $CARDS cards and $ATTENDANCE attendance records (SQLite)"
  "$BIN" demo --db "sqlite://$DB" --size small >"$LOGS/cards-demo-sqlite.log" 2>&1 ||
    die "demo failed: $(tail -n 5 "$LOGS/cards-demo-sqlite.log")"
  T0=$(now)
  { echo "PRAGMA cache_size = -524288; BEGIN;"
    generator_sql "RECURSIVE s(n) AS (SELECT @FIRST@ UNION ALL SELECT n + 1 FROM s WHERE n < @LAST@)" "$TODAY_SQLITE" |
      sed "s/$TODAY_SQLITE + \([0-9]*\)/date('now', '+8 hours', '+\1 days')/g"
    sessions_sql
    echo "COMMIT; ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);"
  } | sqlite3 "$DB" >/dev/null || die "generator failed (SQLite)"
  GEN_SQLITE=$(fmt "$(calc "$(now) - $T0")")
  touch "$DB.done"
  log "SQLite data made in ${GEN_SQLITE} s"
fi
sqlq() { sqlite3 "$DB" "$1"; }
say "Data: \`demo --size small\` plus $(sqlq "SELECT count(*) FROM community_cards") cards, $(sqlq "SELECT count(*) FROM community_attendance") attendance records, $(sqlq "SELECT count(*) FROM community_credits") credits, $HOLDERS signed-in holders${GEN_SQLITE:+ (generated in ${GEN_SQLITE} s on SQLite)}. wrk -t2, $CONNS connections, ${SECS} s per page after a 3 s warm-up; the burst paced by DELAY_MS=${BENCH_DELAY_MS:-60} per connection."
say ""
sqlq "UPDATE community_sessions SET enrolled = 0 WHERE id = $POPULAR; DELETE FROM community_enrolments WHERE session_id = $POPULAR;"
run_on SQLite "sqlite://$DB" sqlq
if [ "$BENCH_PG" = 1 ]; then
  pg_start
  pg_createdb cards
  log "preparing the small demo with $CARDS cards and $ATTENDANCE attendance records (PostgreSQL)"
  "$BIN" demo --db "$PGURL_BASE/cards" --size small >"$LOGS/cards-demo-postgres.log" 2>&1 ||
    die "demo failed: $(tail -n 5 "$LOGS/cards-demo-postgres.log")"
  T0=$(now)
  { echo "BEGIN;"
    generator_sql "s(n) AS (SELECT generate_series(@FIRST@, @LAST@) AS n)" "CURRENT_DATE"
    sessions_sql
    echo "COMMIT;"
  } | pg_psql cards || die "generator failed (PostgreSQL)"
  pg_psql cards -c 'VACUUM ANALYZE'
  say "PostgreSQL data generated in $(fmt "$(calc "$(now) - $T0")") s."
  say ""
  pgq() { pg_psql cards -At -c "$1"; }
  run_on PostgreSQL "$PGURL_BASE/cards" pgq
fi
say "Binary: $BUILT_FROM. Machine: $(machine)."
