#!/usr/bin/env bash
# Browser test of the audit report (issue 17): audit the whole corpus of published 自评表
# (tests/audit_corpus/), render the HTML report in headless Chromium (Debian's package,
# installed here if missing, as browser.sh does), take a screenshot and check the rendered
# DOM against `jixiao audit --format json`: every table's section, the verdict of every
# line, the findings, and the summary totals.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/jixiao"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. .ci/lib/chromium.sh
corpus=tests/audit_corpus
# Exit 1 says the audit found something (the corpus is made to); 2 would be unreadable input.
"$bin" audit "$corpus" --format html -o "$work/audit.html" || [ $? -eq 1 ]
"$bin" audit "$corpus" --format json -o "$work/audit.json" || [ $? -eq 1 ]
chrome --screenshot="$work/audit.png" --window-size=1280,2000 "file://$work/audit.html" 2>"$work/shot.log" \
  || { cat "$work/shot.log"; exit 1; }
chrome --dump-dom "file://$work/audit.html" >"$work/dom.html" 2>"$work/dom.log" \
  || { cat "$work/dom.log"; exit 1; }
python3 tests/browser_audit_check.py "$work/audit.json" "$work/dom.html" "$work/audit.png"
if [ "${JIXIAO_UPDATE_DOCS:-}" = 1 ]; then
  mkdir -p docs
  cp "$work/audit.png" docs/audit.png
  echo "updated docs/audit.png"
fi
