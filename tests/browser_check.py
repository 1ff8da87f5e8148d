"""Checks the DOM Chromium rendered from the HTML report against the JSON scores.

usage: browser_check.py report.json dom.html screenshot.png
"""
import json
import sys
from html.parser import HTMLParser


class Dom(HTMLParser):
    """Collects the department header's attributes, and per project section the text
    of its .p-code/.p-name/.p-score/.p-grade elements; also .d-score/.d-grade."""

    def __init__(self):
        super().__init__()
        self.department = {}
        self.projects = {}
        self.texts = {}
        self.section = None
        self.stack = []  # (tag, class being captured or None)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if a.get("id") == "department":
            self.department = a
        if tag == "section" and "project" in classes:
            self.section = a.get("data-code")
            self.projects[self.section] = {"attrs": a}
        capture = next((c for c in classes if c in
                        ("p-code", "p-name", "p-score", "p-grade", "d-score", "d-grade")), None)
        if tag not in ("br", "img", "meta", "input", "hr"):
            self.stack.append((tag, capture))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
        if tag == "section":
            self.section = None

    def handle_data(self, data):
        for _, cap in self.stack:
            if cap is None:
                continue
            if cap.startswith("d-"):
                self.texts[cap] = self.texts.get(cap, "") + data
            elif self.section is not None:
                p = self.projects[self.section]
                p[cap] = p.get(cap, "") + data


def main():
    report, dom_path, png = sys.argv[1:4]
    with open(report, encoding="utf-8") as f:
        data = json.load(f)
    with open(dom_path, encoding="utf-8") as f:
        dom = Dom()
        dom.feed(f.read())
    with open(png, "rb") as f:
        head = f.read(8)
    failures = []

    def check(what, got, want):
        if got != want:
            failures.append(f"{what}: rendered {got!r}, expected {want!r}")

    d = data["department"]
    check("department data-score", dom.department.get("data-score"), d["score"])
    check("department data-grade", dom.department.get("data-grade"), d["grade"])
    check("department score text", dom.texts.get("d-score", "").strip(), d["score"])
    check("department grade text", dom.texts.get("d-grade", "").strip(), d["grade"])
    for p in data["projects"]:
        got = dom.projects.get(p["code"])
        if got is None:
            failures.append(f"project {p['code']}: no section in the rendered page")
            continue
        check(f"{p['code']} code", got.get("p-code", "").strip(), p["code"])
        check(f"{p['code']} name", got.get("p-name", "").strip(), p["name"])
        check(f"{p['code']} score", got.get("p-score", "").strip(), p["score"])
        check(f"{p['code']} grade", got.get("p-grade", "").strip(), p["grade"])
        check(f"{p['code']} data-score", got["attrs"].get("data-score"), p["score"])
    check("screenshot is a PNG", head, b"\x89PNG\r\n\x1a\n")
    checked = 4 + 5 * len(data["projects"]) + 1
    if failures:
        print("\n".join(failures))
        print(f"browser: {checked - len(failures)} passed, {len(failures)} failed")
        sys.exit(1)
    print(f"browser: department {d['score']} {d['grade']}, {len(data['projects'])} projects checked")
    print(f"browser: {checked} passed, 0 failed")


if __name__ == "__main__":
    main()
