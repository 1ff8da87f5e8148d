#!/usr/bin/env bash
# Newcomer walkthrough (issue 16): the README's workflow end to end, as a county finance
# bureau evaluator would run it, checked against known figures. Exits non-zero on any
# mismatch. Needs python3 with openpyxl (installed here if missing, as in xlsx.sh).
#
#   build → score the shipped example (known totals) → every output format by file name →
#   template (CSV with Chinese headers and a BOM; xlsx) → fill the CSV as Excel on a Chinese
#   Windows saves it (GBK, CRLF) and fill the workbook → score both → the same figures as
#   the example's own actuals.toml.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c 'import openpyxl' 2>/dev/null || pip install --quiet openpyxl
cargo build --release --quiet
target="${CARGO_TARGET_DIR:-target}"
case "$target" in /*) ;; *) target="$(pwd)/$target" ;; esac
bin="$target/release/jixiao"
seed="$(pwd)/scorecards/zunhua-sfj-2022"
code="$(sed -n 's/^code = "\(.*\)"/\1/p' "$seed/department.toml" | head -1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
fail() { echo "walkthrough: $*" >&2; exit 1; }
export LANG=C.UTF-8 LC_ALL= LC_MESSAGES=

# 1. The example department: the figures the README shows.
"$bin" score "$seed" > table.txt
grep -q "部门整体自评得分：96.34　等级：优" table.txt || fail "department score is not 96.34 优"
grep -q "项目支出综合得分（按全年预算数加权，14个项目）：98.10" table.txt || fail "composite is not 98.10"
grep -q "88.75（不完整）" table.txt || fail "the incomplete project is not marked 不完整"

# 2. Every format from the file name alone.
for f in 自评表.xlsx 自评表.html 自评表.json 自评表.csv 自评表.md; do
  "$bin" score "$seed" -o "$f" 2>/dev/null
done
head -c 2 自评表.xlsx | grep -q PK || fail "自评表.xlsx is not a workbook"
grep -q '<!DOCTYPE html>' 自评表.html || fail "自评表.html is not HTML"
python3 -c 'import json,sys; json.load(open("自评表.json"))' || fail "自评表.json is not JSON"
head -c 3 自评表.csv | od -An -tx1 | grep -q "ef bb bf" || fail "自评表.csv has no BOM for Excel"
grep -q '^# ' 自评表.md || fail "自评表.md is not Markdown"
if "$bin" score "$seed" --format json -o x.xlsx 2>/dev/null; then fail "--format json -o x.xlsx was not refused"; fi

# 3. Templates, filled in as people do, score like the TOML actuals.
"$bin" score "$seed" --format json -o reference.json
"$bin" template "$seed" -o blank.csv 2>/dev/null
"$bin" template "$seed" -o blank.xlsx 2>/dev/null
head -c 15 blank.csv | grep -q "项目编码" || fail "the CSV template does not start with 项目编码"
python3 "$OLDPWD/tests/walkthrough_fill.py" "$seed/actuals.toml" "$code" blank.csv filled-gbk.csv
python3 "$OLDPWD/tests/walkthrough_fill.py" "$seed/actuals.toml" "$code" blank.xlsx filled.xlsx
if iconv -f UTF-8 -t UTF-8 filled-gbk.csv >/dev/null 2>&1; then fail "the filled CSV is not GBK"; fi
"$bin" score "$seed" --actuals filled-gbk.csv --format json -o from-gbk-csv.json
"$bin" score "$seed" --actuals filled.xlsx --format json -o from-xlsx.json
cmp -s reference.json from-gbk-csv.json || fail "the GBK CSV scores differently from actuals.toml"
cmp -s reference.json from-xlsx.json || fail "the xlsx scores differently from actuals.toml"
python3 - <<'PY' || fail "figures in the JSON"
import json
d = json.load(open("from-gbk-csv.json"))
assert d["department"]["score"] == "96.34", d["department"]["score"]
assert d["projects"][0]["score"] == "97.10", d["projects"][0]["score"]
assert sum(1 for p in d["projects"] if p.get("incomplete")) == 1
PY
echo "walkthrough: example 96.34 优, 5 formats, GBK CSV and xlsx templates filled and scored alike"
