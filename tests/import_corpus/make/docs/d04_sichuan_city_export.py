"""四川 city bureau, budget-system .xlsx export: one project per sheet, title merged across,
header on rows 10-11 with 绩效指标值 over 指标性质 | 指标值 | 度量单位 (target split over
three columns), 分值, 评（扣）分标准 merged across two columns; 项目编码 printed."""

from corpus import Doc, Project, Row
from xlsx_util import level_cells, new_workbook, put, save

P1 = [
    (Row("数量", "监测断面数量", "≥36个", points="10"), "≥", "36", "个"),
    (Row("数量", "监测频次", "≥12次/年", points="10"), "≥", "12", "次/年"),
    (Row("质量", "监测数据有效率", "≥95%", points="10"), "≥", "95", "%"),
    (Row("时效", "监测报告报送时限", "≤5个工作日", points="10"), "≤", "5", "个工作日"),
    (Row("成本", "监测成本控制", "≤215.36万元", points="10"), "≤", "215.36", "万元"),
    (Row("生态", "建成区黑臭水体消除比例", "=100%", points="15"), "=", "100", "%"),
    (Row("社会", "群众投诉办结率", "≥98%", points="15"), "≥", "98", "%"),
    (Row("满意度", "周边群众满意度", "≥90%", points="10"), "≥", "90", "%"),
]
P2 = [
    (Row("数量", "机动车尾气遥感监测点位", "≥6个", points="15"), "≥", "6", "个"),
    (Row("数量", "重型柴油车路检抽测", "≥1500辆次", points="10"), "≥", "1500", "辆次"),
    (Row("质量", "检测设备正常运行率", "≥95%", points="15"), "≥", "95", "%"),
    (Row("时效", "设备安装调试完成时间", "2024年6月30日前", points="10"), "", "2024年6月30日前", ""),
    (Row("生态", "机动车排放超标率", "≤5%", points="15", reverse=False), "≤", "5", "%"),
    (Row("可持续", "监管平台持续运行", "≥5年", points="15"), "≥", "5", "年"),
    (Row("满意度", "驾驶人满意度", "≥85%", points="10"), "≥", "85", "%"),
]
PROJECTS = [
    ("黑臭水体整治监测项目", "51130024R000000012345", "215.36", "215.36", "0", P1,
     "对城区36个地表水监测断面开展每月一次水质监测，按时报送监测报告，为建成区黑臭水体长治久清提供数据支撑。"),
    ("机动车排气污染监管能力建设项目", "51130024R000000012871", "68.5", "68.5", "0", P2,
     "新建机动车尾气遥感监测点位6个，年内完成安装调试并联网运行，提升移动源排放监管能力。"),
]

DOC = Doc(
    source="04-sichuan-city-export.xlsx",
    fiscal_year=2024,
    department_name="南充市生态环境局",
    what="budget-system .xlsx export, one project per sheet; title merged across A:I; two header rows (绩效指标值 over 指标性质/指标值/度量单位) so `≥`|`36`|`个` joins to one target; 分值; 评（扣）分标准 merged over two columns; 项目编码 printed; amounts in 万元 header (`215.36`)",
    variations=[3, 5, 8, 10],
    projects=[Project(n, b, [s[0] for s in spec], code=code, fiscal_funds=f, other_funds=o)
              for n, code, b, f, o, spec, _ in PROJECTS],
)


def sheet(ws, name, code, budget, fiscal, spec, goal):
    put(ws, 1, 1, "2024年项目支出绩效目标表", 1, 9, bold=True, border=False)
    put(ws, 2, 1, "部门（单位）名称：南充市生态环境局", 2, 6, border=False)
    put(ws, 2, 9, "单位：万元", border=False)
    put(ws, 3, 1, "项目名称")
    put(ws, 3, 2, name, 3, 4)
    put(ws, 3, 5, "项目编码")
    put(ws, 3, 6, code, 3, 9)
    put(ws, 4, 1, "主管部门")
    put(ws, 4, 2, "南充市生态环境局", 4, 4)
    put(ws, 4, 5, "实施单位")
    put(ws, 4, 6, "南充市生态环境监测站", 4, 9)
    put(ws, 5, 1, "项目资金", 8, 1)
    for i, (label, value) in enumerate([("资金总额", budget), ("其中：财政拨款", fiscal), ("      其他资金", "0"),
                                        ("      上年结转", "")]):
        put(ws, 5 + i, 2, label, 5 + i, 4)
        put(ws, 5 + i, 5, float(value) if value else None, 5 + i, 9)
    put(ws, 9, 1, "年度目标")
    put(ws, 9, 2, goal, 9, 9)
    put(ws, 10, 1, "一级指标", 11, 1)
    put(ws, 10, 2, "二级指标", 11, 2)
    put(ws, 10, 3, "三级指标", 11, 3)
    put(ws, 10, 4, "绩效指标值", 10, 6)
    put(ws, 11, 4, "指标性质")
    put(ws, 11, 5, "指标值")
    put(ws, 11, 6, "度量单位")
    put(ws, 10, 7, "分值", 11, 7)
    put(ws, 10, 8, "评（扣）分标准", 11, 9)
    rows = [s[0] for s in spec]
    level_cells(ws, 12, rows, 1, 2)
    for i, (r, op, val, unit) in enumerate(spec):
        rr = 12 + i
        put(ws, rr, 3, r.name)
        put(ws, rr, 4, op or None)
        put(ws, rr, 5, val)
        put(ws, rr, 6, unit or None)
        put(ws, rr, 7, int(r.points))
        put(ws, rr, 8, "完成目标值得满分，未完成按比例扣分", rr, 9)
    ws.column_dimensions["C"].width = 28
    ws.column_dimensions["H"].width = 20


def build(path):
    wb = new_workbook()
    wb.remove(wb.active)
    for i, (name, code, budget, fiscal, _other, spec, goal) in enumerate(PROJECTS, 1):
        sheet(wb.create_sheet(f"项目{i}"), name, code, budget, fiscal, spec, goal)
    save(wb, path)
