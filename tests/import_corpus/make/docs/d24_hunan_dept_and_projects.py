"""湖南 township: one Word file with the whole-department table first and two project tables
after it, each its own one-table form (left label column, header row in the middle)."""

from corpus import Doc, Project, Row
from docx_util import level_cells, new_document, para, put, save, table

DEPT = [
    Row("数量", "村（社区）覆盖", "27个"),
    Row("质量", "重点工作按期完成率", "≥95%"),
    Row("时效", "年度工作任务完成时间", "2025年12月底前"),
    Row("成本", "“三公”经费", "较上年只减不增"),
    Row("社会", "基层治理水平", "稳步提升"),
    Row("满意度", "辖区群众满意度", "≥90%"),
]
PROJECTS = [
    ("村级公益事业建设一事一议财政奖补", "260", "220", "40", [
        Row("数量", "实施一事一议项目", "≥15个"),
        Row("质量", "项目验收合格率", "100%"),
        Row("时效", "项目完工时间", "2025年10月底前"),
        Row("社会", "受益群众", "≥1.2万人"),
        Row("满意度", "受益群众满意度", "≥92%"),
    ]),
    ("农村人居环境整治", "85.6", "85.6", "0", [
        Row("数量", "清理农村垃圾", "≥2600吨"),
        Row("数量", "整治村庄", "≥27个"),
        Row("时效", "整治任务", "按计划完成"),
        Row("生态", "村庄人居环境", "明显改善"),
        Row("满意度", "村民满意度", "≥90%"),
    ]),
]

DOC = Doc(
    source="24-hunan-dept-and-projects.docx",
    fiscal_year=2025,
    department_name="浏阳市大瑶镇人民政府",
    what="one Word file: a whole-department one-table form (部门整体支出绩效目标表) followed by two project one-table forms; each has a left label column merged down and the indicator header row in the middle; department and projects must not mix",
    variations=[1, 2, 6, 8, 10],
    projects=[Project(n, b, rows, fiscal_funds=f, other_funds=o) for n, b, f, o, rows in PROJECTS],
    department_rows=DEPT,
)


def indicator_block(t, head, label, rows, cols):
    """Header row at `head`, rows after it; a left label column merged over all of them."""
    put(t, head, 0, label, head + len(rows), 0)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        put(t, head, 1 + c, h, head, cols - 1 if c == 3 else None)
    level_cells(t, head + 1, rows, 1, 2)
    for i, r in enumerate(rows):
        put(t, head + 1 + i, 3, r.name)
        put(t, head + 1 + i, 4, r.target, head + 1 + i, cols - 1)


def dept_table(doc):
    para(doc, "大瑶镇2025年部门整体支出绩效目标表", bold=True, center=True, size=15)
    t = table(doc, 4 + len(DEPT), 6)
    put(t, 0, 0, "部门名称")
    put(t, 0, 1, "浏阳市大瑶镇人民政府", 0, 5)
    put(t, 1, 0, "年度预算\n（万元）")
    put(t, 1, 1, "资金总额")
    put(t, 1, 2, "3265.40")
    put(t, 1, 3, "其中：财政拨款")
    put(t, 1, 4, "3180.40", 1, 5)
    put(t, 2, 0, "年度总体目标")
    put(t, 2, 1, "保障镇机关及所属单位正常运转，统筹推进乡村振兴、基层治理和民生保障各项工作，\n确保年度重点工作按期完成，群众满意度保持在90%以上。", 2, 5)
    indicator_block(t, 3, "年度绩效指标", DEPT, 6)


def project_table(doc, name, budget, fiscal, other, rows):
    para(doc, "")
    para(doc, f"{name}项目绩效目标表", bold=True, center=True)
    t = table(doc, 6 + len(rows), 6)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, name, 0, 5)
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "浏阳市大瑶镇人民政府", 1, 2)
    put(t, 1, 3, "实施单位")
    put(t, 1, 4, "大瑶镇农业综合服务中心", 1, 5)
    put(t, 2, 0, "项目资金（万元）", 3, 0)
    put(t, 2, 1, "年度资金总额")
    put(t, 2, 2, budget)
    put(t, 2, 3, "财政拨款")
    put(t, 2, 4, fiscal, 2, 5)
    put(t, 3, 1, "其他资金")
    put(t, 3, 2, other)
    put(t, 3, 3, "")
    put(t, 3, 4, "", 3, 5)
    put(t, 4, 0, "年度目标")
    put(t, 4, 1, f"按时完成{name}年度建设任务，改善农村生产生活条件。", 4, 5)
    indicator_block(t, 5, "绩效指标", rows, 6)


def build(path):
    doc = new_document()
    dept_table(doc)
    for p in PROJECTS:
        project_table(doc, *p)
    save(doc, path)
