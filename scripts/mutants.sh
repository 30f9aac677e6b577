#!/usr/bin/env bash
# Mutation testing of the pure rule modules with cargo-mutants, each module
# against its own crate's unit and property tests (`cargo test -p CRATE
# --lib`). Prints caught / missed / unviable / timeout per module; the
# figures and the surviving mutants are recorded in docs/testing.md.
#
#   scripts/mutants.sh                 # aid, then engine, then identity
#   scripts/mutants.sh engine          # one module
#
# `--lib` goes to every cargo call, so that only the unit-test binary is
# built for each mutant (not the library twice, nor examples).
# Needs `cargo install cargo-mutants` (27.x). Mutants are built one at a
# time in a copy of the tree, with their own target directory
# (target/mutants, reused between runs) so they never lock the main one.
# Reports land in target/mutants-out/MODULE/mutants.out.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export CARGO_TARGET_DIR="${MUTANTS_TARGET_DIR:-$root/target/mutants}"

# module: crate and the files mutated.
declare -A crate=(
    [aid]=aid
    [engine]=admissions
    [identity]=students
    [inspection]=inspection
    [fitness]=fitness
    [figures]=figures
    [exams]=exams
)
declare -A files=(
    [aid]="crates/aid/src/domain/eligibility.rs crates/aid/src/domain/money.rs crates/aid/src/domain/condition.rs"
    [engine]="crates/admissions/src/domain/engine.rs"
    [identity]="crates/students/src/domain/student.rs crates/students/src/domain/student/fields.rs"
    [inspection]="crates/inspection/src/domain/framework.rs crates/inspection/src/domain/score.rs crates/inspection/src/domain/order.rs crates/inspection/src/domain/points.rs"
    [fitness]="crates/fitness/src/domain/score.rs crates/fitness/src/domain/measure.rs crates/fitness/src/domain/standard.rs"
    [figures]="crates/figures/src/check.rs crates/figures/src/number.rs crates/figures/src/rate.rs"
    [exams]="crates/exams/src/domain/lines.rs crates/exams/src/domain/ranking.rs crates/exams/src/domain/distribution.rs"
)

count() { if [ -s "$1" ]; then grep -c . "$1"; else echo 0; fi; }

run() {
    local module=$1 out="$root/target/mutants-out/$1"
    local args=()
    for f in ${files[$module]}; do args+=(--file "$f"); done
    mkdir -p "$out"
    # cargo-mutants exits non-zero when a mutant is missed: report anyway.
    cargo mutants --package "${crate[$module]}" "${args[@]}" \
        --test-tool cargo --cargo-arg=--lib \
        --jobs 1 --timeout 120 --build-timeout 900 \
        --output "$out" || true
    local d="$out/mutants.out"
    local caught missed unviable timeout
    caught=$(count "$d/caught.txt")
    missed=$(count "$d/missed.txt")
    unviable=$(count "$d/unviable.txt")
    timeout=$(count "$d/timeout.txt")
    # A mutant that makes the tests hang is noticed too.
    local viable=$((caught + missed + timeout)) noticed=$((caught + timeout))
    printf '%s: %d caught, %d missed, %d unviable, %d timeout: %d of %d viable noticed (%d%%)\n' \
        "$module" "$caught" "$missed" "$unviable" "$timeout" "$noticed" "$viable" \
        $((viable ? 100 * noticed / viable : 0)) | tee -a "$root/target/mutants-out/summary.txt"
    [ "$missed" -eq 0 ] || sed 's/^/  missed: /' "$d/missed.txt"
}

modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=(aid engine identity)
for m in "${modules[@]}"; do
    [ -n "${crate[$m]:-}" ] || { echo "unknown module $m (aid, engine, identity, inspection, fitness, figures, exams)" >&2; exit 2; }
    run "$m"
done
