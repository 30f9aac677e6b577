#!/usr/bin/env bash
# Backup and restore: `edubureau backup` of a demo district while nothing
# writes (SQLite: an LZ4 image of `VACUUM INTO`; PostgreSQL: rows), beside
# the database's own ways of saving the same data:
#   SQLite:     copying the quiesced database file (after a checkpoint)
#   PostgreSQL: `pg_dump -Fc` of the same database
# and `edubureau restore` of that backup into an empty database, beside the
# database's own load of the same rows (SQLite: `INSERT … SELECT` of every
# table from the original file into a freshly migrated one, in one
# transaction; PostgreSQL: `pg_restore --data-only` into a freshly migrated
# database), the floor bench/import.sh also measures.
#
#   bench/backup.sh [WORK_DIR]     (BENCH_SIZE=small|city|province, BENCH_PG=1,
#                                   BENCH_PG_URL=postgres://…/postgres, BENCH_RUNS=3)
# Prints a Markdown table; also writes it to WORK_DIR/results/backup.md.
WORK=${1:-${WORK:-/tmp/edubureau-bench}}
source "$(dirname "$0")/common.sh"
SIZE=${BENCH_SIZE:-small}
PG_URL=${BENCH_PG_URL:-}

build
SRC=$DATA/backup-$SIZE.db
if [ "$BENCH_FRESH" = 1 ] || [ ! -s "$SRC" ]; then
  rm -f "$SRC"*
  log "demo district ($SIZE) → $SRC"
  "$BIN" demo --db "sqlite://$SRC" --size "$SIZE" >"$LOGS/backup-demo.log" 2>&1
fi
sqlite3 "$SRC" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null

# Median wall time in seconds of running "$@" $RUNS times; $PREP runs before each.
timed() {
  local times=() t0 i
  for ((i = 0; i < RUNS; i++)); do
    eval "${PREP:-true}"
    t0=$(date +%s.%N)
    "$@" >>"$LOGS/backup-run.log" 2>&1 || die "failed: $*"
    times+=("$(calc "$(date +%s.%N) - $t0")")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}
ratio() { LC_ALL=C awk "BEGIN {printf \"%.2f\", $1 / $2}"; }

# SQLite: backup vs copy; restore vs the floor.
B=$WORK/data/backup.bak
PREP="rm -f $B" ours=$(timed "$BIN" backup --db "sqlite://$SRC" --out "$B")
PREP="rm -f $WORK/data/copy.db" copy=$(timed cp "$SRC" "$WORK/data/copy.db")
SIZE_BAK=$(du -h "$B" | cut -f1); SIZE_DB=$(du -h "$SRC" | cut -f1)
T=$WORK/data/restored.db
PREP="rm -f $T*" restore=$(timed "$BIN" restore --db "sqlite://$T" "$B")
EMPTY=$WORK/data/empty.db
rm -f "$EMPTY"* && "$BIN" migrate --db "sqlite://$EMPTY" >/dev/null 2>&1
sqlite3 "$EMPTY" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
TABLES=$(sqlite3 "$SRC" "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
FLOOR_SQL="PRAGMA foreign_keys=OFF; ATTACH '$SRC' AS src; BEGIN;"
for t in $TABLES; do FLOOR_SQL+=" INSERT INTO main.\"$t\" SELECT * FROM src.\"$t\";"; done
FLOOR_SQL+=" COMMIT;"
floor_sqlite() { sqlite3 "$WORK/data/floor.db" "$FLOOR_SQL"; }
PREP="rm -f $WORK/data/floor.db*; cp $EMPTY $WORK/data/floor.db" floor=$(timed floor_sqlite)
rows=$("$BIN" verify-backup "$B" 2>/dev/null | grep -o '共 [0-9]* 行' || true)

{
  echo "Backup and restore, demo size \`$SIZE\` ($rows, database file $SIZE_DB, backup $SIZE_BAK), $BUILT_FROM, median of $RUNS:"
  echo
  echo "| database | backup | baseline | ratio (goal ≤ 3) | restore | floor | ratio (goal ≤ 1.5) |"
  echo "|---|---|---|---|---|---|---|"
  echo "| SQLite | ${ours} s | copy ${copy} s | $(ratio "$ours" "$copy")× | ${restore} s | ${floor} s | $(ratio "$restore" "$floor")× |"
} >"$RESULTS/backup.md"

if [ "$BENCH_PG" = 1 ] && [ -n "$PG_URL" ]; then
  BASE=${PG_URL%/*}
  # The SQLite image into PostgreSQL (the county joining a province
  # database): timed too; the last run's database is the one backed up.
  PREP="psql $PG_URL -qc 'DROP DATABASE IF EXISTS bench_b' -c 'CREATE DATABASE bench_b' >/dev/null" \
    pcross=$(timed "$BIN" restore --db "$BASE/bench_b" "$B")
  PB=$WORK/data/pg.bak
  PREP="rm -f $PB" pours=$(timed "$BIN" backup --db "$BASE/bench_b" --out "$PB")
  PREP="rm -f $WORK/data/pg.dump" pdump=$(timed pg_dump -Fc -f "$WORK/data/pg.dump" "$BASE/bench_b")
  PREP="psql $PG_URL -qc 'DROP DATABASE IF EXISTS bench_r' -c 'CREATE DATABASE bench_r' >/dev/null" \
    prestore=$(timed "$BIN" restore --db "$BASE/bench_r" "$PB")
  pfloor_run() { pg_restore --data-only --disable-triggers --single-transaction -d "$BASE/bench_f" "$WORK/data/pg.dump"; }
  PREP="psql $PG_URL -qc 'DROP DATABASE IF EXISTS bench_f' -c 'CREATE DATABASE bench_f' >/dev/null; $BIN migrate --db $BASE/bench_f >/dev/null 2>&1; psql $BASE/bench_f -qc 'TRUNCATE schema_migrations'" \
    pfloor=$(timed pfloor_run)
  {
    echo "| PostgreSQL | ${pours} s | pg_dump -Fc ${pdump} s | $(ratio "$pours" "$pdump")× | ${prestore} s | ${pfloor} s | $(ratio "$prestore" "$pfloor")× |"
    echo
    echo "The SQLite image restored into PostgreSQL: ${pcross} s ($(ratio "$pcross" "$pfloor")× the PostgreSQL floor)."
  } >>"$RESULTS/backup.md"
fi
cat "$RESULTS/backup.md"
