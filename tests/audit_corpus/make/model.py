"""One data structure per published 自评表: the document is drawn from it and its expected
verdicts are worked out from it, so the two cannot drift apart.

Every row also carries the verdict its author meant it to get (`meant`); the generator refuses
to write a document whose worked-out verdict differs, so a slip in the arithmetic below or in
the data is caught before anything is committed."""

import sys
from dataclasses import dataclass, field
from pathlib import Path

# short 二级 key → (一级, 二级) as the national form names them: the import corpus's table.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "import_corpus" / "make"))
from corpus import LEVELS  # noqa: E402,F401


@dataclass
class Row:
    """One indicator row as printed. `points`/`score` are the printed 分值/得分 text (None for a
    blank cell); `meant` is the verdict the author designed the row to get."""

    kind: str
    name: str
    target: str
    actual: str | None
    points: str | None
    score: str | None
    reason: str = ""
    meant: str = "一致"
    reverse: bool = False  # a 反向 mark printed beside the target (指标性质 column)
    x: dict = field(default_factory=dict)  # layout extras: nature, standard…

    @property
    def level1(self):
        return LEVELS[self.kind][0]

    @property
    def level2(self):
        return LEVELS[self.kind][1]


def r(kind, name, target, actual, points, score, reason="", meant="一致", **x):
    reverse = x.pop("reverse", False)
    return Row(kind, name, target, actual, points, score, reason, meant, reverse, x)


@dataclass
class Budget:
    """The 年度资金总额 line: amounts in 万元 as printed, its 分值, printed 执行率 and 得分."""

    initial: str
    adjusted: str
    spent: str
    points: str = "10"
    rate: str | None = None
    score: str | None = None
    meant: str = "一致"
    lines: list = field(default_factory=list)  # breakdown under it: (label, initial, adjusted, spent)


@dataclass
class Table:
    kind: str  # "project" or "department"
    name: str
    dept: str
    unit: str
    year: int
    budget: Budget
    rows: list
    total: str | None
    grade: str | None
    findings: list  # what the author meant the table checks to find
    goal: str = ""
    achieved: str = ""
    code: str | None = None


@dataclass
class Doc:
    source: str
    what: str
    tables: list
    exercises: list  # README tags: merged, weights, one-decimal, 不适用, blank-actual…
