"""浙江 county, .xlsx export with two header rows (绩效指标 over 一级/二级/三级 and
指标值 over 全年指标值/计量单位), 具体指标 and 全年指标值 headers, 指标解释 and
评（扣）分标准 columns; money in 元 with 项目总投资（当年）."""

from corpus import Doc, Project, Row, yuan_to_wan
from xlsx_util import level_cells, new_workbook, put, save

SPEC = [
    (Row("数量", "新增城乡供水管网", "≥35公里"), "≥35", "公里"),
    (Row("数量", "改造农村单村供水站", "≥20座"), "≥20", "座"),
    (Row("质量", "出厂水水质达标率", "100%"), "100", "%"),
    (Row("质量", "管网漏损率", "≤10%"), "≤10", "%"),
    (Row("时效", "项目完工时间", "2023年12月底前"), "2023年12月底前", ""),
    (Row("成本", "单位管网建设成本", "±5%"), "±5", "%"),
    (Row("社会", "受益人口", "≥4.2万人"), "≥4.2", "万人"),
    (Row("满意度", "受益群众满意度", "90%-95%"), "90%-95%", ""),
]
ROWS = [s[0] for s in SPEC]
TOTAL = "18,365,000.00"

DOC = Doc(
    source="18-zhejiang-two-header-rows.xlsx",
    fiscal_year=2023,
    department_name="淳安县水利局",
    what="xlsx export with two header rows (绩效指标 over 一级/二级/具体指标, 指标值 over 全年指标值/计量单位) so `≥35`|`公里` joins to `≥35公里`; 指标解释 and 评（扣）分标准 extra columns; 项目总投资（当年） `18,365,000.00` under 单位：元; `±5%`, `90%-95%`, `≤10%`",
    variations=[1, 3, 5, 8, 10],
    projects=[Project("城乡供水一体化提升工程", yuan_to_wan(TOTAL), ROWS)],
)


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    put(ws, 1, 1, "淳安县2023年度项目支出绩效目标表", 1, 7, bold=True, border=False)
    put(ws, 2, 1, "填报单位：淳安县水利局", 2, 4, border=False)
    put(ws, 2, 7, "单位：元", border=False)
    put(ws, 3, 1, "项目名称")
    put(ws, 3, 2, "城乡供水一体化提升工程", 3, 4)
    put(ws, 3, 5, "项目总投资（当年）")
    put(ws, 3, 6, TOTAL, 3, 7)
    put(ws, 4, 1, "年度目标")
    put(ws, 4, 2, "新增城乡供水管网35公里，改造单村供水站20座，受益人口4.2万人，出厂水水质达标率100%。", 4, 7)
    put(ws, 5, 1, "绩效指标", 5, 3)
    put(ws, 5, 4, "指标值", 5, 5)
    put(ws, 5, 6, "指标解释", 6, 6)
    put(ws, 5, 7, "评（扣）分标准", 6, 7)
    for c, h in enumerate(["一级指标", "二级指标", "具体指标", "全年指标值", "计量单位"], 1):
        put(ws, 6, c, h)
    level_cells(ws, 7, ROWS, 1, 2)
    for i, (r, val, unit) in enumerate(SPEC):
        put(ws, 7 + i, 3, r.name)
        put(ws, 7 + i, 4, val)
        put(ws, 7 + i, 5, unit or None)
        put(ws, 7 + i, 6, None)
        put(ws, 7 + i, 7, "未达到目标值按比例扣分")
    ws.column_dimensions["C"].width = 24
    save(wb, path)
