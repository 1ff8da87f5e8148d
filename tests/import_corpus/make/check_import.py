"""Run a `jixiao` binary over the corpus and compare with the expected summaries (a quick
look for people; the Rust test is what counts).  Usage: python3 check_import.py BINARY [NN…]"""

import glob
import subprocess
import sys
import tempfile
import tomllib
from decimal import Decimal
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
ROW_KEYS = ("level1", "level2", "name", "target")


def same_decimal(a, b):
    return a is not None and b is not None and Decimal(str(a)) == Decimal(str(b))


def compare_rows(where, got, want, problems):
    if len(got) != len(want):
        problems.append(f"{where}: {len(got)} rows, expected {len(want)}")
    for i, (g, w) in enumerate(zip(got, want), 1):
        for k in ROW_KEYS:
            if g.get(k) != w[k]:
                problems.append(f"{where} row {i} {k}: {g.get(k)!r}, expected {w[k]!r}")
        if "points" in w and not same_decimal(g.get("points"), w["points"]):
            problems.append(f"{where} row {i} points: {g.get('points')!r}, expected {w['points']!r}")
        if w.get("direction") == "reverse" and g.get("direction") != "reverse":
            problems.append(f"{where} row {i}: expected direction reverse")


def compare_project(i, got, want, problems):
    where = f"project {i} ({want['name']})"
    if got.get("name") != want["name"]:
        problems.append(f"{where} name: {got.get('name')!r}")
    if "code" in want and got.get("code") != want["code"]:
        problems.append(f"{where} code: {got.get('code')!r}, expected {want['code']!r}")
    for k in ("budget", "fiscal_funds", "other_funds"):
        if k in want and not same_decimal(got.get(k), want[k]):
            problems.append(f"{where} {k}: {got.get(k)!r}, expected {want[k]!r}")
    compare_rows(where, got.get("indicators", []), want.get("row", []), problems)


def check(binary, exp_path):
    want = tomllib.loads(exp_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([binary, "import", str(CORPUS / want["source"]), "-o", f"{out}/x"],
                             capture_output=True, text=True)
        said = run.stdout + run.stderr
        problems = []
        if run.returncode != want["exit"]:
            problems.append(f"exit {run.returncode}, expected {want['exit']}: {said.strip()[:300]}")
        if "message_contains" in want:
            problems += [f"message lacks {m!r}" for m in want["message_contains"] if m not in said]
            return problems
        if run.returncode not in (0, 1):
            return problems
        dep = tomllib.loads(Path(f"{out}/x/department.toml").read_text(encoding="utf-8"))
        if dep.get("fiscal_year") != want["fiscal_year"]:
            problems.append(f"fiscal_year {dep.get('fiscal_year')}, expected {want['fiscal_year']}")
        if "department_name" in want and dep.get("name") != want["department_name"]:
            problems.append(f"department name {dep.get('name')!r}, expected {want['department_name']!r}")
        files = sorted(glob.glob(f"{out}/x/projects/*.toml"))
        projects = [tomllib.loads(Path(f).read_text(encoding="utf-8")) for f in files]
        if len(projects) != len(want.get("projects", [])):
            problems.append(f"{len(projects)} projects, expected {len(want.get('projects', []))}")
        for i, (g, w) in enumerate(zip(projects, want.get("projects", [])), 1):
            compare_project(i, g, w, problems)
        if "department" in want:
            compare_rows("department", dep.get("indicators", []), want["department"].get("row", []), problems)
        return problems


def main():
    binary, only = sys.argv[1], sys.argv[2:]
    paths = sorted(CORPUS.glob("*.expected.toml")) + sorted((CORPUS / "refused").glob("*.expected.toml"))
    ok = bad = 0
    for p in paths:
        rel = p.relative_to(CORPUS)
        if only and not any(str(rel).startswith(o) or f"/{o}" in str(rel) for o in only):
            continue
        problems = check(binary, p)
        if problems:
            bad += 1
            print(f"FAIL {rel}")
            for line in problems[:12]:
                print("    " + line)
        else:
            ok += 1
            print(f"ok   {rel}")
    print(f"{ok} passed, {bad} failed")


if __name__ == "__main__":
    main()
