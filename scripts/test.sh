#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what it needs (Debian
# packages: PostgreSQL, Chromium and its driver, CJK fonts), starts a
# throw-away PostgreSQL server from the system's binaries, runs every test
# against SQLite and PostgreSQL, and drives the web UI in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v sqlite3 >/dev/null || need+=(sqlite3)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# PostgreSQL: a private cluster in a temp dir, owned by the postgres user
# (initdb refuses root), listening only on localhost.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGPORT=${EDUBUREAU_TEST_PG_PORT:-54329}
PGDIR=$(mktemp -d /tmp/edubureau-pg.XXXXXX)
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$PGDIR" postgres
  chown postgres "$PGDIR"
  RUN_AS=(runuser -u postgres --)
fi
"${RUN_AS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U edubureau --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
stop_pg() { "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
trap stop_pg EXIT
export EDUBUREAU_TEST_PG="postgres://edubureau@127.0.0.1:$PGPORT/postgres"

cargo test --workspace --all-targets --no-fail-fast "$@"
