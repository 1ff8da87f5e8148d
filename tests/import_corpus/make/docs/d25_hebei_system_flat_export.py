"""河北 city bureau, the budget system's bulk export of project targets: one line per
indicator with 项目编码 and 项目名称 repeated on every line (no merges), 指标性质 as
≥/≤/=/定性, 指标值 and 度量单位 apart, 权重 as a number, 项目金额 repeated too."""

from corpus import Doc, Project, Row
from xlsx_util import new_workbook, put, save

# (row, 指标性质, 指标值, 度量单位)
PROJECTS = [
    ("130100250000000101", "社区矫正信息化平台运维", "58.3", [
        (Row("数量", "运维终端设备", "≥120台", points="20"), "≥", "120", "台"),
        (Row("质量", "平台正常运行率", "≥99%", points="20"), "≥", "99", "%"),
        (Row("时效", "故障响应时间", "≤2小时", points="10"), "≤", "2", "小时"),
        (Row("社会", "社区矫正对象脱管率", "=0%", points="30"), "=", "0", "%"),
        (Row("满意度", "基层司法所满意度", "≥90%", points="10"), "≥", "90", "%"),
    ]),
    ("130100250000000102", "人民调解员以案定补", "42", [
        (Row("数量", "补贴调解案件", "≥2800件", points="30"), "≥", "2800", "件"),
        (Row("质量", "调解成功率", "≥95%", points="20"), "≥", "95", "%"),
        (Row("成本", "每件案件补贴标准", "≤150元", points="10"), "≤", "150", "元"),
        (Row("社会", "矛盾纠纷就地化解", "有效促进", points="20"), "定性", "有效促进", ""),
        (Row("满意度", "当事人满意度", "≥90%", points="10"), "≥", "90", "%"),
    ]),
]

DOC = Doc(
    source="25-hebei-system-flat-export.xlsx",
    fiscal_year=2025,
    department_name="石家庄市司法局",
    what="budget-system bulk export, one line per indicator, no merges: 项目编码, 项目名称 and 项目金额（万元） repeated on every line of a project, 指标性质 `≥`/`≤`/`=`/`定性` + 指标值 + 度量单位 joined into one target, 权重 as a number → points; header on row 2 under a title row; the fiscal year only in the 预算年度 column (no year in the title, no dated target)",
    variations=[3, 5, 6, 10],
    projects=[Project(n, b, [s[0] for s in spec], code=code) for code, n, b, spec in PROJECTS],
)

HEADER = ["预算年度", "单位名称", "项目编码", "项目名称", "项目金额（万元）", "一级指标", "二级指标", "三级指标",
          "指标性质", "指标值", "度量单位", "权重"]


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "项目绩效目标"
    put(ws, 1, 1, "项目绩效目标批量导出", 1, len(HEADER), bold=True, border=False)
    for c, h in enumerate(HEADER, 1):
        put(ws, 2, c, h, bold=True)
    r = 3
    for code, name, budget, spec in PROJECTS:
        for row, nature, val, unit in spec:
            values = ["2025", "石家庄市司法局", code, name, budget, row.level1, row.level2, row.name, nature, val,
                      unit or None, int(row.points)]
            for c, v in enumerate(values, 1):
                put(ws, r, c, v)
            r += 1
    ws.column_dimensions["D"].width = 26
    ws.column_dimensions["H"].width = 22
    save(wb, path)
