"""山东 city unit: one Word table per project, amounts like `612万`, short level labels
(产出值 / 数量值 / 效果指标 …), headers 指标名称 and 年度指标值, a 项目总投资（当年） label."""

from corpus import Doc, Project, Row
from docx_util import level_cells, new_document, para, put, save, table

O, E, S = "产出值", "效果指标", "满意度"
PROJECTS = [
    ("城区老旧小区改造配套基础设施", "612万", "612", [
        Row("数量", "改造老旧小区", "≥18个", O, "数量值"),
        Row("数量", "改造供排水管网", "≥9.6公里", O, "数量值"),
        Row("质量", "工程竣工验收合格率", "100%", O, "质量值"),
        Row("时效", "主体工程完工时间", "2021年10月底前", O, "时效值"),
        Row("成本", "工程投资控制", "≤612万元", O, "成本值"),
        Row("社会", "受益居民户数", "≥5400户", E, "社会效益"),
        Row("可持续", "小区长效管理机制", "基本建立", E, "可持续影响"),
        Row("满意度", "受益居民满意度", "≥90%", S, "服务对象满意度"),
    ]),
    ("城市照明设施维护", "95.5万", "95.5", [
        Row("数量", "维护路灯", "≥3200盏", O, "数量值"),
        Row("质量", "城区道路亮灯率", ">=98%", O, "质量值"),
        Row("时效", "故障修复时间", "≤48小时", O, "时效值"),
        Row("社会", "夜间出行安全", "有效保障", E, "社会效益"),
        Row("满意度", "市民满意度", "≥85%", S, "服务对象满意度"),
    ]),
]

DOC = Doc(
    source="15-shandong-short-labels.docx",
    fiscal_year=2021,
    department_name="淄博市张店区住房和城乡建设局",
    what="one Word table per project under numbered headings; short level labels (产出值 with 数量值/质量值/时效值/成本值, 效果指标 with 社会效益/可持续影响, 满意度 with 服务对象满意度); 指标名称 / 年度指标值 headers; an ASCII `>=98%` target kept as written; 项目总投资（当年） with `612万` / `95.5万`; title `2021年部门预算项目绩效目标`",
    variations=[1, 3, 4, 5, 8, 10],
    projects=[Project(n, b, rows) for n, _, b, rows in PROJECTS],
)


def project_table(doc, i, name, money, rows):
    para(doc, f"{i}.{name}", bold=True)
    head = 4
    t = table(doc, head + 1 + len(rows), 4)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, name, 0, 3)
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "淄博市张店区住房和城乡建设局")
    put(t, 1, 2, "项目期限")
    put(t, 1, 3, "1年")
    put(t, 2, 0, "项目总投资（当年）")
    put(t, 2, 1, money, 2, 3)
    put(t, 3, 0, "年度目标")
    put(t, 3, 1, f"完成{name}年度任务，改善城区居民生活条件。", 3, 3)
    for c, h in enumerate(["一级指标", "二级指标", "指标名称", "年度指标值"]):
        put(t, head, c, h)
    level_cells(t, head + 1, rows, 0, 1)
    for j, r in enumerate(rows):
        put(t, head + 1 + j, 2, r.name)
        put(t, head + 1 + j, 3, r.target)
    para(doc, "")


def build(path):
    doc = new_document()
    para(doc, "淄博市张店区住房和城乡建设局", center=True)
    para(doc, "2021年部门预算项目绩效目标", bold=True, center=True, size=16)
    for i, (name, money, _, rows) in enumerate(PROJECTS, 1):
        project_table(doc, i, name, money, rows)
    save(doc, path)
