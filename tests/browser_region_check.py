"""Checks the DOM Chromium rendered from a region's HTML page against the region JSON:
one article per scored department (with its header and its projects' scores), and the
summary table's rows (code, score, grade) equal to the JSON summary.

usage: browser_region_check.py region.json dom.html
"""
import json
import sys

from checklib import Checks
from html.parser import HTMLParser


class Dom(HTMLParser):
    def __init__(self):
        super().__init__()
        self.articles = []       # data-code of each article.department-report
        self.headers = {}        # header id -> attrs
        self.projects = {}       # project data-code -> attrs
        self.summary_rows = []   # attrs of tr[data-code] inside #region-summary
        self.in_summary = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "article" and "department-report" in classes:
            self.articles.append(a.get("data-code"))
        if tag == "header" and (a.get("id") or "").startswith("d-"):
            self.headers[a["id"]] = a
        if tag == "section" and "project" in classes:
            self.projects[a.get("data-code")] = a
        if tag == "section" and a.get("id") == "region-summary":
            self.in_summary = True
        if tag == "tr" and self.in_summary and "data-code" in a:
            self.summary_rows.append(a)


def main():
    region, dom_path = sys.argv[1:3]
    with open(region, encoding="utf-8") as f:
        data = json.load(f)
    dom = Dom()
    with open(dom_path, encoding="utf-8") as f:
        dom.feed(f.read())
    checks = Checks("JSON")
    check = checks.check

    depts = data["departments"]
    check("departments on the page", dom.articles, [d["department"]["code"] for d in depts])
    for d in depts:
        dd = d["department"]
        h = dom.headers.get("d-" + dd["code"], {})
        check(f"{dd['code']} score", h.get("data-score"), dd["score"])
        check(f"{dd['code']} grade", h.get("data-grade"), dd["grade"])
        for p in d["projects"]:
            a = dom.projects.get(p["code"], {})
            check(f"{p['code']} score", a.get("data-score"), p["score"])
            check(f"{p['code']} grade", a.get("data-grade"), p["grade"])
    rows = [(r.get("data-code"), r.get("data-score"), r.get("data-grade")) for r in dom.summary_rows]
    want = [(x["code"], x["score"], x["grade"]) for x in data["region"]["departments"]]
    check("summary rows", rows, want)
    checks.finish(f"region page ({len(depts)} departments)")


if __name__ == "__main__":
    main()
