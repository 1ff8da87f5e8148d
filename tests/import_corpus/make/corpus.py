"""Shared model for the import corpus: one data structure per document feeds both the
source file and its expected summary, so the two cannot drift apart."""

import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent

# national 二级 → (一级, 二级)
LEVELS = {
    "数量": ("产出指标", "数量指标"),
    "质量": ("产出指标", "质量指标"),
    "时效": ("产出指标", "时效指标"),
    "成本": ("产出指标", "成本指标"),
    "经济": ("效益指标", "经济效益指标"),
    "社会": ("效益指标", "社会效益指标"),
    "生态": ("效益指标", "生态效益指标"),
    "可持续": ("效益指标", "可持续影响指标"),
    "满意度": ("满意度指标", "服务对象满意度指标"),
}

FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_ISO = "2024-01-01T00:00:00Z"


@dataclass
class Row:
    """One indicator row. `p1`/`p2` are the level labels as printed (may hold a line break
    for a two-line label); the expected label is the printed one with the break removed."""

    kind: str
    name: str
    target: str
    p1: str | None = None
    p2: str | None = None
    points: str | None = None
    reverse: bool = False
    x: dict = field(default_factory=dict)  # layout-only extras: desc, unit, op, val, nature, note…

    @property
    def level1(self):
        return LEVELS[self.kind][0]

    @property
    def level2(self):
        return LEVELS[self.kind][1]

    @property
    def print1(self):
        return self.p1 if self.p1 is not None else self.level1

    @property
    def print2(self):
        return self.p2 if self.p2 is not None else self.level2


@dataclass
class Project:
    name: str
    budget: str  # 万元, exact
    rows: list
    code: str | None = None
    fiscal_funds: str | None = None
    other_funds: str | None = None
    x: dict = field(default_factory=dict)


@dataclass
class Doc:
    source: str
    fiscal_year: int
    what: str
    variations: list
    projects: list = field(default_factory=list)
    department_rows: list | None = None
    department_name: str | None = None
    exit: int = 0
    min_notes: int = 0


def joined(label):
    return "".join(part.strip() for part in label.replace("\v", "\n").split("\n"))


def yuan_to_wan(text):
    """`2,450,000.00` (元) → `245` (万元), exact."""
    return plain(Decimal(text.replace(",", "")) / Decimal(10000))


def plain(d):
    d = Decimal(d)
    s = format(d.normalize(), "f")
    return s


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def row_toml(table, r):
    out = [f"[[{table}.row]]", f"level1 = {q(r.level1)}", f"level2 = {q(r.level2)}"]
    if joined(r.print1) != r.level1:
        out.append(f"label1 = {q(joined(r.print1))}")
    if joined(r.print2) != r.level2:
        out.append(f"label2 = {q(joined(r.print2))}")
    out += [f"name = {q(r.name.strip())}", f"target = {q(r.target)}"]
    if r.points is not None:
        out.append(f"points = {q(r.points)}")
    if r.reverse:
        out.append('direction = "reverse"')
    return "\n".join(out)


def expected_toml(doc):
    out = [f"source = {q(doc.source)}", f"fiscal_year = {doc.fiscal_year}", f"exit = {doc.exit}",
           f"min_notes = {doc.min_notes}"]
    if doc.department_name:
        out.append(f"department_name = {q(doc.department_name)}")
    out.append(f"what = {q(doc.what)}")
    out.append("variations = [" + ", ".join(str(v) for v in sorted(doc.variations)) + "]")
    for p in doc.projects:
        out += ["", "[[projects]]", f"name = {q(p.name)}"]
        if p.code:
            out.append(f"code = {q(p.code)}")
        out.append(f"budget = {q(p.budget)}")
        if p.fiscal_funds is not None:
            out.append(f"fiscal_funds = {q(p.fiscal_funds)}")
        if p.other_funds is not None:
            out.append(f"other_funds = {q(p.other_funds)}")
        out.append(f"rows = {len(p.rows)}")
        for r in p.rows:
            out += ["", row_toml("projects", r)]
    if doc.department_rows is not None:
        out += ["", "[department]", f"rows = {len(doc.department_rows)}"]
        for r in doc.department_rows:
            out += ["", row_toml("department", r)]
    return "\n".join(out) + "\n"


def write_expected(doc, subdir=""):
    stem = Path(doc.source).name.rsplit(".", 1)[0]
    path = CORPUS / subdir / f"{stem}.expected.toml"
    path.write_text(expected_toml(doc), encoding="utf-8")


def write_refused(source, exit_code, message_contains, what):
    stem = Path(source).name.rsplit(".", 1)[0]
    lines = [f"source = {q(source)}", f"exit = {exit_code}",
             "message_contains = [" + ", ".join(q(m) for m in message_contains) + "]",
             f"what = {q(what)}"]
    (CORPUS / "refused" / f"{stem}.expected.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def normalize_zip(path):
    """Rewrite an OOXML package with fixed member times and fixed core-property dates, so the
    committed bytes only change when the content does."""
    path = Path(path)
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in items:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{FIXED_ISO}\g<2>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


def leftover(kind, name="", target="", p1=None, p2=None):
    """A template leftover row: printed in the document, skipped (with a note) by the reader."""
    return Row(kind, name, target, p1, p2, x={"leftover": True})


def real(rows):
    return [r for r in rows if not r.x.get("leftover")]


def count_leftovers(rows):
    return sum(1 for r in rows if r.x.get("leftover"))


@dataclass
class Refused:
    """A document the importer cannot (fully) read, and what its message must name."""

    source: str
    exit: int
    message_contains: list
    what: str
    make: object  # callable(path)
