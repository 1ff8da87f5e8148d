"""Write ../folder-summary.toml: the whole corpus read as one region's year (`jixiao audit
tests/audit_corpus/`): totals per verdict and one line per file (each file stands for the unit
that published it), most findings first, taken from the committed expected files."""

import collections
import tomllib

from expected import CORPUS, q

VERDICTS = ("一致", "偏高", "偏低", "无法复核")


def main():
    files, rows, execution = [], collections.Counter(), collections.Counter()
    for p in sorted(CORPUS.glob("*.expected.toml")):
        want = tomllib.loads(p.read_text(encoding="utf-8"))
        n_rows = sum(len(t["rows"]) for t in want["tables"])
        n_found = sum(len(t["findings"]) for t in want["tables"])
        off = 0
        for t in want["tables"]:
            execution[t["budget"]["verdict"]] += 1
            rows.update(r["verdict"] for r in t["rows"])
            off += sum(r["verdict"] in ("偏高", "偏低") for r in t["rows"]) + (t["budget"]["verdict"] != "一致")
        files.append((n_found, want["source"], len(want["tables"]), n_rows, off))
    files.sort(key=lambda f: (-f[0], f[1]))
    out = ["# The whole folder as one region's year: `jixiao audit tests/audit_corpus/`.",
           "# Written by make/summary.py from the expected files; one [[by_file]] per document,",
           "# most findings first (ties by file name).",
           f"files = {len(files)}", f"tables = {sum(f[2] for f in files)}", f"rows = {sum(f[3] for f in files)}",
           f"execution_lines = {sum(execution.values())}", "",
           "[row_verdicts]"] + [f"{q(v)} = {rows[v]}" for v in VERDICTS]
    out += ["", "[execution_verdicts]"] + [f"{q(v)} = {execution[v]}" for v in VERDICTS]
    for found, source, tables, n_rows, off in files:
        out += ["", "[[by_file]]", f"source = {q(source)}", f"tables = {tables}", f"rows = {n_rows}",
                f"findings = {found}", f"scores_off = {off}  # rows and execution lines 偏高 or 偏低"]
    (CORPUS / "folder-summary.toml").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
