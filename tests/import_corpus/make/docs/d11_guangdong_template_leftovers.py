"""广东 county bureau: the national one-table form filled in part, with the template's
leftovers still there (指标2：, ……, （≥**%）, a row with only its level cells)."""

from corpus import Doc, Project, Row, count_leftovers, leftover, real
from docx_util import level_cells, new_document, para, put, save, table

ALL = [
    Row("数量", "耕地保护动态巡查", "≥24次"),
    leftover("数量", "指标2：", ""),
    Row("质量", "巡查发现问题整改率", "≥95%"),
    Row("时效", "巡查报告报送时限", "≤3个工作日"),
    leftover("成本", "……", "……"),
    Row("社会", "违法占用耕地行为", "有效遏制"),
    leftover("生态", "指标1：", "（≥**%）"),
    Row("可持续", "耕地保护长效机制", "逐步健全"),
    Row("满意度", "群众满意度", "≥90%"),
    leftover("满意度", "", ""),
]
ROWS = real(ALL)

DOC = Doc(
    source="11-guangdong-template-leftovers.docx",
    fiscal_year=2021,
    department_name="化州市自然资源局",
    what="national one-table form with template leftovers kept: `指标2：` with no target, a `……`/`……` row, `指标1：`/`（≥**%）`, and an empty row under 满意度 with only its merged level cells; each skipped with a note; header `指 标 值` with spaces between the characters",
    variations=[1, 2, 9, 10],
    exit=1,
    min_notes=count_leftovers(ALL),
    projects=[Project("耕地保护动态巡查监管经费", "42", ROWS, fiscal_funds="42", other_funds="0")],
)


def build(path):
    doc = new_document()
    para(doc, "项目支出绩效目标表", bold=True, center=True, size=16)
    para(doc, "（2021年度）", center=True)
    head = 6
    t = table(doc, head + 1 + len(ALL), 5)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, "耕地保护动态巡查监管经费", 0, 4)
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "化州市自然资源局")
    put(t, 1, 2, "实施单位")
    put(t, 1, 3, "化州市自然资源局执法监察大队", 1, 4)
    put(t, 2, 0, "项目资金\n（万元）", 4, 0)
    put(t, 2, 1, "年度资金总额：", 2, 2)
    put(t, 2, 3, "42", 2, 4)
    put(t, 3, 1, "其中：财政拨款", 3, 2)
    put(t, 3, 3, "42", 3, 4)
    put(t, 4, 1, "其他资金", 4, 2)
    put(t, 4, 3, "0", 4, 4)
    put(t, 5, 0, "年度绩效目标")
    put(t, 5, 1, "目标1：全年开展耕地保护动态巡查24次以上，及时发现并制止违法占用耕地行为。\n目标2：\n目标3：", 5, 4)
    put(t, head, 0, "绩效指标", head + len(ALL), 0)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指 标 值"], 1):
        put(t, head, c, h)
    level_cells(t, head + 1, ALL, 1, 2)
    for i, r in enumerate(ALL):
        put(t, head + 1 + i, 3, r.name)
        put(t, head + 1 + i, 4, r.target)
    save(doc, path)
