"""安徽 district 教育局, the 部门整体支出绩效自评表 as .xlsx with 权重 written `10%` in text
cells: a row scored 14 of 15 with no 偏差原因 and lower than its own actual earns (14.76),
and 良 printed under a total of 98.3."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import new_workbook, save_xlsx, xlsx_grid, xlsx_put

ROWS = [
    r("数量", "义务教育在校生人数", "≥32000人", "32650人", "10%", "10"),
    r("数量", "教师培训人次", "≥2500人次", "2380人次", "10%", "9.5", "部分培训转为线上开展"),
    r("质量", "义务教育巩固率", "≥99%", "99.6%", "10%", "10"),
    r("质量", "教师持证上岗率", "100%", "100%", "10%", "10"),
    r("时效", "校舍维修完成时间", "2023年8月底前", "2023年8月25日", "10%", "10"),
    r("社会", "学生体质健康达标率", "≥92%", "90.5%", "15%", "14", meant="偏低"),
    r("可持续", "教育教学质量", "稳步提升", "稳步提升", "15%", "15"),
    r("满意度", "家长满意度", "≥90%", "95%", "10%", "10"),
]
TABLE = Table(
    kind="department", name="芜湖市湾沚区教育局", dept="芜湖市湾沚区教育局", unit="芜湖市湾沚区教育局", year=2023,
    budget=Budget("18650", "19320.6", "18934.2", points="10%", rate="98.00%", score="9.8",
                  lines=[("其中：基本支出", "15230", "15628.4", "15590.1"), ("项目支出", "3420", "3692.2", "3344.1")]),
    rows=ROWS, total="98.3", grade="良",
    findings=["grade-contradicts-total", "reason-missing:学生体质健康达标率"],
    goal="保障全区义务教育学校正常运转，巩固义务教育成果，提升教育教学质量。",
    achieved="在校生32650人，义务教育巩固率99.6%，家长满意度95%。",
)
DOC = Doc(
    source="14-anhui-department-weights.xlsx",
    what="部门整体支出绩效自评表 as .xlsx, 权重 written `10%` in text cells (execution too), 年度预算资金 with 基本支出 / 项目支出; 90.5% of ≥92% (15 × 90.5/92 = 14.76) printed 14 with no 偏差原因; grade 良 under 98.3",
    tables=[TABLE], exercises=["department", "weights", "merged", "grade", "reason-missing"],
)


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "部门整体自评"
    xlsx_put(ws, 1, 1, "部门整体支出绩效自评表", 1, 9, bold=True, border=False)
    xlsx_put(ws, 2, 1, "（2023年度）", 2, 9, border=False)
    opts = Opts(points_header="权重", total_points="100%", money_label="年度预算资金（万元）", grade_prefix="自评等级：")
    xlsx_grid(ws, national(TABLE, opts), 3)
    save_xlsx(wb, path)
