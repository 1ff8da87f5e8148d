"""A plain one-table project form for the refused cases, so each case only states what is
wrong with it."""

from docx_util import level_cells, put, table

HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]


def project_form(doc, name, unit, budget, goal, rows, header=HEADER):
    """Info rows 1-4, the indicator header on row 5, then `rows` (Row objects) from row 6
    on (1-based, as a message counts them)."""
    t = table(doc, 5 + len(rows), 5)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, name, 0, 4)
    put(t, 1, 0, "实施单位")
    put(t, 1, 1, unit, 1, 4)
    put(t, 2, 0, "年度资金总额（万元）")
    put(t, 2, 1, budget, 2, 4)
    put(t, 3, 0, "年度目标")
    put(t, 3, 1, goal, 3, 4)
    put(t, 4, 0, "绩效指标", 4 + len(rows), 0)
    for c, h in enumerate(header):
        put(t, 4, 1 + c, h)
    level_cells(t, 5, rows, 1, 2)
    for i, r in enumerate(rows):
        put(t, 5 + i, 3, r.name)
        put(t, 5 + i, 4, r.target)
