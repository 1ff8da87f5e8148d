"""广东 district bureau, whole-department (部门整体支出) target table in one Word table:
年度主要任务 with their money (tasks, not projects), 金额合计, 年度总体目标 in several
paragraphs, and the department's own indicators under a 年度绩效指标 label column."""

from corpus import Doc, Row
from docx_util import level_cells, new_document, para, put, save, table

ROWS = [
    Row("数量", "河长巡河次数", "≥2400次"),
    Row("数量", "整治中小河流长度", "≥12公里"),
    Row("质量", "国考断面水质达标率", "≥90%"),
    Row("质量", "水利工程验收合格率", "100%"),
    Row("时效", "年度重点任务完成时间", "2022年12月底前"),
    Row("成本", "部门预算支出", "控制在预算范围内"),
    Row("社会", "城乡防洪排涝能力", "明显提升"),
    Row("生态", "河湖水生态环境", "有效改善"),
    Row("可持续", "河湖长制长效机制", "持续完善"),
    Row("满意度", "社会公众满意度", "≥90%"),
]
TASKS = [
    ("河湖长制工作", "全面落实河湖长制，开展河湖“清四乱”", "320.5", "320.5", "0"),
    ("中小河流治理", "完成流溪河支流12公里综合整治", "1860", "1500", "360"),
    ("水利工程运行管护", "水库、水闸、堤防日常维修养护", "415.2", "415.2", "0"),
]

DOC = Doc(
    source="12-guangdong-dept-whole.docx",
    fiscal_year=2022,
    department_name="广州市从化区水务局",
    what="whole-department (部门整体支出) form in one Word table: 年度主要任务 rows with 总额/财政拨款/其他资金 (tasks, not projects), 金额合计, 年度总体目标 with several paragraphs, 年度绩效指标 label column merged down over the indicator block with its header in the middle",
    variations=[2, 6, 8, 10],
    department_rows=ROWS,
)


def build(path):
    doc = new_document()
    para(doc, "部门整体支出绩效目标申报表", bold=True, center=True, size=16)
    para(doc, "（2022年度）", center=True)
    n = len(TASKS)
    goal = 4 + n
    head = goal + 1
    t = table(doc, head + 1 + len(ROWS), 6)
    put(t, 0, 0, "部门（单位）名称")
    put(t, 0, 1, "广州市从化区水务局", 0, 5)
    put(t, 1, 0, "年度主要任务", 3 + n, 0)
    put(t, 1, 1, "任务名称", 2, 1)
    put(t, 1, 2, "主要内容", 2, 2)
    put(t, 1, 3, "预算金额（万元）", 1, 5)
    put(t, 2, 3, "总额")
    put(t, 2, 4, "财政拨款")
    put(t, 2, 5, "其他资金")
    for i, task in enumerate(TASKS):
        for c, v in enumerate(task):
            put(t, 3 + i, 1 + c, v)
    put(t, 3 + n, 1, "金额合计", 3 + n, 2)
    put(t, 3 + n, 3, "2595.7")
    put(t, 3 + n, 4, "2235.7")
    put(t, 3 + n, 5, "360")
    put(t, goal, 0, "年度总体目标")
    put(t, goal, 1, "目标1：全面落实河湖长制，全年河长巡河2400次以上，国考断面水质达标率稳定在90%以上。\n"
                    "目标2：完成中小河流综合整治12公里，城乡防洪排涝能力明显提升。\n"
                    "目标3：加强水利工程运行管护，确保工程安全度汛。", goal, 5)
    put(t, head, 0, "年度绩效指标", head + len(ROWS), 0)
    put(t, head, 1, "一级指标")
    put(t, head, 2, "二级指标")
    put(t, head, 3, "三级指标", head, 4)
    put(t, head, 5, "指标值")
    level_cells(t, head + 1, ROWS, 1, 2)
    for i, r in enumerate(ROWS):
        put(t, head + 1 + i, 3, r.name, head + 1 + i, 4)
        put(t, head + 1 + i, 5, r.target)
    save(doc, path)
