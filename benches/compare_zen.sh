#!/usr/bin/env bash
# Side by side: `jixiao eval --csv` end to end (read, parse, score, write) against the
# GoRules ZEN peer (`zen-baseline --mode cached`, CSV reading outside its timer) on the
# same generated rows, on this machine, in one run. See benches/README.md.
#
# Usage: benches/compare_zen.sh [ROWS]          (default 1000000)
# Environment:
#   BENCH_DIR  the peer baseline (gen_rows.py, zen-baseline/), supplied outside this
#              repository; required
#   ZEN_BIN    a zen-baseline binary already built from BENCH_DIR (skips its ~3 min build)
#   RUNS       alternating timed runs of each engine (default 3); the best of each counts
#   KEEP       keep the temporary directory (rows, outputs) and print its path
set -euo pipefail

ROWS=${1:-1000000}
RUNS=${RUNS:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-}
[ -n "$BENCH_DIR" ] && [ -f "$BENCH_DIR/gen_rows.py" ] || {
    echo "no peer baseline at '$BENCH_DIR': set BENCH_DIR to the folder holding gen_rows.py and zen-baseline/" >&2
    exit 2
}
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)

# The baseline is read-only and not ours: build a copy in a temporary directory.
WORK=$(mktemp -d)
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$WORK"' EXIT; fi
cp -r "$BENCH_DIR"/. "$WORK"
chmod -R u+w "$WORK"
cd "$WORK"

if [ -z "${ZEN_BIN:-}" ]; then
    echo "building zen-baseline in $WORK (about 3 minutes on 2 cores)…" >&2
    (cd zen-baseline && CARGO_TARGET_DIR="$WORK/zen-target" cargo build --release --quiet)
    ZEN_BIN=$WORK/zen-target/release/zen-baseline
fi
echo "building jixiao (release)…" >&2
(cd "$ROOT" && cargo build --release --quiet)
JIXIAO=${CARGO_TARGET_DIR:-$ROOT/target}/release/jixiao

python3 gen_rows.py "$ROWS" --out rows.csv --out-cn rows_cn.csv
cat rows.csv rows_cn.csv > /dev/null # both files in the page cache before timing

now() { date +%s.%N; }
best_zen=0
best_jx=0
best_jx_s=0
for run in $(seq "$RUNS"); do
    zen_line=$("$ZEN_BIN" rows.csv --mode cached 2>/dev/null)
    zen_rate=$(sed -n 's/.*rows_per_s=\([0-9]*\).*/\1/p' <<<"$zen_line")
    checksum=$(sed -n 's/.*checksum=\([0-9.]*\).*/\1/p' <<<"$zen_line")

    t0=$(now)
    rc=0
    "$JIXIAO" eval --csv rows_cn.csv > scored.csv || rc=$?
    t1=$(now)
    [ "$rc" = 0 ] || echo "warning: jixiao exited with status $rc" >&2
    read -r jx_s jx_rate < <(python3 -c "s=$t1-$t0; print(f'{s:.3f}', round($ROWS/s))")
    echo "run $run: zen cached ${zen_rate} rows/s | jixiao end to end ${jx_s} s = ${jx_rate} rows/s"
    if [ "$zen_rate" -gt "$best_zen" ]; then best_zen=$zen_rate; fi
    if [ "$jx_rate" -gt "$best_jx" ]; then best_jx=$jx_rate; best_jx_s=$jx_s; fi
done

# Correctness: jixiao's summed scores against 10 × ZEN's checksum, and against the sum of
# ZEN's per-row ratios rounded half-up to 2 places the way jixiao rounds each row.
read -r jx_sum expected_rounded < <(python3 - "$ROWS" <<'EOF'
import csv
from decimal import Decimal, ROUND_HALF_UP, getcontext
getcontext().prec = 40
total = Decimal(0)
with open("scored.csv", encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        total += Decimal(r["score"] or 0)
expected = Decimal(0)
with open("rows.csv", encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        t, a = r["target"].strip(), Decimal(r["actual"])
        if t.startswith("["):
            lo, hi = (Decimal(x) for x in t[1:-1].split(".."))
            s = min(a / lo, hi / a, Decimal(1)) if a > 0 else Decimal(0)
        else:
            op = next(o for o in (">=", "<=", "==", ">", "<") if t.startswith(o))
            n = Decimal(t[len(op):])
            if op in ("<=", "<"):
                s = min(n / a, Decimal(1)) if a > 0 else Decimal(1)
            else:
                met = {">=": a >= n, "==": a == n, ">": a > n}[op]
                s = min(a / n, Decimal(1)) if n != 0 else Decimal(int(met))
        expected += (s * 10).quantize(Decimal("0.01"), ROUND_HALF_UP)
print(total, expected)
EOF
)
ten_checksum=$(python3 -c "from decimal import Decimal as D; print(D('$checksum') * 10)")

echo
echo "machine: $(nproc) cores, $(uname -sr); $(date -u +%Y-%m-%d)"
echo "rows: $ROWS (gen_rows.py, fixed seed)"
echo "ZEN cached (best of $RUNS):       $best_zen rows/s (evaluation only)"
echo "jixiao end to end (best of $RUNS): $best_jx_s s = $best_jx rows/s (read + parse + score + write)"
echo "jixiao sum of scores:            $jx_sum"
echo "10 × ZEN checksum:               $ten_checksum"
echo "ZEN ratios, each ×10 rounded:    $expected_rounded"
if [ -n "${KEEP:-}" ]; then echo "kept: $WORK"; fi
