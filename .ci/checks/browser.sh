#!/usr/bin/env bash
# Browser test (issue 6): render the seed department's HTML report, open it in headless
# Chromium (Debian's package, installed here if missing), take a screenshot and check the
# rendered DOM for the department score and grade and every project's code, name, score
# and grade, as `jixiao score --format json` gives them; then the same for a region page
# (every department's article and the summary rows).
# JIXIAO_UPDATE_DOCS=1 also copies the screenshot to docs/report.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/jixiao"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. .ci/lib/chromium.sh   # Chromium and a Chinese font; defines chrome
seed=scorecards/zunhua-sfj-2022
# Exit 1 only says some rows could not be scored (they are shown in the report).
"$bin" score "$seed" --format html -o "$work/report.html" || [ $? -eq 1 ]
"$bin" score "$seed" --format json -o "$work/report.json" || [ $? -eq 1 ]
chrome --screenshot="$work/report.png" --window-size=1280,2000 "file://$work/report.html" 2>"$work/shot.log" \
  || { cat "$work/shot.log"; exit 1; }
chrome --dump-dom "file://$work/report.html" >"$work/dom.html" 2>"$work/dom.log" \
  || { cat "$work/dom.log"; exit 1; }
python3 tests/browser_check.py "$work/report.json" "$work/dom.html" "$work/report.png"
# A region page: three copies of the seed (unique codes), one page with every department
# and the region summary.
cargo build --release --quiet --example gen_region
"${CARGO_TARGET_DIR:-target}/release/examples/gen_region" --copies 3 --from "$seed" -o "$work/region" 2>/dev/null
"$bin" score "$work/region" --format html -o "$work/region.html" || [ $? -eq 1 ]
"$bin" score "$work/region" --format json -o "$work/region.json" || [ $? -eq 1 ]
chrome --dump-dom "file://$work/region.html" >"$work/region-dom.html" 2>"$work/region-dom.log" \
  || { cat "$work/region-dom.log"; exit 1; }
python3 tests/browser_region_check.py "$work/region.json" "$work/region-dom.html"
if [ "${JIXIAO_UPDATE_DOCS:-}" = 1 ]; then
  mkdir -p docs
  cp "$work/report.png" docs/report.png
  echo "updated docs/report.png"
fi
