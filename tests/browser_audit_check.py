"""Checks the DOM Chromium rendered from the audit report against the audit's JSON.

usage: browser_audit_check.py audit.json dom.html screenshot.png

Per audited table, in order: a `section.audit-table` whose data-name is the form's name,
holding one row per re-scored line (the execution line and every indicator row) with the
verdict of that line in data-verdict, and one `p.finding` per table check that fired. The
summary section states the verdict totals. The screenshot must be a real PNG of some size.
"""
import json
import sys
from html.parser import HTMLParser

VERDICTS = ["一致", "偏高", "偏低", "无法复核"]


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sections = []  # dicts: kind, name, verdicts (list), findings, text
        self.cur = None
        self.in_finding = False
        self.in_row_table = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "section":
            kind = next((c[len("audit-"):] for c in classes if c.startswith("audit-")), None)
            self.cur = {"kind": kind, "name": a.get("data-name", ""), "verdicts": [],
                        "findings": 0, "text": ""}
            self.sections.append(self.cur)
        elif self.cur is not None and tag == "tr" and a.get("data-verdict"):
            self.cur["verdicts"].append(a["data-verdict"])
        elif self.cur is not None and tag == "p" and "finding" in classes:
            self.cur["findings"] += 1

    def handle_endtag(self, tag):
        if tag == "section":
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None:
            self.cur["text"] += data


def fail(msg):
    print(f"browser audit check: {msg}")
    sys.exit(1)


def main():
    report, dom_path, png = sys.argv[1:4]
    with open(report, encoding="utf-8") as f:
        data = json.load(f)
    dom = Dom()
    with open(dom_path, encoding="utf-8") as f:
        dom.feed(f.read())
    tables = [t for f in data["files"] for t in f["tables"]]
    shown = [s for s in dom.sections if s["kind"] == "table"]
    if len(shown) != len(tables):
        fail(f"{len(shown)} table sections rendered, the audit has {len(tables)}")
    lines = 0
    for i, (t, s) in enumerate(zip(tables, shown), 1):
        name = t["form"]["name"] or "（未注明名称）"
        if s["name"] != name:
            fail(f"table {i}: section `{s['name']}`, expected `{name}`")
        want = ([t["execution"]["verdict"]] if t.get("execution") else []) + \
               [r["verdict"] for r in t["rows"]]
        if s["verdicts"] != want:
            fail(f"table {i} ({name}): verdicts {s['verdicts']}, expected {want}")
        if s["findings"] != len(t["findings"]):
            fail(f"table {i} ({name}): {s['findings']} findings shown, expected {len(t['findings'])}")
        lines += len(want)
    summary = [s for s in dom.sections if s["kind"] == "summary"]
    if len(summary) != 1:
        fail(f"{len(summary)} summary sections")
    rows = dict((v, n) for v, n in data["summary"]["row_verdicts"])
    execs = dict((v, n) for v, n in data["summary"]["execution_verdicts"])
    for v in VERDICTS:
        phrase = f"{v} {rows.get(v, 0) + execs.get(v, 0)}"
        if phrase not in summary[0]["text"]:
            fail(f"the summary does not say `{phrase}`")
    with open(png, "rb") as f:
        head = f.read(24)
    if not head.startswith(b"\x89PNG") or int.from_bytes(head[16:20], "big") < 600:
        fail("the screenshot is not a PNG of the page")
    print(f"browser audit check: {len(shown)} tables, {lines} lines and the summary render as audited")


if __name__ == "__main__":
    main()
