"""Write ../README.md: the fixed text below plus one table row per document, taken from the
same DOC/REFUSED data the generator uses."""

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import CORPUS  # noqa: E402

HEAD = (Path(__file__).parent / "README.head.md").read_text(encoding="utf-8")
VARS = {1: "no 项目编码", 2: "one table for everything", 3: "indicator columns vary / split targets",
        4: "level names vary", 5: "budget labels and units", 6: "several projects / whole department",
        7: "prose only", 8: "fiscal year from the title / deadlines", 9: "template leftovers",
        10: "source shapes (merges, paragraphs, exports, flattened text)"}


def cell(s):
    return s.replace("|", "\\|").replace("\n", " ")


def main():
    docs, refused = [], []
    for f in sorted((Path(__file__).parent / "docs").glob("[dr][0-9]*.py")):
        mod = importlib.import_module(f"docs.{f.stem}")
        if hasattr(mod, "DOC"):
            docs.append(mod.DOC)
        refused += getattr(mod, "REFUSED", [])
    out = [HEAD.rstrip(), "", "## Documents", "",
           "| file | format | variations | projects / rows | exit | what it exercises |", "|---|---|---|---|---|---|"]
    counts = {v: 0 for v in VARS}
    for d in docs:
        for v in d.variations:
            counts[v] += 1
        shape = ", ".join(f"{len(p.rows)}" for p in d.projects)
        if d.department_rows is not None:
            shape = (shape + "; " if shape else "") + f"department {len(d.department_rows)}"
        ext = d.source.rsplit(".", 1)[1]
        out.append(f"| `{d.source}` | {ext} | {', '.join(map(str, d.variations))} | {shape} | {d.exit} | {cell(d.what)} |")
    out += ["", "Documents per variation:", ""]
    out += [f"- {v} {name}: {counts[v]}" for v, name in VARS.items()]
    if refused:
        out += ["", "## Refused documents (`refused/`)", "", "| file | exit | message must contain | what |", "|---|---|---|---|"]
        for r in refused:
            must = ", ".join(f"`{m}`" for m in r.message_contains)
            out.append(f"| `{r.source}` | {r.exit} | {cell(must)} | {cell(r.what)} |")
    (CORPUS / "README.md").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
