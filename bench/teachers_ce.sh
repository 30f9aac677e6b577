#!/usr/bin/env bash
# Continuing-education compliance (学分落实情况检查) for 100,000 teachers
# with five years of attendance (≈5,000,000 rows), on SQLite and
# PostgreSQL: GET /api/v1/teachers/training/compliance as the bureau (every
# institution, one grouped pass over the cycle's attendance) beside one scan
# of the attendance table by the database's own client (`SELECT COUNT(*),
# SUM(hours) FROM teachers_training_attendance`), in the same run.
# Writes the "Teachers: continuing-education compliance" section of
# docs/PERFORMANCE.md between <!-- teachers-ce:begin/end --> markers.
#
#   bench/teachers_ce.sh [WORK]     (BENCH_RUNS=3, median; BENCH_PG=0: SQLite only)
#   CE_TEACHERS=100000              teachers generated
if [ $# -gt 0 ]; then export WORK=$1; fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
TEACHERS=${CE_TEACHERS:-100000}
FIRST_YEAR=$(($(date +%Y) - 4))
build

# The generator, in SQL both databases run: 100,000 teachers spread over
# the demo's institutions; 5 years × 200 sessions (2–10 hours); each teacher
# attends 40–60 distinct sessions, 12 at most a year, so the cycle holds
# ≈5,000,000 attendances and a mix of 达标, 进度正常 and 进度落后.
# $1: the SQL of a series 1..@N@ as a table of k (recursive CTE or generate_series).
generator() {
  local series_staff series_sessions series_j
  series_staff=${1//@N@/$TEACHERS}
  series_sessions=${1//@N@/1000}
  series_j=${1//@N@/60}
  cat <<SQL
INSERT INTO platform_settings (key, value, updated_at) VALUES ('teachers.ce_cycle_first_year', '$FIRST_YEAR', CURRENT_TIMESTAMP)
  ON CONFLICT (key) DO UPDATE SET value = excluded.value;
CREATE TABLE bench_institutions AS
  SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, id FROM institutions;
CREATE INDEX bench_institutions_n ON bench_institutions (n);
INSERT INTO teachers_staff (institution_id, national_id, name, sex, birth_date, post_category, establishment, subjects, created_at, updated_at)
  SELECT i.id, 'CE' || k, '教师' || k, 'female', DATE '1985-03-01', 'technical', 'in_quota', '语文', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
  FROM ($series_staff) s JOIN bench_institutions i ON i.n = k % (SELECT COUNT(*) FROM bench_institutions);
INSERT INTO teachers_training_projects (name, organiser, level, year, created_at)
  SELECT '基准项目' || k, '区教师发展中心', 'district', $FIRST_YEAR + (k - 1) / 25, CURRENT_TIMESTAMP FROM (${1//@N@/125}) s;
CREATE TABLE bench_projects AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, id, year FROM teachers_training_projects WHERE name LIKE '基准项目%';
INSERT INTO teachers_training_sessions (project_id, title, starts_on, ends_on, hours)
  SELECT p.id, '第' || k || '期', YEAR_DATE(p.year), YEAR_DATE(p.year), 2 + 2 * (k % 5)
  FROM ($series_sessions) s JOIN bench_projects p ON p.n = (k - 1) / 8;
CREATE TABLE bench_sessions AS
  SELECT ROW_NUMBER() OVER (ORDER BY s.id) - 1 AS n, s.id, s.hours, p.year
  FROM teachers_training_sessions s JOIN bench_projects p ON p.id = s.project_id;
CREATE INDEX bench_sessions_n ON bench_sessions (n);
CREATE INDEX bench_projects_n ON bench_projects (n);
CREATE TABLE bench_staff AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, id FROM teachers_staff WHERE national_id LIKE 'CE%';
INSERT INTO teachers_training_attendance (session_id, staff_id, attended_on, hours, recorded_at)
  SELECT bs.id, st.id, YEAR_DATE(bs.year), bs.hours, CURRENT_TIMESTAMP
  FROM bench_staff st CROSS JOIN ($series_j) j
  JOIN bench_sessions bs ON bs.n = ((j.k - 1) / 12) * 200 + ((st.n * 7 + ((j.k - 1) % 12) * 16) % 200)
  WHERE j.k <= 40 + st.n % 21
  ORDER BY st.id;
DROP TABLE bench_institutions; DROP TABLE bench_projects; DROP TABLE bench_sessions; DROP TABLE bench_staff;
SQL
}

SCAN_SQL="SELECT COUNT(*), SUM(hours) FROM teachers_training_attendance;"

# time_compliance: seconds for one GET of the compliance check (bureau).
time_compliance() {
  curl -s -o "$LOGS/ce-compliance.json" -w '%{http_code} %{time_total}\n' -H "cookie: $COOKIE" \
    "$BASE/api/v1/teachers/training/compliance" >"$LOGS/ce-curl.txt"
  read -r code secs <"$LOGS/ce-curl.txt"
  [ "$code" = 200 ] || die "compliance answered $code: $(head -c 300 "$LOGS/ce-compliance.json")"
  echo "$secs"
}

# measure NAME SCAN_FN: warm-up, then RUNS × (scan, compliance); sets $NAME_SCAN, $NAME_CE.
measure() {
  local name=$1 scan_fn=$2 scans=() ces=() i
  "$scan_fn" >/dev/null
  time_compliance >/dev/null
  for ((i = 1; i <= RUNS; i++)); do
    scans+=("$("$scan_fn")")
    ces+=("$(time_compliance)")
    log "$name run $i: scan ${scans[-1]} s, compliance ${ces[-1]} s"
  done
  printf -v "${name}_SCAN" '%s' "$(median "${scans[@]}")"
  printf -v "${name}_CE" '%s' "$(median "${ces[@]}")"
}

summary() {
  python3 - "$LOGS/ce-compliance.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
print(f"{c['teachers']} {c['met']} {c['behind']} {len(c['lines'])} {c['requirement']['due']}")
PY
}

# ---- SQLite ------------------------------------------------------------------------
DB=$DATA/teachers-ce.db
if [ ! -f "$DB" ] || [ "$BENCH_FRESH" = 1 ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  "$BIN" demo --db "sqlite://$DB" --size small >"$LOGS/ce-demo-sqlite.log" 2>&1 || die "demo failed"
  log "generating $TEACHERS teachers and their attendance in SQLite"
  T0=$(now)
  generator "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < @N@) SELECT k FROM n" |
    sed -e "s/DATE '\([0-9-]*\)'/'\1'/g" -e "s/YEAR_DATE(\([a-z.]*\))/printf('%d-03-01', \1)/g" |
    sqlite3 -bail "$DB" || die "generation failed"
  sqlite3 "$DB" "ANALYZE;" || true
  SQLITE_GEN=$(calc "$(now) - $T0")
  echo "$SQLITE_GEN" >"$DATA/teachers-ce.gen"
fi
SQLITE_GEN=$(cat "$DATA/teachers-ce.gen" 2>/dev/null || echo 0)
SQLITE_ROWS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM teachers_training_attendance")
sqlite_scan() {
  sqlite3 "$DB" <<SQL | awk '/^Run Time/ {print $4}'
.timer on
$SCAN_SQL
SQL
}
server_start "sqlite://$DB"
COOKIE=$(login admin district)
[ -n "$COOKIE" ] || die "login failed"
measure SQLITE sqlite_scan
read -r S_TEACHERS S_MET S_BEHIND S_LINES S_DUE <<<"$(summary)"
server_stop

# ---- PostgreSQL --------------------------------------------------------------------
PG_DONE=0
if [ "$BENCH_PG" = 1 ]; then
  pg_start
  pg_createdb ce
  "$BIN" demo --db "$PGURL_BASE/ce" --size small >"$LOGS/ce-demo-pg.log" 2>&1 || die "demo (PostgreSQL) failed"
  log "generating $TEACHERS teachers and their attendance in PostgreSQL"
  T0=$(now)
  generator "SELECT generate_series(1, @N@) AS k" |
    sed -e "s/YEAR_DATE(\([a-z.]*\))/make_date((\1)::int, 3, 1)/g" |
    pg_psql ce >/dev/null || die "generation (PostgreSQL) failed"
  pg_psql ce -c "VACUUM ANALYZE" >/dev/null
  PG_GEN=$(calc "$(now) - $T0")
  PG_ROWS=$(pg_psql ce -At -c "SELECT COUNT(*) FROM teachers_training_attendance")
  pg_scan() {
    pg_psql ce -At <<SQL | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk '{print $1 / 1000}'
\timing on
$SCAN_SQL
SQL
  }
  server_start "$PGURL_BASE/ce"
  COOKIE=$(login admin district)
  measure PG pg_scan
  read -r P_TEACHERS P_MET P_BEHIND P_LINES P_DUE <<<"$(summary)"
  server_stop
  PG_DONE=1
fi

verdict() { awk "BEGIN {print ($1 <= 3 * $2) ? \"met\" : \"not met\"}"; }
row() { echo "| $1 | $2 | $(fmt "$3" 3) | $(fmt "$4" 3) | **$(fmt "$(calc "$4 / $3")" 2)×** | $(verdict "$4" "$3") | $(fmt "$5" 0) |"; }
SECTION=$(cat <<MD
<!-- teachers-ce:begin -->
## Teachers: continuing-education compliance

\`bench/teachers_ce.sh\`: the small demo topped up by an SQL generator with $TEACHERS teachers, 125 projects,
1,000 sessions over the five years of the current cycle and 40–60 attendances per teacher; median of $RUNS,
after one warm-up of each. Compliance is \`GET /api/v1/teachers/training/compliance\` as the bureau (every
institution; wall time by curl, including HTTP and JSON); the scan is \`$SCAN_SQL\` in the database's own
client (\`sqlite3\` / \`psql\`, server-side timing). Built from $BUILT_FROM.
Machine: $(machine).

| Database | Attendance rows | Scan (s) | Compliance (s) | Compliance ÷ scan | Goal ≤ 3× | Generator (s) |
|---|---|---|---|---|---|---|
$(row SQLite "$SQLITE_ROWS" "$SQLITE_SCAN" "$SQLITE_CE" "$SQLITE_GEN")
$( [ "$PG_DONE" = 1 ] && row PostgreSQL "$PG_ROWS" "$PG_SCAN" "$PG_CE" "$PG_GEN")

The check found $S_TEACHERS teachers, $S_MET 达标 and $S_BEHIND 进度落后 ($S_DUE hours due) over $S_LINES institutions.
It is one grouped pass: a derived table sums each teacher's hours of the cycle
(\`GROUP BY staff_id\`), read from the covering index \`teachers_training_attendance_hours\`
(staff_id, attended_on, hours) without touching the table, joined to the teachers and counted per
institution against the thresholds of \`domain::training::Requirement\`.
<!-- teachers-ce:end -->
MD
)
echo "$SECTION" >"$RESULTS/teachers_ce.md"
DOC=$REPO/docs/PERFORMANCE.md
python3 - "$DOC" "$RESULTS/teachers_ce.md" <<'PY'
import re, sys
doc, new = open(sys.argv[1]).read(), open(sys.argv[2]).read().strip()
pat = re.compile(r"<!-- teachers-ce:begin -->.*?<!-- teachers-ce:end -->", re.S)
doc = pat.sub(lambda _: new, doc) if pat.search(doc) else doc.rstrip() + "\n\n" + new + "\n"
open(sys.argv[1], "w").write(doc)
PY
log "written to $DOC"
cat "$RESULTS/teachers_ce.md"
