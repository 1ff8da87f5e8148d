"""河北 county bureau in the seed's own Word-to-text export: cells on tab lines, blank line per
row, 项目编码 printed; the title has no year, so the fiscal year comes from the deadlines."""

from corpus import Doc, Project, Row
from text_util import export_rows, write_lines

P1 = [
    Row("数量", "救助困难群众人次", "≥1500人次", x={"desc": "全年实施临时救助人次"}),
    Row("质量", "救助对象认定准确率", "≥98%", x={"desc": "救助对象符合救助条件的比例"}),
    Row("时效", "救助资金发放时限", "2021年12月底前", x={"desc": "按时足额发放救助资金"}),
    Row("成本", "预算执行率", "≥95%", x={"desc": "年底支出占预算资金比例"}),
    Row("社会", "困难群众基本生活", "得到有效保障", x={"desc": "保障困难群众基本生活"}),
    Row("满意度", "救助对象满意度", "≥90%", x={"desc": "通过抽样调查了解救助对象满意程度"}),
]
P2 = [
    Row("数量", "养老服务机构运营补贴覆盖", "≥12家", x={"desc": "享受运营补贴的养老机构数量"}),
    Row("质量", "养老机构星级评定达标率", "≥80%", x={"desc": "达到二星级以上标准的机构比例"}),
    Row("时效", "补贴资金拨付时间", "2021年10月底前", x={"desc": "补贴资金拨付到位"}),
    Row("社会", "入住老人安全事故发生率", "≤1%", x={"desc": "入住老人发生安全事故的比例"}),
    Row("满意度", "入住老人满意度", "≥85%", x={"desc": "抽样调查入住老人满意程度"}),
]
PROJECTS = [
    ("临时救助资金", "13022721P00122010003B", "85.00", "85.00", "", P1, "困难群众临时救助"),
    ("养老服务机构运营补贴", "13022721P00122010005C", "36.50", "30.00", "6.50", P2, "养老机构运营补贴"),
]

DOC = Doc(
    source="07-hebei-seed-like-export.txt",
    fiscal_year=2021,
    department_name="迁西县民政局",
    what="the seed's own text export layout (tab-led cell lines, blank line per row, a multi-paragraph 绩效目标 cell) for another county; 项目编码 printed; no year in the titles, fiscal year only from the deadlines (2021年12月底前)",
    variations=[5, 8, 10],
    projects=[Project(n, b, rows, code=code, fiscal_funds=f, other_funds=o or None)
              for n, code, b, f, o, rows, _ in PROJECTS],
)


def project_lines(i, name, code, budget, fiscal, other, rows, use):
    out = [f"{i}.{name}绩效目标表", "\t215011迁西县民政局本级", "\t单位：万元", ""]
    out += export_rows([
        ["项目编码", code, "项目名称", name],
        ["预算规模及资金用途", "预算数", budget, "其中：财政    资金", fiscal, "其他资金", other or " "],
        ["", use],
        ["资金支出计划（%）", "3月底", "6月底", "10月底", "12月底"],
        ["", "25%", "50%", "80%", "100%"],
        ["绩效目标", f"1.保障{name}按政策及时足额发放。\n2.加强资金监管，提高资金使用效益。"],
    ])
    out += ["", " "]
    table = [["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]]
    prev1 = None
    for r in rows:
        table.append([r.print1 if r.print1 != prev1 else "", r.print2, r.name, r.x["desc"], r.target, "年度工作计划"])
        prev1 = r.print1
    out += export_rows(table)
    out += ["", " "]
    return out


def build(path):
    lines = [" 预算项目绩效目标", " "]
    for i, p in enumerate(PROJECTS, 1):
        lines += project_lines(i, *p)
    write_lines(path, lines)
