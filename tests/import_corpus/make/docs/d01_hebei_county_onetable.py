"""河北 county bureau, national one-table form: info, 资金, goal prose and indicators in one
Word table; a left 绩效指标 column spans the indicator block; 三级 spans two grid columns."""

from corpus import Doc, Project, Row
from docx_util import level_cells, new_document, para, put, save, table

ROWS = [
    Row("数量", "新建高标准农田面积", "≥1.2万亩"),
    Row("数量", "新建（改造）灌溉渠道", "≥12公里"),
    Row("质量", "工程验收合格率", "100%"),
    Row("时效", "项目完工时间", "2023年12月底前"),
    Row("成本", "亩均财政投入", "≤1500元/亩"),
    Row("经济", "项目区亩均粮食产能提高", "≥50公斤"),
    Row("社会", "带动当地农民务工", "≥300人次"),
    Row("生态", "农田灌溉水有效利用系数", "≥0.58"),
    Row("可持续", "工程设计使用年限", "≥15年"),
    Row("满意度", "项目区群众满意度", "≥90%"),
]

DOC = Doc(
    source="01-hebei-county-onetable.docx",
    fiscal_year=2023,
    department_name="馆陶县农业农村局",
    what="national one-table form (info + 资金 + goal + indicators in one Word table), 绩效指标 label column merged down, level cells merged down, 三级 spanning two grid columns, goal cell with three paragraphs, fiscal year in the （2023年度） line under the title",
    variations=[1, 2, 8, 10],
    projects=[Project("2023年高标准农田建设项目", "612", ROWS, fiscal_funds="500", other_funds="112")],
)


def build(path):
    doc = new_document("项目支出绩效目标表")
    para(doc, "项目支出绩效目标表", bold=True, center=True, size=16)
    para(doc, "（2023年度）", center=True)
    head = 7
    t = table(doc, head + 1 + len(ROWS), 6)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, "2023年高标准农田建设项目", 0, 5)
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "馆陶县农业农村局", 1, 2)
    put(t, 1, 3, "实施单位")
    put(t, 1, 4, "馆陶县农业农村局", 1, 5)
    put(t, 2, 0, "项目资金\n（万元）", 4, 0)
    put(t, 2, 1, "年度资金总额：", 2, 3)
    put(t, 2, 4, "612", 2, 5)
    put(t, 3, 1, "其中：财政拨款", 3, 3)
    put(t, 3, 4, "500", 3, 5)
    put(t, 4, 1, "      其他资金", 4, 3)
    put(t, 4, 4, "112", 4, 5)
    put(t, 5, 0, "年度绩效目标", 6, 0)
    put(t, 5, 1, "目标1：建成集中连片、旱涝保收、宜机作业的高标准农田1.2万亩，配套灌溉渠道12公里。", 5, 5)
    put(t, 6, 1, "目标2：项目区粮食综合生产能力明显提高，亩均产能提高50公斤以上。\n目标3：改善农田生态环境，农田灌溉水有效利用系数达到0.58以上。", 6, 5)
    put(t, head, 0, "绩效指标", head + len(ROWS), 0)
    put(t, head, 1, "一级指标")
    put(t, head, 2, "二级指标")
    put(t, head, 3, "三级指标", head, 4)
    put(t, head, 5, "指标值")
    r0 = head + 1
    level_cells(t, r0, ROWS, 1, 2)
    for i, r in enumerate(ROWS):
        put(t, r0 + i, 3, r.name, r0 + i, 4)
        put(t, r0 + i, 5, r.target)
    save(doc, path)
