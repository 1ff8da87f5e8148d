"""河南 city unit with 项目编码: headers 指标内容 and 指标值（包含数字及文字描述）, 指标解释
and 评（扣）分标准 columns, a 三级 cell written on two paragraphs, 项目效益指标 on two lines,
年初安排数 with 上年结转."""

from corpus import Doc, Project, Row
from docx_util import level_cells, new_document, para, put, save, table

E = "项目效益\v指标"  # a line break inside one paragraph (Shift+Enter)
SPEC = [
    (Row("数量", "开展食品安全监督抽检批次", "≥4800批次"), "全年抽检食品批次", "完成得10分，未完成按比例扣分"),
    (Row("数量", "快检室建设数量", "≥20个"), "农贸市场快检室", "每少1个扣1分"),
    (Row("质量", "抽检不合格食品核查处置率", "100%"), "不合格食品核查处置数/不合格批次", "未达到扣5分"),
    (Row("时效", "抽检结果公布时限", "≤20个工作日"), "自收到检验报告之日起", "超时1次扣1分"),
    (Row("社会", "食品安全群众知晓率", "≥80%", E), "问卷调查", "按比例得分"),
    (Row("可持续", "食品安全风险防控能力", "持续提升", E), "", "视完成情况评分"),
    (Row("满意度", "群众对食品安全满意度", "≥85%"), "第三方测评", "按比例得分"),
]
ROWS = [s[0] for s in SPEC]
NAME_CELLS = {1: "快检室建设\n数量"}

DOC = Doc(
    source="23-henan-city-coded-extra-columns.docx",
    fiscal_year=2020,
    department_name="洛阳市市场监督管理局",
    what="项目编码 printed; indicator headers 指标内容 and 指标值（包含数字及文字描述）; 指标解释 and 评（扣）分标准 extra columns; a 三级 cell on two paragraphs (`快检室建设`/`数量` → joined); 项目效益/指标 on two lines by a line break inside one paragraph (w:br); 年初安排数 366.75 = 当年财政拨款 320.00 + 上年结转 46.75 (上年结转 is not 其他资金); fiscal year from the title only (no dated target)",
    variations=[3, 4, 5, 8, 10],
    projects=[Project("食品安全监督抽检", "366.75", ROWS, code="410300200000010025", fiscal_funds="320")],
)


def build(path):
    doc = new_document()
    para(doc, "洛阳市市场监督管理局2020年项目支出绩效目标表", bold=True, center=True, size=15)
    para(doc, "单位：万元")
    t = table(doc, 6, 4)
    put(t, 0, 0, "项目编码")
    put(t, 0, 1, "410300200000010025")
    put(t, 0, 2, "项目名称")
    put(t, 0, 3, "食品安全监督抽检")
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "洛阳市市场监督管理局")
    put(t, 1, 2, "实施单位")
    put(t, 1, 3, "洛阳市食品药品检验检测中心")
    put(t, 2, 0, "项目资金", 4, 0)
    put(t, 2, 1, "年初安排数")
    put(t, 2, 2, "366.75", 2, 3)
    put(t, 3, 1, "其中：当年财政拨款")
    put(t, 3, 2, "320.00", 3, 3)
    put(t, 4, 1, "      上年结转")
    put(t, 4, 2, "46.75", 4, 3)
    put(t, 5, 0, "年度目标")
    put(t, 5, 1, "完成食品安全监督抽检4800批次，不合格食品核查处置率100%，\n推动农贸市场快检室建设，提升食品安全风险防控能力。", 5, 3)
    para(doc, "")
    t2 = table(doc, 1 + len(ROWS), 7)
    for c, h in enumerate(["一级指标", "二级指标", "指标内容", "指标值（包含数字及文字描述）", "指标解释", "评（扣）分标准", "备注"]):
        put(t2, 0, c, h)
    level_cells(t2, 1, ROWS, 0, 1)
    for i, (r, expl, std) in enumerate(SPEC):
        put(t2, 1 + i, 2, NAME_CELLS.get(i, r.name))
        put(t2, 1 + i, 3, r.target)
        put(t2, 1 + i, 4, expl)
        put(t2, 1 + i, 5, std)
        put(t2, 1 + i, 6, "")
    save(doc, path)
