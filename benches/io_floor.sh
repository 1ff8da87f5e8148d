#!/usr/bin/env bash
# The I/O floor of region scoring, against which `score REGION` is judged: reading every
# input file of the region once and writing the output's bytes once (synced, as `-o` does),
# with nothing parsed or scored. Prints the mean of RUNS runs of each, and their ratio.
#
# Usage: benches/io_floor.sh REGION [FORMAT]     (FORMAT default json; RUNS default 10)
# Environment: JIXIAO (the binary, default target/release/jixiao), RUNS, OUT (a scratch file)
set -euo pipefail

REGION=${1:?usage: benches/io_floor.sh REGION [FORMAT]}
FORMAT=${2:-json}
RUNS=${RUNS:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
J=${JIXIAO:-${CARGO_TARGET_DIR:-$ROOT/target}/release/jixiao}
OUT=${OUT:-$(mktemp)}
trap 'rm -f "$OUT" "$OUT.floor"' EXIT

"$J" score "$REGION" --format "$FORMAT" -o "$OUT" >/dev/null 2>&1 || true
mean() { # command… → mean wall seconds over RUNS runs
    local t0 t1
    t0=$(date +%s.%N)
    for _ in $(seq "$RUNS"); do "$@" >/dev/null 2>&1 || true; done
    t1=$(date +%s.%N)
    echo "($t1 - $t0) / $RUNS" | bc -l
}
floor() {
    find "$REGION" -type f -print0 | xargs -0 cat >/dev/null
    dd if="$OUT" of="$OUT.floor" bs=1M conv=fsync status=none
}
export -f floor
export REGION OUT
f=$(mean bash -c floor)
s=$(mean "$J" score "$REGION" --format "$FORMAT" -o "$OUT")
printf 'I/O floor (read %s files, write %s bytes): %.3f s\n' \
    "$(find "$REGION" -type f | wc -l)" "$(stat -c %s "$OUT")" "$f"
printf 'jixiao score REGION --format %s -o FILE:   %.3f s  (%.2f× the floor)\n' \
    "$FORMAT" "$s" "$(echo "$s / $f" | bc -l)"
