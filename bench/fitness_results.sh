#!/usr/bin/env bash
# Fitness test results (体测成绩), 1,000,000 rows, on SQLite and PostgreSQL:
#
# 1. Import: `edubureau fitness import` of a 体测成绩导入表 CSV (every row
#    joined to its pupil by 学籍号, checked, scored and written in one
#    transaction) beside the floor: the database alone loading the very rows
#    our import stored into the same schema (fitness_tests with its indexes),
#    in one transaction, with nothing to parse or check — on SQLite
#    `INSERT … SELECT` from our run's database, on PostgreSQL `\copy` of our
#    run's table dumped in COPY text format (as bench/import.sh measures its
#    floor). Goal: ours ≥ 0.8 × the floor's throughput.
# 2. Scoring: `edubureau fitness rescore` (read every stored test in
#    batches, score it, write the scores back) beside `fitness rescore
#    --write-back-only` (the same reads and writes, the stored scores written
#    back unscored), alternating in the same run on the same database.
#    Goal: scoring adds at most 50%.
#
# The database: the small demo district with 1,000,000 more generated
# pupils (`sample-csv` + `import students`, as bench/import.sh), the file
# written by `fitness sample-csv` for the first 1,000,000 pupils of grades
# 1–12.
#
#   bench/fitness_results.sh [WORK]   (BENCH_ROWS=1000000, BENCH_RUNS=3, BENCH_PG=0: SQLite only)
# Prints a Markdown section; also writes it to WORK/results/fitness.md.
if [ $# -gt 0 ]; then export WORK=$1; fi
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ROWS=${BENCH_ROWS:-1000000}
build

STUDENTS=$DATA/fitness-students-$ROWS.csv
TEMPLATE=$DATA/fitness-template-$ROWS.db
FILE=$DATA/fitness-$ROWS.csv
EMPTY_STUDENTS="DELETE FROM students_home_visits; DELETE FROM students_care_records; DELETE FROM students_left_behind_archive;
  DELETE FROM students_transfers; DELETE FROM students_dropout_cases; DELETE FROM students_children; DELETE FROM students_enrolments;
  DELETE FROM students;"

# time_cmd NAME CMD...: runs CMD, prints the wall time in seconds
time_cmd() {
  local name=$1 t0 t1
  shift
  t0=$(now)
  "$@" >"$LOGS/$name.out" 2>&1 || {
    cat "$LOGS/$name.out" >&2
    die "$name failed"
  }
  t1=$(now)
  calc "$t1 - $t0"
}
LOADS=()
load() { LOADS+=("$1:$(cut -d' ' -f1 /proc/loadavg)"); }
expect_rows() { [ "$2" -eq "$ROWS" ] || die "$1: expected $ROWS rows, found $2"; }

if [ "$BENCH_FRESH" = 1 ] || [ ! -s "$TEMPLATE" ] || [ ! -s "$FILE" ]; then
  rm -f "$TEMPLATE"*
  log "template: demo district + $ROWS pupils"
  "$BIN" demo --db "sqlite://$TEMPLATE" --size small >"$LOGS/fitness-template.log" 2>&1
  sqlite3 "$TEMPLATE" "PRAGMA foreign_keys=ON; $EMPTY_STUDENTS"
  # 2.3 students a row: the generator puts 55% of them in kindergartens and
  # other schools' grades (45% in grades 1–12 in the small demo district).
  "$BIN" sample-csv --db "sqlite://$TEMPLATE" --rows "$((ROWS * 23 / 10))" --out "$STUDENTS.raw" >/dev/null
  awk -F, 'NR == 1 || !seen[$6]++' "$STUDENTS.raw" >"$STUDENTS" && rm -f "$STUDENTS.raw"
  "$BIN" import students "$STUDENTS" --db "sqlite://$TEMPLATE" >"$LOGS/fitness-students.log" 2>&1
  "$BIN" fitness sample-csv --db "sqlite://$TEMPLATE" --rows "$ROWS" --out "$FILE" >/dev/null
  [ "$(($(wc -l <"$FILE") - 1))" -eq "$ROWS" ] || die "fewer than $ROWS pupils in grades 1–12"
  sqlite3 "$TEMPLATE" "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
fi
BYTES=$(stat -c %s "$FILE")
cat "$FILE" >/dev/null

declare -a s_ours s_floor s_score s_plain
for ((r = 1; r <= RUNS; r++)); do
  db=$DATA/fitness-run.db
  rm -f "$db"*
  cp "$TEMPLATE" "$db"
  sync
  s_ours+=("$(time_cmd "fitness-sqlite-ours-$r" "$BIN" fitness import "$FILE" --db "sqlite://$db")")
  load sqlite-import
  expect_rows "sqlite import" "$(sqlite3 "$db" "SELECT count(*) FROM fitness_tests")"
  floor=$DATA/fitness-floor.db
  rm -f "$floor"*
  cp "$TEMPLATE" "$floor"
  sync
  s_floor+=("$(time_cmd "fitness-sqlite-floor-$r" sqlite3 "$floor" "PRAGMA foreign_keys = ON;" "PRAGMA synchronous = NORMAL;" \
    "PRAGMA journal_mode = WAL;" "ATTACH '$db' AS src;" "BEGIN IMMEDIATE;" \
    "INSERT INTO main.fitness_tests SELECT * FROM src.fitness_tests WHERE 1;" "COMMIT;")")
  load sqlite-floor
  expect_rows "sqlite floor" "$(sqlite3 "$floor" "SELECT count(*) FROM fitness_tests")"
  rm -f "$floor"*
  s_plain+=("$(time_cmd "fitness-sqlite-plain-$r" "$BIN" fitness rescore --write-back-only --db "sqlite://$db")")
  load sqlite-write-back
  s_score+=("$(time_cmd "fitness-sqlite-score-$r" "$BIN" fitness rescore --db "sqlite://$db")")
  load sqlite-score
  log "sqlite run $r: import ${s_ours[-1]}s, floor ${s_floor[-1]}s, write-back ${s_plain[-1]}s, score ${s_score[-1]}s"
done
rm -f "$DATA"/fitness-run.db*

declare -a p_ours p_floor p_score p_plain
if [ "$BENCH_PG" = 1 ]; then
  pg_start
  pg_createdb fittpl
  "$BIN" demo --db "$PGURL_BASE/fittpl" --size small >"$LOGS/fitness-pg-template.log" 2>&1
  pg_psql fittpl -c "$EMPTY_STUDENTS"
  "$BIN" import students "$STUDENTS" --db "$PGURL_BASE/fittpl" >"$LOGS/fitness-pg-students.log" 2>&1
  pg_psql fittpl -c "VACUUM ANALYZE"
  COLUMNS=$(pg_psql -tA fittpl -c "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'fitness_tests' AND column_name <> 'id'")
  for ((r = 1; r <= RUNS; r++)); do
    pg_createdb "run$r" fittpl
    pg_psql postgres -c CHECKPOINT
    p_ours+=("$(time_cmd "fitness-pg-ours-$r" "$BIN" fitness import "$FILE" --db "$PGURL_BASE/run$r")")
    load pg-import
    expect_rows "postgres import" "$(pg_psql -tA "run$r" -c "SELECT count(*) FROM fitness_tests")"
    pg_psql "run$r" -c "\\copy fitness_tests ($COLUMNS) TO '$DATA/fitness-floor.copy'"
    pg_createdb "floor$r" fittpl
    pg_psql postgres -c CHECKPOINT
    p_floor+=("$(time_cmd "fitness-pg-floor-$r" psql -X -1 -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U edubureau "floor$r" \
      -c "\\copy fitness_tests ($COLUMNS) FROM '$DATA/fitness-floor.copy'")")
    load pg-floor
    expect_rows "postgres floor" "$(pg_psql -tA "floor$r" -c "SELECT count(*) FROM fitness_tests")"
    pg_dropdb "floor$r"
    rm -f "$DATA/fitness-floor.copy"
    pg_psql "run$r" -c "VACUUM ANALYZE fitness_tests"
    p_plain+=("$(time_cmd "fitness-pg-plain-$r" "$BIN" fitness rescore --write-back-only --db "$PGURL_BASE/run$r")")
    load pg-write-back
    p_score+=("$(time_cmd "fitness-pg-score-$r" "$BIN" fitness rescore --db "$PGURL_BASE/run$r")")
    load pg-score
    log "postgres run $r: import ${p_ours[-1]}s, floor ${p_floor[-1]}s, write-back ${p_plain[-1]}s, score ${p_score[-1]}s"
    pg_dropdb "run$r"
  done
  pg_stop
fi

runs() { for t in "$@"; do fmt "$t" 1; echo -n ' '; done | sed 's/ $//; s/ /, /g'; }
import_row() { # LABEL OURS FLOOR
  local ours floor mo mf ratio
  read -ra ours <<<"$2"
  read -ra floor <<<"$3"
  mo=$(median "${ours[@]}")
  mf=$(median "${floor[@]}")
  ratio=$(calc "$mf / $mo")
  printf '| %s | %s s (%s) | %s | %s s (%s) | %s | **%s** | %s |\n' "$1" \
    "$(fmt "$mo" 1)" "$(runs "${ours[@]}")" "$(fmt "$(calc "$ROWS / $mo")")" \
    "$(fmt "$mf" 1)" "$(runs "${floor[@]}")" "$(fmt "$(calc "$ROWS / $mf")")" \
    "$(fmt "$ratio" 2)" "$(awk -v r="$ratio" 'BEGIN {print (r >= 0.8) ? "met" : "**missed**"}')"
}
score_row() { # LABEL SCORE PLAIN
  local score plain ms mp added
  read -ra score <<<"$2"
  read -ra plain <<<"$3"
  ms=$(median "${score[@]}")
  mp=$(median "${plain[@]}")
  added=$(calc "($ms / $mp - 1) * 100")
  printf '| %s | %s s (%s) | %s s (%s) | **%s%%** | %s |\n' "$1" \
    "$(fmt "$ms" 1)" "$(runs "${score[@]}")" "$(fmt "$mp" 1)" "$(runs "${plain[@]}")" \
    "$(fmt "$added" 0)" "$(awk -v a="$added" 'BEGIN {print (a <= 50) ? "met" : "**missed**"}')"
}
{
  echo "Import of $ROWS rows ($(fmt "$(calc "$BYTES / 1048576")") MB UTF-8 CSV in the 体测成绩导入表 layout, 21 columns), median of $RUNS runs (all runs in parentheses); goal: ours ≥ 0.8 × the floor."
  echo
  echo "| Database | ours: wall time | ours: rows/s | floor: wall time | floor: rows/s | ours / floor | goal ≥ 0.8 |"
  echo "|---|---|---|---|---|---|---|"
  import_row "SQLite (floor: INSERT … SELECT)" "${s_ours[*]}" "${s_floor[*]}"
  [ "$BENCH_PG" = 1 ] && import_row "PostgreSQL (floor: \\copy)" "${p_ours[*]}" "${p_floor[*]}"
  echo
  echo "Scoring the $ROWS stored tests (read in batches of 20,000, scored, written back), beside the same reads and writes without scoring; goal: scoring adds ≤ 50%."
  echo
  echo "| Database | read + score + write | read + write (no scoring) | added by scoring | goal ≤ 50% |"
  echo "|---|---|---|---|---|"
  score_row "SQLite" "${s_score[*]}" "${s_plain[*]}"
  [ "$BENCH_PG" = 1 ] && score_row "PostgreSQL" "${p_score[*]}" "${p_plain[*]}"
  echo
  echo "1-minute load average after each run (2 CPUs; above 2 means other work competed): ${LOADS[*]}."
  echo
  echo "Binary: $BUILT_FROM. Machine: $(machine)."
  echo
  echo "Reproduce with \`bench/fitness_results.sh\` (a built binary: \`EDUBUREAU_BIN=target/release/edubureau bench/fitness_results.sh\`; SQLite only: \`BENCH_PG=0\`; fewer rows: \`BENCH_ROWS=100000\`)."
} | tee "$RESULTS/fitness.md"
