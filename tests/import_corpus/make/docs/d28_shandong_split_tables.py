"""山东 county bureau: one project whose form was cut in two at a page break, so the indicator
block goes on in a second Word table that repeats the header row; a blank paragraph and a
page break sit between the two tables."""

from docx.enum.text import WD_BREAK

from corpus import Doc, Project, Row
from docx_util import level_cells, new_document, para, put, save, table

FIRST = [
    Row("数量", "清扫保洁面积", "≥320万平方米"),
    Row("数量", "生活垃圾清运", "≥6.5万吨"),
    Row("数量", "新增垃圾分类投放点", "≥150个"),
    Row("质量", "道路清扫保洁达标率", "≥95%"),
    Row("质量", "垃圾无害化处理率", "100%"),
]
SECOND = [
    Row("时效", "垃圾日产日清", "每日清运"),
    Row("成本", "保洁作业单价", "≤4.5元/平方米·年"),
    Row("社会", "城市市容环境", "明显改善"),
    Row("生态", "城区环境空气质量", "有效改善"),
    Row("满意度", "市民满意度", "≥90%"),
]

DOC = Doc(
    source="28-shandong-split-tables.docx",
    fiscal_year=2023,
    department_name="郓城县综合行政执法局",
    what="one project form cut at a page break: info and the first indicator rows in table 1, the rest in table 2 with the header row repeated (and no project info), an empty paragraph and a page break between; 一级 产出指标 continues across the cut without being repeated",
    variations=[1, 2, 8, 10],
    projects=[Project("城区环卫保洁及垃圾清运", "1580", FIRST + SECOND, fiscal_funds="1580", other_funds="0")],
)

HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]


def build(path):
    doc = new_document()
    para(doc, "郓城县综合行政执法局2023年度项目支出绩效目标表", bold=True, center=True, size=15)
    head = 6
    t = table(doc, head + 1 + len(FIRST), 5)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, "城区环卫保洁及垃圾清运", 0, 4)
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "郓城县综合行政执法局")
    put(t, 1, 2, "实施单位")
    put(t, 1, 3, "郓城县环境卫生服务中心", 1, 4)
    put(t, 2, 0, "项目资金\n（万元）", 4, 0)
    for i, (label, val) in enumerate([("年度资金总额", "1580.00"), ("其中：财政拨款", "1580.00"), ("其他资金", "0")]):
        put(t, 2 + i, 1, label, 2 + i, 2)
        put(t, 2 + i, 3, val, 2 + i, 4)
    put(t, 5, 0, "年度目标")
    put(t, 5, 1, "完成城区320万平方米道路清扫保洁，生活垃圾日产日清，垃圾无害化处理率100%，城市市容环境明显改善。", 5, 4)
    put(t, head, 0, "绩效指标", head + len(FIRST), 0)
    for c, h in enumerate(HEADER, 1):
        put(t, head, c, h)
    level_cells(t, head + 1, FIRST, 1, 2)
    for i, r in enumerate(FIRST):
        put(t, head + 1 + i, 3, r.name)
        put(t, head + 1 + i, 4, r.target)
    para(doc, "")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    t2 = table(doc, 1 + len(SECOND), 5)
    put(t2, 0, 0, "绩效指标", len(SECOND), 0)
    for c, h in enumerate(HEADER, 1):
        put(t2, 0, c, h)
    # the cut falls inside 产出指标: its label is not repeated on the new page
    level_cells(t2, 1, SECOND, 1, 2)
    put(t2, 1, 1, "", 2, 1)
    for i, r in enumerate(SECOND):
        put(t2, 1 + i, 3, r.name)
        put(t2, 1 + i, 4, r.target)
    save(doc, path)
