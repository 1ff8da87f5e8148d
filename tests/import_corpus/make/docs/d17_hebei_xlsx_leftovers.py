"""河北 county school district, the national target form as an .xlsx with two-line labels
inside cells (Alt+Enter) and the template's placeholder rows left in."""

from corpus import Doc, Project, Row, count_leftovers, leftover, real
from xlsx_util import level_cells, new_workbook, put, save

P1, E1, S1 = "产出\n指标", "效益\n指标", "满意度\n指标"
ALL = [
    Row("数量", "资助学前教育幼儿", "≥2000人次", P1, "数量\n指标"),
    leftover("数量", "指标2：", "", P1, "数量\n指标"),
    Row("质量", "资助对象精准率", "100%", P1, "质量\n指标"),
    leftover("质量", "……", "", P1, "质量\n指标"),
    Row("时效", "资助资金发放时间", "2022年12月底前", P1, "时效\n指标"),
    Row("成本", "生均资助标准", "=1000元/生·年", P1, "成本\n指标"),
    Row("社会", "家庭经济困难幼儿入园率", "稳步提高", E1, "社会效益\n指标"),
    leftover("经济", "指标1：", "（≥**%）", E1, "经济效益\n指标"),
    Row("满意度", "受助幼儿家长满意度", "≥95%", S1, "服务对象\n满意度指标"),
    leftover("满意度", "……", "……", S1, "服务对象\n满意度指标"),
]
ROWS = real(ALL)

DOC = Doc(
    source="17-hebei-xlsx-leftovers.xlsx",
    fiscal_year=2022,
    department_name="玉田县教育局",
    what="national form as .xlsx; every level label on two lines inside its cell (产出/指标, 服务对象/满意度指标), level cells merged down; template leftovers kept (`指标2：`, `……`, `指标1：`/`（≥**%）`, `……`/`……`) and skipped with notes; 年度资金总额 in 万元, `其中:财政拨款` with an ASCII colon",
    variations=[1, 2, 4, 9, 10],
    exit=1,
    min_notes=count_leftovers(ALL),
    projects=[Project("学前教育幼儿资助", "200", ROWS, fiscal_funds="200")],
)


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "绩效目标表"
    put(ws, 1, 1, "项目支出绩效目标表", 1, 5, bold=True, border=False)
    put(ws, 2, 1, "（2022年度）", 2, 5, border=False)
    put(ws, 3, 1, "项目名称")
    put(ws, 3, 2, "学前教育幼儿资助", 3, 5)
    put(ws, 4, 1, "主管部门")
    put(ws, 4, 2, "玉田县教育局")
    put(ws, 4, 3, "实施单位")
    put(ws, 4, 4, "玉田县学生资助管理中心", 4, 5)
    put(ws, 5, 1, "项目资金\n（万元）", 7, 1)
    for i, (label, val) in enumerate([("年度资金总额：", 200), ("其中:财政拨款", 200), ("      其他资金", None)]):
        put(ws, 5 + i, 2, label, 5 + i, 3)
        put(ws, 5 + i, 4, val, 5 + i, 5)
    put(ws, 8, 1, "年度绩效目标")
    put(ws, 8, 2, "目标1：资助家庭经济困难幼儿2000人次，资助资金按时足额发放。\n目标2：……", 8, 5)
    put(ws, 9, 1, "一级指标")
    put(ws, 9, 2, "二级指标")
    put(ws, 9, 3, "三级指标", 9, 4)
    put(ws, 9, 5, "指标值")
    level_cells(ws, 10, ALL, 1, 2)
    for i, r in enumerate(ALL):
        put(ws, 10 + i, 3, r.name or None, 10 + i, 4)
        put(ws, 10 + i, 5, r.target or None)
    ws.column_dimensions["C"].width = 26
    save(wb, path)
