"""广东 city unit, an .xlsx where the info block writes label and value in ONE cell
(`项目名称：…`, `年度预算金额：36.8万元`), merged across the sheet; 项目编码 printed."""

from corpus import Doc, Project, Row
from xlsx_util import level_cells, new_workbook, put, save

ROWS = [
    Row("数量", "开展野生动物疫源疫病监测", "≥365天"),
    Row("数量", "巡护监测点", "≥12个"),
    Row("质量", "监测信息报送准确率", "100%"),
    Row("时效", "突发疫情报告时限", "≤2小时"),
    Row("生态", "野生动物栖息地", "得到有效保护"),
    Row("满意度", "周边群众满意度", "≥85%"),
]

DOC = Doc(
    source="27-guangdong-colon-cells.xlsx",
    fiscal_year=2023,
    department_name="韶关市林业局",
    what="info block with label and value in one merged cell (`项目名称：…`, `项目编码：…`, `年度预算金额：36.8万元（其中财政拨款36.8万元）`), a mix of full-width and ASCII colons; indicator header on row 8",
    variations=[5, 8, 10],
    projects=[Project("野生动物疫源疫病监测防控", "36.8", ROWS, code="440200231000000073", fiscal_funds="36.8")],
)


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "绩效目标"
    put(ws, 1, 1, "2023年度项目支出绩效目标表", 1, 5, bold=True, border=False)
    put(ws, 2, 1, "项目名称：野生动物疫源疫病监测防控", 2, 5)
    put(ws, 3, 1, "项目编码:440200231000000073", 3, 5)
    put(ws, 4, 1, "主管部门：韶关市林业局", 4, 3)
    put(ws, 4, 4, "实施单位：韶关市野生动植物保护站", 4, 5)
    put(ws, 5, 1, "年度预算金额：36.8万元（其中财政拨款36.8万元）", 5, 5)
    put(ws, 6, 1, "年度目标：全年不间断开展野生动物疫源疫病监测，及时发现和报告突发疫情，保护野生动物栖息地。", 6, 5)
    put(ws, 7, 1, "绩效指标", 7, 5, bold=True)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "备注"], 1):
        put(ws, 8, c, h)
    level_cells(ws, 9, ROWS, 1, 2)
    for i, r in enumerate(ROWS):
        put(ws, 9 + i, 3, r.name)
        put(ws, 9 + i, 4, r.target)
        put(ws, 9 + i, 5, None)
    ws.column_dimensions["C"].width = 28
    save(wb, path)
