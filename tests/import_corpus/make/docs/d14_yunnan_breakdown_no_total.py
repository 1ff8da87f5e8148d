"""云南 township, one Word table whose money block has no total: 财政拨款小计 with its
其中 lines, and 其他资金 0; the budget is 财政拨款小计 + 其他资金."""

from corpus import Doc, Project, Row
from docx_util import level_cells, new_document, para, put, save, table

ROWS = [
    Row("数量", "开发乡村公益性岗位", "≥8个"),
    Row("质量", "岗位人员在岗率", "≥95%"),
    Row("时效", "岗位补贴发放", "按月发放"),
    Row("成本", "岗位补贴标准", "=500元/人·月"),
    Row("经济", "带动脱贫劳动力增收", "≥6000元/年"),
    Row("满意度", "岗位人员满意度", "≥90%"),
]

DOC = Doc(
    source="14-yunnan-breakdown-no-total.docx",
    fiscal_year=2020,
    department_name="勐腊县勐仑镇人民政府",
    what="township one-table form, money block without a total (财政拨款小计 4.80 with 其中 省级/县级 lines, 其他资金 0 → budget 4.8), 项目负责人 and 联系电话, title `项目支出绩效目标表（2020年度）` with the year in brackets on the title line",
    variations=[1, 2, 5, 8, 10],
    projects=[Project("乡村公益性岗位补贴", "4.8", ROWS, fiscal_funds="4.8", other_funds="0")],
)


def build(path):
    doc = new_document()
    para(doc, "项目支出绩效目标表（2020年度）", bold=True, center=True, size=16)
    head = 9
    t = table(doc, head + len(ROWS), 5)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, "乡村公益性岗位补贴", 0, 4)
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "勐腊县勐仑镇人民政府")
    put(t, 1, 2, "实施单位")
    put(t, 1, 3, "勐仑镇社会保障服务中心", 1, 4)
    put(t, 2, 0, "项目负责人")
    put(t, 2, 1, "岩温")
    put(t, 2, 2, "联系电话")
    put(t, 2, 3, "0691-8715023", 2, 4)
    put(t, 3, 0, "项目资金\n（万元）", 6, 0)
    for i, (label, val) in enumerate([("财政拨款小计", "4.80"), ("  其中：省级补助", "3.00"),
                                      ("        县级配套", "1.80"), ("其他资金", "0")]):
        put(t, 3 + i, 1, label, 3 + i, 2)
        put(t, 3 + i, 3, val, 3 + i, 4)
    put(t, 7, 0, "年度绩效目标")
    put(t, 7, 1, "开发乡村公益性岗位8个，优先安置脱贫劳动力，按月足额发放岗位补贴，带动脱贫劳动力稳定增收。", 7, 4)
    put(t, 8, 0, "绩效指标", 8 + len(ROWS), 0)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值"], 1):
        put(t, 8, c, h)
    level_cells(t, head, ROWS, 1, 2)
    for i, r in enumerate(ROWS):
        put(t, head + i, 3, r.name)
        put(t, head + i, 4, r.target)
    save(doc, path)
