"""Write ../README.md: the fixed text in README.head.md, then the documents table and the
coverage counts, taken from the committed expected files."""

import collections
import importlib
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from expected import CORPUS  # noqa: E402

FORMATS = {"docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "xls": "Excel 97 (.xls)", "txt": "text (.txt)"}
CHECKS = ("points-sum", "rate-wrong", "execution-score-wrong", "total-mismatch", "grade-contradicts-total",
          "reason-missing", "over-achieved", "score-without-actual")


def cell(s):
    return s.replace("|", "\\|").replace("\n", " ")


def main():
    head = (Path(__file__).parent / "README.head.md").read_text(encoding="utf-8").rstrip()
    rows, checks, verdicts, formats, tags = [], collections.Counter(), collections.Counter(), collections.Counter(), \
        collections.Counter()
    for f in sorted((Path(__file__).parent / "docs").glob("a[0-9]*.py")):
        doc = importlib.import_module(f"docs.{f.stem}").DOC
        want = tomllib.loads((CORPUS / (doc.source.rsplit(".", 1)[0] + ".expected.toml")).read_text(encoding="utf-8"))
        ext = doc.source.rsplit(".", 1)[1]
        formats[ext] += 1
        tags.update(set(doc.exercises))
        shape, found = [], set()
        for t in want["tables"]:
            shape.append(("dept " if t["kind"] == "department" else "") + str(len(t["rows"])))
            for x in t["findings"]:
                found.add(x.split(":")[0])
            verdicts[t["budget"]["verdict"]] += 1
            verdicts.update(r["verdict"] for r in t["rows"])
        checks.update(found)
        rows.append(f"| `{doc.source}` | {ext} | {', '.join(shape)} | {', '.join(sorted(found)) or '—'} | {cell(doc.what)} |")
    out = [head, "", "## Documents", "",
           "| file | format | tables (rows) | findings | what it exercises |", "|---|---|---|---|---|"] + rows
    out += ["", "Documents per format: " + ", ".join(f"{name} {formats[k]}" for k, name in FORMATS.items()) + ".", "",
            "Documents per table check (a document counts once per check):", ""]
    out += [f"- `{k}`: {checks[k]}" for k in CHECKS]
    out += ["", "Documents per variation:", ""]
    out += [f"- {k}: {v}" for k, v in sorted(tags.items()) if k not in CHECKS and k != "grade"]
    out += ["", "Verdicts over all rows and execution lines: " +
            ", ".join(f"{k} {verdicts[k]}" for k in ("一致", "偏高", "偏低", "无法复核")) + "."]
    (CORPUS / "README.md").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
