"""The national 自评表 grid as a list of cells (row, column, last row, last column, text), so
the Word, Excel and text renderings of one table are drawn from the same geometry."""

from dataclasses import dataclass, field

CORE = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]


@dataclass
class Opts:
    """How a unit laid its form out. `extra`: (header, row.x key, index in CORE before which the
    column sits). `level_label`: 一级 → printed label (e.g. 产出指标(50分)). `repeat_levels`:
    level labels on every row instead of merged down. `money_label`: the left label of the
    money block."""

    points_header: str = "分值"
    extra: list = field(default_factory=list)
    level_label: dict = field(default_factory=dict)
    level2_label: dict = field(default_factory=dict)
    repeat_levels: bool = False
    grade_prefix: str = ""
    total_points: str = "100"
    with_goal: bool = True
    money_label: str = "项目资金（万元）"
    na_score: str = ""  # what a 不适用 row prints in 得分 when its score is None
    labels: dict = field(default_factory=dict)  # header text as printed, keyed by the CORE / money header


@dataclass
class Cell:
    r: int
    c: int
    r2: int
    c2: int
    text: str


def columns(opts):
    cols = [(h, None) for h in CORE]
    cols[5] = (opts.points_header, None)
    for header, key, before in sorted(opts.extra, key=lambda e: -e[2]):
        cols.insert(before, (header, key))
    return cols


def row_values(row, opts):
    base = {
        "一级指标": opts.level_label.get(row.level1, row.level1),
        "二级指标": opts.level2_label.get(row.level2, row.level2),
        "三级指标": row.name, "年度指标值": row.target, "实际完成值": row.actual or "",
        "得分": row.score if row.score is not None else (opts.na_score if row.actual == "不适用" else ""),
        "偏差原因分析及改进措施": row.reason,
    }
    base[opts.points_header] = row.points or ""
    return base


def info_cells(t, ncols, out, r):
    if t.kind == "department":
        out.append(Cell(r, 0, r, 0, "部门（单位）名称"))
        out.append(Cell(r, 1, r, ncols - 1, t.name))
        return r + 1
    out.append(Cell(r, 0, r, 0, "项目名称"))
    out.append(Cell(r, 1, r, ncols - 1, t.name))
    out.append(Cell(r + 1, 0, r + 1, 0, "主管部门"))
    out.append(Cell(r + 1, 1, r + 1, 3, t.dept))
    out.append(Cell(r + 1, 4, r + 1, 4, "实施单位"))
    out.append(Cell(r + 1, 5, r + 1, ncols - 1, t.unit))
    return r + 2


def money_cells(t, opts, ncols, out, r):
    b = t.budget
    lines = [("年度资金总额", b.initial, b.adjusted, b.spent)] + list(b.lines)
    out.append(Cell(r, 0, r + len(lines), 0, opts.money_label))
    for c, h in enumerate(["", "年初预算数", "全年预算数", "全年执行数", opts.points_header, "执行率"], 1):
        out.append(Cell(r, c, r, c, opts.labels.get(h, h)))
    out.append(Cell(r, 7, r, ncols - 1, opts.labels.get("得分", "得分")))
    for i, (label, a, bb, cc) in enumerate(lines, 1):
        first = i == 1
        vals = [label, a, bb, cc, b.points if first else "—", (b.rate or "") if first else "—"]
        for c, v in enumerate(vals, 1):
            out.append(Cell(r + i, c, r + i, c, v))
        out.append(Cell(r + i, 7, r + i, ncols - 1, (b.score or "") if first else "—"))
    return r + len(lines) + 1


def goal_cells(t, ncols, out, r):
    out.append(Cell(r, 0, r + 1, 0, "年度总体目标"))
    out.append(Cell(r, 1, r, 4, "预期目标"))
    out.append(Cell(r, 5, r, ncols - 1, "实际完成情况"))
    out.append(Cell(r + 1, 1, r + 1, 4, t.goal))
    out.append(Cell(r + 1, 5, r + 1, ncols - 1, t.achieved))
    return r + 2


def level_runs(rows, key):
    runs = []
    for i, row in enumerate(rows):
        k = key(row)
        if runs and runs[-1][0] == k:
            runs[-1][2] = i
        else:
            runs.append([k, i, i])
    return runs


def indicator_cells(t, opts, cols, out, r):
    rows = t.rows
    out.append(Cell(r, 0, r + len(rows), 0, "绩效指标"))
    for c, (h, _) in enumerate(cols, 1):
        out.append(Cell(r, c, r, c, opts.labels.get(h, h)))
    r0 = r + 1
    names = [h for h, _ in cols]
    for i, row in enumerate(rows):
        vals = row_values(row, opts)
        for c, (h, key) in enumerate(cols, 1):
            if h in ("一级指标", "二级指标") and not opts.repeat_levels:
                continue
            text = row.x.get(key, "") if key else vals.get(h, "")
            out.append(Cell(r0 + i, c, r0 + i, c, text))
    if not opts.repeat_levels:
        c1, c2 = names.index("一级指标") + 1, names.index("二级指标") + 1
        for label, a, b in level_runs(rows, lambda x: x.level1):
            out.append(Cell(r0 + a, c1, r0 + b, c1, opts.level_label.get(label, label)))
            for label2, a2, b2 in level_runs(rows[a:b + 1], lambda x: x.level2):
                out.append(Cell(r0 + a + a2, c2, r0 + a + b2, c2, opts.level2_label.get(label2, label2)))
    return r0 + len(rows)


def total_cells(t, opts, cols, out, r):
    names = [h for h, _ in cols]
    pc, sc = names.index(opts.points_header) + 1, names.index("得分") + 1
    ncols = len(cols) + 1
    out.append(Cell(r, 0, r, pc - 1, "总分"))
    out.append(Cell(r, pc, r, pc, opts.total_points))
    out.append(Cell(r, sc, r, sc, t.total or ""))
    out.append(Cell(r, sc + 1, r, ncols - 1, opts.grade_prefix + (t.grade or "")))
    return r + 1


def national(t, opts=None):
    """→ (rows, columns, cells) of one table in the national layout."""
    opts = opts or Opts()
    cols = columns(opts)
    ncols = len(cols) + 1
    out = []
    r = info_cells(t, ncols, out, 0)
    r = money_cells(t, opts, ncols, out, r)
    if opts.with_goal:
        r = goal_cells(t, ncols, out, r)
    r = indicator_cells(t, opts, cols, out, r)
    r = total_cells(t, opts, cols, out, r)
    return r, ncols, out


def as_lines(nrows, ncols, cells):
    """The grid as rows of texts, a merged cell's text in its top-left slot only."""
    grid = [["" for _ in range(ncols)] for _ in range(nrows)]
    for cell in cells:
        grid[cell.r][cell.c] = cell.text
    return grid


def split_at_indicators(grid):
    """Cut a national grid before its indicator block: (info grid, indicator grid), as units
    publish the form as two Word tables."""
    nrows, ncols, cells = grid
    cut = next(c.r for c in cells if c.c == 0 and c.text == "绩效指标")
    top = [c for c in cells if c.r < cut]
    bottom = [Cell(c.r - cut, c.c, c.r2 - cut, c.c2, c.text) for c in cells if c.r >= cut]
    return (cut, ncols, top), (nrows - cut, ncols, bottom)


def as_text_rows(grid):
    """The grid as a copied web or Word table reads in text: a cell merged across appears
    once; a cell merged down leaves an empty slot on each later line."""
    nrows, _, cells = grid
    rows = []
    for r in range(nrows):
        here = sorted((c for c in cells if c.r <= r <= c.r2), key=lambda c: c.c)
        rows.append([c.text if c.r == r else "" for c in here])
    return rows
