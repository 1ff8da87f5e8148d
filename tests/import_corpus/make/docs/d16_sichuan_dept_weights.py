"""四川 district bureau, whole-department target sheet (.xlsx): title and year rows merged,
部门名称 and 年度预算 rows, indicators with a 权重 column written `10%`."""

from corpus import Doc, Row
from xlsx_util import level_cells, new_workbook, put, save

ROWS = [
    Row("数量", "高标准农田建设面积", "≥2.5万亩", points="15"),
    Row("数量", "农业技术培训", "≥3000人次", points="10"),
    Row("质量", "农产品质量安全抽检合格率", "≥98%", points="10"),
    Row("时效", "惠农补贴资金兑付时间", "2025年6月30日前", points="10"),
    Row("成本", "“三公”经费支出", "较上年只减不增", points="5"),
    Row("经济", "农村居民人均可支配收入增长", "≥6%", points="15"),
    Row("生态", "化肥农药使用量", "零增长", points="10"),
    Row("社会", "粮食播种面积", "≥38万亩", points="15"),
    Row("满意度", "服务对象满意度", "≥90%", points="10"),
]

DOC = Doc(
    source="16-sichuan-dept-weights.xlsx",
    fiscal_year=2025,
    department_name="绵阳市游仙区农业农村局",
    what="whole-department (部门整体支出) target sheet: title and `（2025年度）` rows merged across, 部门名称 and 年度预算 rows, 年度总体目标, indicators with 权重 written `15%` (→ points 15, sum 100), header on row 7",
    variations=[3, 6, 8, 10],
    department_rows=ROWS,
)


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "部门整体绩效目标"
    put(ws, 1, 1, "部门整体支出绩效目标表", 1, 6, bold=True, border=False)
    put(ws, 2, 1, "（2025年度）", 2, 6, border=False)
    put(ws, 3, 1, "部门名称")
    put(ws, 3, 2, "绵阳市游仙区农业农村局", 3, 6)
    put(ws, 4, 1, "年度预算（万元）")
    put(ws, 4, 2, "资金总额：4826.37", 4, 3)
    put(ws, 4, 4, "其中：财政拨款4726.37    其他资金100", 4, 6)
    put(ws, 5, 1, "年度总体目标")
    put(ws, 5, 2, "1.稳定粮食生产，粮食播种面积稳定在38万亩以上；\n2.新建高标准农田2.5万亩；\n3.推进化肥农药减量增效，农产品质量安全水平稳步提升。", 5, 6)
    put(ws, 6, 1, "年度绩效指标", 6, 6, bold=True)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "权重", "备注"], 1):
        put(ws, 7, c, h, bold=True)
    level_cells(ws, 8, ROWS, 1, 2)
    for i, r in enumerate(ROWS):
        put(ws, 8 + i, 3, r.name)
        put(ws, 8 + i, 4, r.target)
        put(ws, 8 + i, 5, f"{r.points}%")
        put(ws, 8 + i, 6, None)
    ws.column_dimensions["C"].width = 30
    save(wb, path)
