"""河南 township, a half-filled template: the indicator block keeps the template's blank rows
at the end (every cell empty) and a `指标1：` row, 二级 labels with （必填）, no 满意度."""

from corpus import Doc, Project, Row, count_leftovers, leftover, real
from docx_util import level_cells, new_document, para, put, save, table

ALL = [
    Row("数量", "开展农村实用技术培训", "≥6期", p2="数量指标（必填）", points="20"),
    Row("数量", "培训农民", "≥300人次", p2="数量指标（必填）", points="15"),
    Row("质量", "培训考核合格率", "≥90%", p2="质量指标（必填）", points="15"),
    Row("时效", "培训完成时间", "2020年11月底前", p2="时效指标（必填）", points="10"),
    leftover("成本", "指标1：", "", p2="成本指标"),
    Row("经济", "参训农户增收", "≥500元/户", p2="经济效益指标", points="20"),
    Row("社会", "农民科技素质", "明显提高", p2="社会效益指标", points="10"),
]
BLANK = 3  # template rows left empty at the end of the block
ROWS = real(ALL)

DOC = Doc(
    source="26-henan-township-blank-rows.docx",
    fiscal_year=2020,
    department_name="光山县槐店乡人民政府",
    what="half-filled township template: （必填） on 二级 labels, a `指标1：` row with no target under 成本指标, three wholly empty template rows at the end of the indicator block (no merges; they may be reported in one note), 分值 column, no 满意度 level; 资金 block labels 资金总额 / 其中：财政资金",
    variations=[1, 2, 4, 8, 9, 10],
    exit=1,
    min_notes=count_leftovers(ALL) + 1,  # the blank rows at the end may share one note
    projects=[Project("农村实用技术培训", "9.6", ROWS, fiscal_funds="9.6")],
)


def build(path):
    doc = new_document()
    para(doc, "光山县槐店乡2020年项目支出绩效目标表", bold=True, center=True, size=15)
    head = 5
    t = table(doc, head + 1 + len(ALL) + BLANK, 6)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, "农村实用技术培训", 0, 5)
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "光山县槐店乡人民政府", 1, 2)
    put(t, 1, 3, "实施单位")
    put(t, 1, 4, "槐店乡农业服务中心", 1, 5)
    put(t, 2, 0, "资金总额（万元）")
    put(t, 2, 1, "9.6", 2, 2)
    put(t, 2, 3, "其中：财政资金")
    put(t, 2, 4, "9.6", 2, 5)
    put(t, 3, 0, "年度目标")
    put(t, 3, 1, "全年开展农村实用技术培训6期，培训农民300人次以上，提高农民科技素质，促进农户增收。", 3, 5)
    put(t, 4, 0, "绩效指标", 4, 5)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "分值", "备注"]):
        put(t, head, c, h)
    level_cells(t, head + 1, ALL, 0, 1)
    for i, r in enumerate(ALL):
        put(t, head + 1 + i, 2, r.name)
        put(t, head + 1 + i, 3, r.target)
        put(t, head + 1 + i, 4, r.points or "")
    save(doc, path)
