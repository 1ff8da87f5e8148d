#!/usr/bin/env bash
# The README's limits table, measured: builds each hostile input (tests/hostile_inputs.rs,
# `write_the_measured_inputs`) and the 5,000-project department (examples/gen_region.rs),
# then runs every command of the table under /usr/bin/time and prints one Markdown row per
# input: size, wall time, max RSS and exit code.
#
# Usage: benches/limits.sh [DIR]     (DIR keeps the inputs; default a temporary directory)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${1:-$(mktemp -d)}
mkdir -p "$DIR"
cd "$ROOT"
cargo build --release --quiet --example gen_region
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
J=$TARGET/release/jixiao
SEED=$ROOT/scorecards/zunhua-sfj-2022
JIXIAO_MEASURE_DIR=$DIR cargo test --release --quiet --test hostile_inputs \
    write_the_measured_inputs -- --ignored >/dev/null
if [ ! -d "$DIR/big" ]; then
    "$TARGET/release/examples/gen_region" --departments 1 --projects 5000 --indicators 10 \
        --seed 7 -o "$DIR/gen" >/dev/null
    mv "$DIR/gen/dept-00000" "$DIR/big"
    rm -rf "$DIR/gen"
fi
"$J" template "$DIR/big" -o "$DIR/big-template.xlsx" >/dev/null 2>&1 || true
"$J" snapshot "$DIR/big" >"$DIR/snap.txt" 2>/dev/null || true
python3 - "$DIR/rows.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("target,actual\n")
    for i in range(1_500_000):
        f.write(f"≥{2000 + i % 97}份,{1800 + i % 301}份\n")
PY

size() { [ -e "$1" ] && numfmt --to=si --suffix=B "$(stat -c %s "$1")" || echo —; }
row() { # label, input file (for its size), command…
    local label=$1 input=$2
    shift 2
    local secs kb rc
    /usr/bin/time -f "%e %M %x" -o "$DIR/.time" "$@" >/dev/null 2>&1 || true
    read -r secs kb rc < <(tail -1 "$DIR/.time")
    printf '| %s | %s | %s s | %.1f MB | exit %s |\n' "$label" "$(size "$input")" "$secs" \
        "$(echo "$kb / 1000" | bc -l)" "$rc"
}

echo "| input | size | time | max RSS | result |"
echo "|---|---|---|---|---|"
row "program alone: the seed department and its actuals" - "$J" score "$SEED"
for f in far-cell merge corners-merge zip-bomb strings-bomb; do
    row "$f.xlsx as actuals" "$DIR/$f.xlsx" "$J" score "$SEED" --actuals "$DIR/$f.xlsx"
done
for f in deep arrays long-line long-line-16k keys; do
    row "$f.toml as actuals" "$DIR/$f.toml" "$J" score "$SEED" --actuals "$DIR/$f.toml"
done
row "5,000-project template as actuals" "$DIR/big-template.xlsx" \
    "$J" score "$DIR/big" --actuals "$DIR/big-template.xlsx"
row "5,000-project department alone" - "$J" score "$DIR/big"
row "60,000 test cases" "$DIR/cases.toml" "$J" test "$DIR/cases.toml"
row "eval --csv rows" "$DIR/rows.csv" "$J" eval --csv "$DIR/rows.csv"
row "eval --csv /dev/zero" - "$J" eval --csv /dev/zero
row "snapshot --check after a policy change" "$DIR/snap.txt" \
    "$J" snapshot "$DIR/big" --check "$DIR/snap.txt" --policy "$ROOT/scorecards/policies/integer-rounding.toml"
