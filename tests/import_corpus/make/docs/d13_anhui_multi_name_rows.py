"""安徽 county bureau: several projects in ONE Word table, a merged name row (with its money)
before each block, one header row at the top, a 合计 row at the bottom; range targets."""

from corpus import Doc, Project, Row
from docx_util import level_cells, new_document, para, put, save, table

PROJECTS = [
    ("农村公路养护工程", "245", [
        Row("数量", "农村公路养护里程", "≥860公里"),
        Row("质量", "路肩培护宽度", "≥45厘米"),
        Row("质量", "农村公路优良路率", "≥80%"),
        Row("时效", "年度养护任务完成时间", "2024年11月底前"),
        Row("社会", "群众出行条件", "明显改善"),
        Row("满意度", "沿线群众满意度", "≥90%"),
    ]),
    ("渡口渡船安全管理", "38.6", [
        Row("数量", "渡船安全检查", "≥6艘次"),
        Row("数量", "渡工安全培训", "≥2期"),
        Row("时效", "渡运任务", "按计划完成"),
        Row("社会", "渡运安全责任事故", "0起"),
        Row("满意度", "过渡群众满意度", "≥95%"),
    ]),
    ("城乡公交票价补贴", "138", [
        Row("数量", "享受补贴的公交线路", "≥12条"),
        Row("质量", "优惠票价执行率", "100%"),
        Row("成本", "票价调整幅度", "±5%"),
        Row("社会", "城乡公交通达率", "100%"),
        Row("满意度", "乘客满意度", "90%-95%"),
    ]),
]

DOC = Doc(
    source="13-anhui-multi-name-rows.docx",
    fiscal_year=2024,
    department_name="枞阳县交通运输局",
    what="several projects in one Word table: a name row merged across all columns before each block (`项目一：…（年度预算245万元）`), one header row at the top, a 合计 row that is not a project; targets `≥45厘米`, `≥6艘次`, `按计划完成`, `0起`, `±5%`, `90%-95%`",
    variations=[1, 5, 6, 8, 10],
    projects=[Project(n, b, rows) for n, b, rows in PROJECTS],
)

NUM = "一二三"


def build(path):
    doc = new_document()
    para(doc, "枞阳县交通运输局2024年度项目支出绩效目标表", bold=True, center=True, size=15)
    para(doc, "单位：万元")
    total = sum(len(rows) + 1 for _, _, rows in PROJECTS) + 2
    t = table(doc, total, 5)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "备注"]):
        put(t, 0, c, h)
    r = 1
    for i, (name, budget, rows) in enumerate(PROJECTS):
        put(t, r, 0, f"项目{NUM[i]}：{name}（年度预算{budget}万元）", r, 4)
        level_cells(t, r + 1, rows, 0, 1)
        for j, row in enumerate(rows):
            put(t, r + 1 + j, 2, row.name)
            put(t, r + 1 + j, 3, row.target)
        r += len(rows) + 1
    put(t, r, 0, "合计", r, 2)
    put(t, r, 3, "421.6")
    save(doc, path)
