#!/usr/bin/env bash
# Browser test (issue 6): render the seed department's HTML report, open it in headless
# Chromium (Debian's package, installed here if missing), take a screenshot and check the
# rendered DOM for the department score and grade and every project's code, name, score
# and grade, as `jixiao score --format json` gives them.
# JIXIAO_UPDATE_DOCS=1 also copies the screenshot to docs/report.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Chromium, and one Chinese font (WenQuanYi Micro Hei, in the report's font stack) so the
# screenshot shows characters, not boxes; the DOM check does not depend on it.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (Debian)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/jixiao"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
seed=scorecards/zunhua-sfj-2022
# Exit 1 only says some rows could not be scored (they are shown in the report).
"$bin" score "$seed" --format html -o "$work/report.html" || [ $? -eq 1 ]
"$bin" score "$seed" --format json -o "$work/report.json" || [ $? -eq 1 ]

chrome() {
  timeout 180 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$work/profile.XXXX")" "$@"
}
chrome --screenshot="$work/report.png" --window-size=1280,2000 "file://$work/report.html" 2>"$work/shot.log" \
  || { cat "$work/shot.log"; exit 1; }
chrome --dump-dom "file://$work/report.html" >"$work/dom.html" 2>"$work/dom.log" \
  || { cat "$work/dom.log"; exit 1; }
python3 tests/browser_check.py "$work/report.json" "$work/dom.html" "$work/report.png"
if [ "${JIXIAO_UPDATE_DOCS:-}" = 1 ]; then
  mkdir -p docs
  cp "$work/report.png" docs/report.png
  echo "updated docs/report.png"
fi
