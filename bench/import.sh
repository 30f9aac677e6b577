#!/usr/bin/env bash
# Import throughput: `edubureau import students` (full validation, one
# transaction, students + enrolments with all their indexes) of a generated
# file in the national template layout, beside the database's own bulk loader
# of the same file into a bare table of 26 TEXT columns without indexes:
#   SQLite:     sqlite3 `.mode csv` + `.import --skip 1` (WAL, synchronous=NORMAL, like ours)
#   PostgreSQL: psql `\copy t FROM file WITH (FORMAT csv, HEADER true)`, same server, default settings
# Each is run BENCH_RUNS times (default 3) into a fresh database, alternating
# ours and the baseline; the median wall time is reported.
#
# A third figure, the floor, is what the database alone needs to store the
# very rows our import stored, into the same schema, in one transaction, with
# nothing to parse or check: on SQLite `INSERT … SELECT` from the database our
# run produced (dropping and rebuilding the same four indexes as our loader
# does), on PostgreSQL `\copy` of our run's own tables dumped in COPY text
# format. The floor is an (approximate) lower bound for any importer of this
# file into this schema, so floor ÷ baseline is about the best ratio any
# importer can reach.
#
#   bench/import.sh [WORK_DIR]      (BENCH_ROWS=1000000, BENCH_PG=1, BENCH_RUNS=3)
# Prints a Markdown table; also writes it to WORK_DIR/results/import.md.
WORK=${1:-${WORK:-/tmp/edubureau-bench}}
source "$(dirname "$0")/common.sh"
ROWS=${BENCH_ROWS:-1000000}

build
CSV=$DATA/students-$ROWS.csv
TEMPLATE=$DATA/import-template.db

# The target database: the small demo district (137 institutions with their
# school codes, accounts) with its 3,002 demo students removed, so that the
# load starts from empty tables like the baseline's. The audit_log is
# append-only and is left alone.
EMPTY_STUDENTS="DELETE FROM students_home_visits; DELETE FROM students_care_records; DELETE FROM students_left_behind_archive;
  DELETE FROM students_transfers; DELETE FROM students_dropout_cases; DELETE FROM students_children; DELETE FROM students_enrolments;
  DELETE FROM students;"
if [ "$BENCH_FRESH" = 1 ] || [ ! -s "$TEMPLATE" ]; then
  rm -f "$TEMPLATE"*
  "$BIN" demo --db "sqlite://$TEMPLATE" --size small >"$LOGS/import-template.log" 2>&1
  sqlite3 "$TEMPLATE" "PRAGMA foreign_keys=ON; $EMPTY_STUDENTS VACUUM; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
fi
# One repeated ID number makes the all-or-nothing import refuse the whole
# file. `sample-csv` no longer repeats any (earlier versions did), but as a
# guard 2% more rows are generated and the first $ROWS rows with distinct ID
# numbers (column 6; the generator never quotes fields) are kept. Both sides
# load that file.
if [ "$BENCH_FRESH" = 1 ] || [ ! -s "$CSV" ]; then
  log "writing $ROWS rows to $CSV"
  "$BIN" sample-csv --db "sqlite://$TEMPLATE" --rows "$((ROWS + ROWS / 50 + 100))" --out "$CSV.raw" >/dev/null
  awk -F, -v n="$ROWS" 'NR == 1 {print; next} !seen[$6]++ {print; if (++k == n) exit}' "$CSV.raw" >"$CSV"
  rm -f "$CSV.raw"
  [ "$(($(wc -l <"$CSV") - 1))" -eq "$ROWS" ] || die "could not make $ROWS distinct rows"
fi
BYTES=$(stat -c %s "$CSV")
cat "$CSV" >/dev/null # into the page cache, for both sides alike

# time_cmd NAME CMD...: runs CMD under /usr/bin/time -v; prints "SECONDS MAXRSS_KB"
time_cmd() {
  local name=$1 t0 t1
  shift
  t0=$(now)
  /usr/bin/time -v -o "$LOGS/$name.time" "$@" >"$LOGS/$name.out" 2>&1 || {
    cat "$LOGS/$name.out" >&2
    die "$name failed"
  }
  t1=$(now)
  echo "$(calc "$t1 - $t0") $(awk -F': ' '/Maximum resident/ {print $2}' "$LOGS/$name.time")"
}
LOADS=() # the 1-minute load average after each timed run (the machine may be shared)
load() { LOADS+=("$1:$(cut -d' ' -f1 /proc/loadavg)"); }

# expect_rows WHAT COUNT: every side must have stored all the rows
expect_rows() { [ "$2" -eq "$ROWS" ] || die "$1: expected $ROWS rows, found $2"; }
check_imported() { # LOGFILE: the CLI's summary must say all rows, 0 errors
  grep -q "导入 $ROWS 人，错误 0 处" "$1" || {
    cat "$1" >&2
    die "import did not load all $ROWS rows cleanly"
  }
}

COLS=$(for i in $(seq 1 26); do printf 'c%d TEXT,' "$i"; done)
COLS=${COLS%,}

# ---- SQLite ----------------------------------------------------------------------
# sqlite_floor_sql SOURCE_DB: the floor's script (see the top of this file),
# with the pragmas our loader uses and the deferred indexes of the schema.
DEFERRED="'students_id_number', 'students_name', 'enrolments_current_by_institution', 'enrolments_current_by_grade'"
sqlite_floor_sql() {
  echo "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -262144;"
  echo "ATTACH '$1' AS src;"
  echo "BEGIN IMMEDIATE;"
  sqlite3 "$TEMPLATE" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_master WHERE name IN ($DEFERRED)"
  echo "INSERT INTO main.students SELECT * FROM src.students WHERE 1;"
  echo "INSERT INTO main.students_enrolments SELECT * FROM src.students_enrolments WHERE 1;"
  sqlite3 "$TEMPLATE" "SELECT sql || ';' FROM sqlite_master WHERE name IN ($DEFERRED)"
  echo "COMMIT;"
}
declare -a s_ours s_base s_rss s_floor
for ((r = 1; r <= RUNS; r++)); do
  db=$DATA/import-run.db
  rm -f "$db" "$db-wal" "$db-shm"
  cp "$TEMPLATE" "$db"
  sync
  res=$(time_cmd "sqlite-ours-$r" "$BIN" import students "$CSV" --db "sqlite://$db")
  read -r secs rss <<<"$res"
  check_imported "$LOGS/sqlite-ours-$r.out"
  expect_rows "sqlite ours" "$(sqlite3 "$db" "SELECT count(*) FROM students")"
  load "sqlite-ours"
  s_ours+=("$secs")
  s_rss+=("$rss")
  log "sqlite ours run $r: ${secs}s, max RSS ${rss} kB"

  floor=$DATA/import-floor.db
  rm -f "$floor" "$floor-wal" "$floor-shm"
  cp "$TEMPLATE" "$floor"
  sqlite_floor_sql "$db" >"$LOGS/sqlite-floor.sql"
  sync
  res=$(time_cmd "sqlite-floor-$r" sqlite3 "$floor" ".read $LOGS/sqlite-floor.sql")
  read -r secs _ <<<"$res"
  expect_rows "sqlite floor" "$(sqlite3 "$floor" "SELECT count(*) FROM students")"
  load "sqlite-floor"
  s_floor+=("$secs")
  log "sqlite floor run $r: ${secs}s"
  rm -f "$floor" "$floor-wal" "$floor-shm"

  base=$DATA/import-baseline.db
  rm -f "$base" "$base-wal" "$base-shm"
  sync
  res=$(time_cmd "sqlite-base-$r" sqlite3 "$base" \
    "PRAGMA journal_mode=WAL;" "PRAGMA synchronous=NORMAL;" "CREATE TABLE t ($COLS);" \
    ".mode csv" ".import --skip 1 $CSV t")
  read -r secs _ <<<"$res"
  expect_rows "sqlite3 .import" "$(sqlite3 "$base" "SELECT count(*) FROM t")"
  load "sqlite3"
  s_base+=("$secs")
  log "sqlite3 .import run $r: ${secs}s"
done
rm -f "$DATA"/import-run.db* "$DATA"/import-baseline.db* "$DATA"/import-floor.db*

# ---- PostgreSQL --------------------------------------------------------------------
declare -a p_ours p_base p_rss p_floor
if [ "$BENCH_PG" = 1 ]; then
  ENROLMENT_COLUMNS="student_id, institution_id, school_year, grade, class_name, status, left_reason, entered_on, left_on, created_at"
  pg_start
  pg_createdb imptpl
  "$BIN" demo --db "$PGURL_BASE/imptpl" --size small >"$LOGS/pg-import-template.log" 2>&1
  pg_psql imptpl -c "$EMPTY_STUDENTS" -c "VACUUM ANALYZE"
  for ((r = 1; r <= RUNS; r++)); do
    pg_createdb "run$r" imptpl
    pg_psql postgres -c CHECKPOINT
    res=$(time_cmd "pg-ours-$r" "$BIN" import students "$CSV" --db "$PGURL_BASE/run$r")
    read -r secs rss <<<"$res"
    check_imported "$LOGS/pg-ours-$r.out"
    expect_rows "postgres ours" "$(pg_psql -tA "run$r" -c "SELECT count(*) FROM students")"
    load "pg-ours"
    p_ours+=("$secs")
    p_rss+=("$rss")
    log "postgres ours run $r: ${secs}s, max RSS ${rss} kB"
    pg_psql "run$r" -c "\\copy students TO '$DATA/floor-students.copy'" \
      -c "\\copy students_enrolments ($ENROLMENT_COLUMNS) TO '$DATA/floor-enrolments.copy'"
    pg_dropdb "run$r"

    pg_createdb "floor$r" imptpl
    pg_psql postgres -c CHECKPOINT
    res=$(time_cmd "pg-floor-$r" psql -X -1 -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U edubureau "floor$r" \
      -c "\\copy students FROM '$DATA/floor-students.copy'" \
      -c "\\copy students_enrolments ($ENROLMENT_COLUMNS) FROM '$DATA/floor-enrolments.copy'")
    read -r secs _ <<<"$res"
    expect_rows "postgres floor" "$(pg_psql -tA "floor$r" -c "SELECT count(*) FROM students")"
    load "pg-floor"
    p_floor+=("$secs")
    log "postgres floor run $r: ${secs}s"
    pg_dropdb "floor$r"
    rm -f "$DATA"/floor-*.copy

    pg_createdb "base$r"
    pg_psql "base$r" -c "CREATE TABLE t ($COLS)"
    pg_psql postgres -c CHECKPOINT
    res=$(time_cmd "pg-base-$r" psql -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U edubureau "base$r" \
      -c "\\copy t FROM '$CSV' WITH (FORMAT csv, HEADER true)")
    read -r secs _ <<<"$res"
    expect_rows "postgres COPY" "$(pg_psql -tA "base$r" -c "SELECT count(*) FROM t")"
    load "pg-copy"
    p_base+=("$secs")
    log "postgres COPY run $r: ${secs}s"
    pg_dropdb "base$r"
  done
  pg_stop
fi

# ---- report --------------------------------------------------------------------------
runs() { for t in "$@"; do fmt "$t" 1; echo -n ' '; done | sed 's/ $//; s/ /, /g'; }
row() { # LABEL OURS_TIMES BASE_TIMES FLOOR_TIMES RSS_LIST
  local label=$1 ours base floor mo mb mf ro rb ratio rss
  read -ra ours <<<"$2"
  read -ra base <<<"$3"
  read -ra floor <<<"$4"
  read -ra rss <<<"$5"
  mo=$(median "${ours[@]}")
  mb=$(median "${base[@]}")
  mf=$(median "${floor[@]}")
  ro=$(calc "$ROWS / $mo")
  rb=$(calc "$ROWS / $mb")
  ratio=$(calc "$ro / $rb")
  printf '| %s | %s s (%s) | %s | %s s (%s) | %s | **%s** | %s | %s s (%s) | %s | %s | %s MB |\n' \
    "$label" "$(fmt "$mo" 1)" "$(runs "${ours[@]}")" "$(fmt "$ro")" \
    "$(fmt "$mb" 1)" "$(runs "${base[@]}")" "$(fmt "$rb")" "$(fmt "$ratio" 2)" \
    "$(awk -v r="$ratio" 'BEGIN {print (r >= 0.5) ? "met" : "**missed**"}')" \
    "$(fmt "$mf" 1)" "$(runs "${floor[@]}")" "$(fmt "$(calc "$mb / $mf")" 2)" "$(fmt "$(calc "$mf / $mo")" 2)" \
    "$(fmt "$(calc "$(median "${rss[@]}") / 1024")")"
}
{
  echo "Import of $ROWS rows ($(fmt "$(calc "$BYTES / 1048576")") MB UTF-8 CSV, 26 columns), median of $RUNS runs (all runs in parentheses); goal: ours ≥ 0.5 × baseline."
  echo
  echo "| Database | ours: wall time | ours: rows/s | baseline: wall time | baseline: rows/s | ours / baseline | goal ≥ 0.5 | floor: wall time | floor / baseline (best reachable) | ours / floor | ours: max RSS |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  row "SQLite (baseline: sqlite3 .import)" "${s_ours[*]}" "${s_base[*]}" "${s_floor[*]}" "${s_rss[*]}"
  [ "$BENCH_PG" = 1 ] && row "PostgreSQL (baseline: \\copy … CSV)" "${p_ours[*]}" "${p_base[*]}" "${p_floor[*]}" "${p_rss[*]}"
  echo
  echo "Floor: the same rows, as our import stored them, into the same schema by the database alone (see bench/import.sh). Throughput ratios are inverse time ratios: floor / baseline = baseline time ÷ floor time."
  echo
  echo "1-minute load average after each run (2 CPUs; above 2 means other work competed): ${LOADS[*]}."
  echo
  echo "Binary: $BUILT_FROM. Machine: $(machine)."
  echo
  echo "Reproduce with \`bench/import.sh\` (a built binary: \`EDUBUREAU_BIN=target/release/edubureau bench/import.sh\`; SQLite only: \`BENCH_PG=0\`)."
} | tee "$RESULTS/import.md"
