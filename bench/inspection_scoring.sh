#!/usr/bin/env bash
# Scoring a campaign (督导评估) of 1,000 institutions against a
# 120-indicator framework, on SQLite and PostgreSQL: POST
# /api/v1/inspection/campaigns/{id}/rescore (one query reads every stored
# answer, the framework scores them in memory, the results are written in
# batches in one transaction) beside one read of the same answers by the
# database's own client (`SELECT institution_id, answers FROM
# inspection_targets WHERE campaign_id = …`), in the same run.
# Writes the "Inspection: scoring a campaign" section of docs/PERFORMANCE.md
# between <!-- inspection-scoring:begin/end --> markers.
#
#   bench/inspection_scoring.sh [WORK]   (BENCH_RUNS=3, median; BENCH_PG=0: SQLite only)
#   SCORING_TARGETS=1000                 institutions in the campaign
if [ $# -gt 0 ]; then export WORK=$1; fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
TARGETS=${SCORING_TARGETS:-1000}
build

# The generator: 1,000 institutions, a published framework of 10 groups ×
# 12 leaves (levels, checklists, points, one veto each) and a campaign whose
# every institution has a full set of answers (deterministic, seed 14).
generator() {
  python3 - "$TARGETS" <<'PY'
import json, random, sys
n = int(sys.argv[1])
rng = random.Random(14)
items, leaves = [], []
for g in range(1, 11):
    children = []
    for i in range(1, 13):
        code = f"L{g:02d}_{i:02d}"
        if i <= 4:
            m, p = {"levels": [{"label": l, "points": v} for l, v in zip("ABCD", (10, 7, 4, 0))]}, 10
        elif i <= 6:
            m, p = {"levels": [{"label": l, "points": v} for l, v in zip("ABC", (5, 3, 0))]}, 5
        elif i <= 8:
            m, p = {"checklist": [{"label": "检查项一", "points": 5}, {"label": "检查项二", "points": 5}]}, 10
        elif i <= 11:
            m, p = {"range": {"min": 0}}, 10
        else:
            m, p = {"veto": {"cap": 590}}, 0
        children.append({"code": code, "title": f"指标{code}", "points": p, "body": {"leaf": m}})
        leaves.append((code, m))
    items.append({"code": f"G{g:02d}", "title": f"一级指标{g}", "points": 100, "body": {"group": children}})
bands = [{"label": l, "min": v} for l, v in (("优秀", 900), ("良好", 750), ("合格", 600), ("不合格", 0))]
body = json.dumps({"total": 1000, "items": items, "bands": bands}, ensure_ascii=False)
print("INSERT INTO institutions (name, school_type, ownership, licence, status, township_id, created_at, updated_at) VALUES")
print(",\n".join(f"('基准学校{k:04d}', '211', 'public', 'licensed', 'active', (SELECT MIN(id) FROM townships), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)" for k in range(1, n + 1)) + ";")
print("INSERT INTO inspection_frameworks (owner, purpose, name, year, version, body, total_points, leaf_count, status, created_at, updated_at) VALUES "
      f"('supervision', 'development', '基准评估标准', 2026, 1, '{body}', 1000, {len(leaves)}, 'published', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);")
print("INSERT INTO inspection_campaigns (owner, framework_id, title, starts_on, ends_on, created_at) VALUES "
      "('supervision', (SELECT id FROM inspection_frameworks WHERE name = '基准评估标准'), '基准评估', '2026-03-14', '2026-04-28', CURRENT_TIMESTAMP);")
rows = []
for k in range(1, n + 1):
    answers = {}
    for code, m in leaves:
        if "levels" in m:
            answers[code] = {"level": rng.choice(m["levels"])["label"]}
        elif "checklist" in m:
            answers[code] = {"checks": [rng.random() < 0.8, rng.random() < 0.8]}
        elif "range" in m:
            answers[code] = {"value": rng.randint(0, 10)}
        else:
            answers[code] = {"veto": rng.random() < 0.002}
    rows.append(f"((SELECT id FROM inspection_campaigns WHERE title = '基准评估'), "
                f"(SELECT id FROM institutions WHERE name = '基准学校{k:04d}'), '督学{k % 40}', '{json.dumps(answers)}')")
print("INSERT INTO inspection_targets (campaign_id, institution_id, inspector, answers) VALUES")
print(",\n".join(rows) + ";")
PY
}

READ_SQL="SELECT institution_id, answers FROM inspection_targets WHERE campaign_id = (SELECT id FROM inspection_campaigns WHERE title = '基准评估');"

# time_rescore: seconds for one POST of the re-scoring (督导室).
time_rescore() {
  curl -s -o "$LOGS/scoring.json" -w '%{http_code} %{time_total}\n' -X POST -H "cookie: $COOKIE" \
    -H "x-csrf-token: $CSRF" "$BASE/api/v1/inspection/campaigns/$CAMPAIGN/rescore" >"$LOGS/scoring-curl.txt"
  read -r code secs <"$LOGS/scoring-curl.txt"
  [ "$code" = 200 ] || die "rescore answered $code: $(head -c 300 "$LOGS/scoring.json")"
  echo "$secs"
}

# measure NAME READ_FN: warm-up, then RUNS × (read, rescore); sets $NAME_READ, $NAME_SCORE.
measure() {
  local name=$1 read_fn=$2 reads=() scores=() i
  "$read_fn" >/dev/null
  time_rescore >/dev/null
  for ((i = 1; i <= RUNS; i++)); do
    reads+=("$("$read_fn")")
    scores+=("$(time_rescore)")
    log "$name run $i: read ${reads[-1]} s, rescore ${scores[-1]} s"
  done
  printf -v "${name}_READ" '%s' "$(median "${reads[@]}")"
  printf -v "${name}_SCORE" '%s' "$(median "${scores[@]}")"
}

session() {
  COOKIE=$(login dudao district)
  [ -n "$COOKIE" ] || die "login failed"
  CSRF=$(curl -s -H "cookie: $COOKIE" "$BASE/api/v1/session" | python3 -c 'import json, sys; print(json.load(sys.stdin)["csrf_token"])')
}

# ---- SQLite ------------------------------------------------------------------------
DB=$DATA/inspection-scoring.db
if [ ! -f "$DB" ] || [ "$BENCH_FRESH" = 1 ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  "$BIN" demo --db "sqlite://$DB" --size small >"$LOGS/scoring-demo-sqlite.log" 2>&1 || die "demo failed"
  log "generating $TARGETS institutions and their answers in SQLite"
  generator | sqlite3 -bail "$DB" || die "generation failed"
  sqlite3 "$DB" "ANALYZE;" || true
fi
CAMPAIGN=$(sqlite3 "$DB" "SELECT id FROM inspection_campaigns WHERE title = '基准评估'")
SQLITE_ROWS=$(sqlite3 "$DB" "SELECT COUNT(*) FROM inspection_targets WHERE campaign_id = $CAMPAIGN")
sqlite_read() {
  sqlite3 "$DB" <<SQL | awk '/^Run Time/ {print $4}'
.output /dev/null
.timer on
$READ_SQL
SQL
}
server_start "sqlite://$DB"
session
measure SQLITE sqlite_read
SQLITE_SCORED=$(python3 -c 'import json; print(json.load(open("'"$LOGS/scoring.json"'"))["scored"])')
SQLITE_BANDS=$(sqlite3 "$DB" "SELECT band || ' ' || COUNT(*) FROM inspection_targets WHERE campaign_id = $CAMPAIGN GROUP BY band ORDER BY MIN(total_points) DESC" | paste -sd, -)
server_stop

# ---- PostgreSQL --------------------------------------------------------------------
PG_DONE=0
if [ "$BENCH_PG" = 1 ]; then
  pg_start
  pg_createdb scoring
  "$BIN" demo --db "$PGURL_BASE/scoring" --size small >"$LOGS/scoring-demo-pg.log" 2>&1 || die "demo (PostgreSQL) failed"
  log "generating $TARGETS institutions and their answers in PostgreSQL"
  generator | pg_psql scoring >/dev/null || die "generation (PostgreSQL) failed"
  pg_psql scoring -c "VACUUM ANALYZE" >/dev/null
  CAMPAIGN=$(pg_psql scoring -At -c "SELECT id FROM inspection_campaigns WHERE title = '基准评估'")
  PG_ROWS=$(pg_psql scoring -At -c "SELECT COUNT(*) FROM inspection_targets WHERE campaign_id = $CAMPAIGN")
  pg_read() {
    pg_psql scoring -At -o /dev/null <<SQL 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | awk '{print $1 / 1000}'
\timing on
$READ_SQL
SQL
  }
  server_start "$PGURL_BASE/scoring"
  session
  measure PG pg_read
  PG_SCORED=$(python3 -c 'import json; print(json.load(open("'"$LOGS/scoring.json"'"))["scored"])')
  server_stop
  PG_DONE=1
fi

verdict() { awk "BEGIN {print ($1 < 1) ? \"met\" : \"not met\"}"; }
row() { echo "| $1 | $2 | $3 | $(fmt "$4" 3) | $(fmt "$5" 3) | $(fmt "$(calc "$5 / $4")" 1)× | $(verdict "$5") |"; }
SECTION=$(cat <<MD
<!-- inspection-scoring:begin -->
## Inspection: scoring a campaign

\`bench/inspection_scoring.sh\`: the small demo topped up with $TARGETS institutions, a published framework of
120 leaf indicators (10 groups × 12: levels, checklists, points and a veto item each) and one campaign whose
every institution has a full set of answers; median of $RUNS, after one warm-up of each. Rescore is
\`POST /api/v1/inspection/campaigns/{id}/rescore\` as 督导室 (wall time by curl: read every answer with one
query, score them in memory with \`Framework::score\`, write every result in batches of 400 rows with
\`UPDATE … FROM (VALUES …)\` in one transaction, audit entry included); the read is \`$READ_SQL\` in the
database's own client (\`sqlite3\` / \`psql\`, server-side timing, output discarded). Built from $BUILT_FROM.
Machine: $(machine); load average $(cut -d' ' -f1-3 /proc/loadavg).

| Database | Institutions | Scored | Read answers (s) | Rescore (s) | Rescore ÷ read | Goal < 1 s |
|---|---|---|---|---|---|---|
$(row SQLite "$SQLITE_ROWS" "$SQLITE_SCORED" "$SQLITE_READ" "$SQLITE_SCORE")
$( [ "$PG_DONE" = 1 ] && row PostgreSQL "$PG_ROWS" "$PG_SCORED" "$PG_READ" "$PG_SCORE")

Bands reached (SQLite): $SQLITE_BANDS.
<!-- inspection-scoring:end -->
MD
)
echo "$SECTION" >"$RESULTS/inspection_scoring.md"
DOC=$REPO/docs/PERFORMANCE.md
python3 - "$DOC" "$RESULTS/inspection_scoring.md" <<'PY'
import re, sys
doc, new = open(sys.argv[1]).read(), open(sys.argv[2]).read().strip()
pat = re.compile(r"<!-- inspection-scoring:begin -->.*?<!-- inspection-scoring:end -->", re.S)
doc = pat.sub(lambda _: new, doc) if pat.search(doc) else doc.rstrip() + "\n\n" + new + "\n"
open(sys.argv[1], "w").write(doc)
PY
log "written to $DOC"
cat "$RESULTS/inspection_scoring.md"
