#!/usr/bin/env bash
# xlsx check (issue 6): an independent reader (Python openpyxl) opens the 自评表 workbook
# of the seed department and the actuals template, and checks sheet names, merged ranges,
# numeric score cells and formats, protection and the drop-down lists.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c 'import openpyxl' 2>/dev/null || pip install --quiet openpyxl
cargo build --release --quiet
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/jixiao"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seed=scorecards/zunhua-sfj-2022
"$bin" score "$seed" --format xlsx -o "$work/report.xlsx" || [ $? -eq 1 ]
"$bin" score "$seed" --format json -o "$work/report.json" || [ $? -eq 1 ]
# The template workbook comes from the library (the round-trip test writes it).
JIXIAO_XLSX_OUT="$work" cargo test --release --quiet --test xlsx_roundtrip writes_files -- --exact >/dev/null
python3 tests/xlsx_check.py "$work/report.json" "$work/report.xlsx" "$work/template.xlsx"
# A region workbook (three copies of the seed): 「汇总」 and 「明细」 against the region CSV.
cargo build --release --quiet --example gen_region
"$target/release/examples/gen_region" --copies 3 --from "$seed" -o "$work/region" 2>/dev/null
"$bin" score "$work/region" --format xlsx -o "$work/region.xlsx" || [ $? -eq 1 ]
"$bin" score "$work/region" --format csv -o "$work/region.csv" || [ $? -eq 1 ]
python3 tests/xlsx_region_check.py "$work/region.csv" "$work/region.xlsx"
