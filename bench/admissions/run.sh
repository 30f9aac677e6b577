#!/usr/bin/env bash
# Admissions allocation benchmark.
#  1. 10,000 children / 25 schools / 5 choices: our engine (Rust) and the
#     reference (Python `matching`, HospitalResident, resident-optimal) on
#     the same round; the results must be identical child for child.
#  2. Ours alone on 100,000 / 250 and 1,000,000 / 2,500 to show linear growth.
#  3. The same 1,000,000-child round: ours against a plain heap-based
#     deferred acceptance in Python (heap_da.py), results compared child for
#     child. This runs once per invocation: the machine is shared.
#  4. Writes the "Admissions allocation" section of docs/PERFORMANCE.md.
# Environment: SEED (lottery seed), RUNS (timed runs per size, median taken).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
out="$here/out"
seed="${SEED:-2026-seed}"
runs="${RUNS:-7}"
mkdir -p "$out"

if ! "$venv/bin/python" -c "import matching" 2>/dev/null; then
    echo "== installing the reference (pip install matching) into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet matching
fi

echo "== building the benchmark (release)"
(cd "$root" && cargo build --quiet --release -p admissions --example admissions_bench)
bin="${CARGO_TARGET_DIR:-$root/target}/release/examples/admissions_bench"

echo "== 10,000 children / 25 schools / 5 choices: ours"
"$bin" gen --children 10000 --schools 25 --choices 5 --seed "$seed" --runs "$runs" \
    --instance-out "$out/round-10k.json" | tee "$out/ours-10k.json"
echo "== same round: reference (Python matching)"
"$venv/bin/python" "$here/reference.py" "$out/round-10k.json" "$out/python-10k.json" \
    | tee "$out/python-10k-figures.json"
echo "== identity check"
"$bin" compare --instance "$out/round-10k.json" --theirs "$out/python-10k.json" \
    | tee "$out/compare-10k.json"

echo "== 100,000 children / 250 schools: ours"
"$bin" gen --children 100000 --schools 250 --choices 5 --seed "$seed" --runs "$runs" \
    | tee "$out/ours-100k.json"
echo "== 1,000,000 children / 2,500 schools: ours"
"$bin" gen --children 1000000 --schools 2500 --choices 5 --seed "$seed" --runs "$runs" \
    --instance-out "$out/round-1m.json" | tee "$out/ours-1m.json"
echo "== same 1,000,000 round: plain heap-based deferred acceptance in Python"
"$venv/bin/python" "$here/heap_da.py" "$out/round-1m.json" "$out/heap-1m.json" \
    | tee "$out/heap-1m-figures.json"
echo "== identity check (1,000,000)"
"$bin" compare --instance "$out/round-1m.json" --theirs "$out/heap-1m.json" \
    | tee "$out/compare-1m.json"
rm -f "$out/round-1m.json" "$out/heap-1m.json"

echo "== summary"
"$venv/bin/python" "$here/report.py" "$out" "$root/docs/PERFORMANCE.md" "bash bench/admissions/run.sh"
