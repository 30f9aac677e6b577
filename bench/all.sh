#!/usr/bin/env bash
# Runs every benchmark (import, then list load + memory, then the staff list) and rewrites the
# generated sections of docs/PERFORMANCE.md: the text between
#   <!-- bench:NAME -->  and  <!-- /bench:NAME -->
# for NAME = machine, import, list, teachers_list. The prose around them (analysis, profile
# findings) is kept as it is; update it by hand when the figures change.
#
#   bench/all.sh [WORK_DIR]        (BENCH_PG=0 skips PostgreSQL; BENCH_NO_DOC=1 only prints;
#                                   BENCH_DOC_ONLY=1 rewrites the doc from WORK_DIR/results without running)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${1:-${WORK:-/tmp/edubureau-bench}}
export WORK
if [ "${BENCH_DOC_ONLY:-0}" != 1 ]; then
  "$HERE/import.sh" "$WORK"
  # Both scripts build first; the second build is a no-op.
  "$HERE/list.sh" "$WORK"
  "$HERE/teachers_list.sh" "$WORK"
fi

source "$HERE/common.sh"
[ "${BENCH_DOC_ONLY:-0}" = 1 ] && [ -s "$RESULTS/machine.md" ] || machine >"$RESULTS/machine.md"
DOC=$REPO/docs/PERFORMANCE.md
if [ "${BENCH_NO_DOC:-0}" = 1 ] || [ ! -f "$DOC" ]; then
  for s in machine import list teachers_list; do
    echo "<!-- bench:$s -->"
    cat "$RESULTS/$s.md"
    echo "<!-- /bench:$s -->"
  done
  exit 0
fi
python3 - "$DOC" "$RESULTS" <<'EOF'
import re, sys, pathlib
doc, results = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
text = doc.read_text()
for name in ("machine", "import", "list", "teachers_list"):
    body = (results / f"{name}.md").read_text().strip()
    pat = re.compile(rf"(<!-- bench:{name} -->\n).*?(<!-- /bench:{name} -->)", re.S)
    if not pat.search(text):
        sys.exit(f"{doc}: no <!-- bench:{name} --> section")
    text = pat.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)
doc.write_text(text)
print(f"updated {doc}")
EOF
