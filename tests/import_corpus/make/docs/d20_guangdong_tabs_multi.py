"""广东 district bureau, a summary sheet pasted as tab-separated text: a name row before each
project block (name and money in one cell), merged cells empty, 分值, and a 合计 row."""

from corpus import Doc, Project, Row
from text_util import write_lines

PROJECTS = [
    ("困难群众救助补助资金", "1,286.40", "1286.4", [
        Row("数量", "城乡低保对象保障人数", "≥5200人", points="20"),
        Row("质量", "低保对象认定准确率", "≥98%", points="15"),
        Row("时效", "救助资金发放", "按月足额发放", points="15"),
        Row("社会", "困难群众基本生活", "得到有效保障", points="25"),
        Row("满意度", "救助对象满意度", "≥90%", points="15"),
    ]),
    ("残疾人两项补贴", "248.50", "248.5", [
        Row("数量", "困难残疾人生活补贴人数", "≥1800人", points="20"),
        Row("数量", "重度残疾人护理补贴人数", "≥2100人", points="20"),
        Row("质量", "补贴发放准确率", "100%", points="10"),
        Row("时效", "补贴发放", "按季度发放", points="10"),
        Row("社会", "残疾人生活质量", "有效改善", points="20"),
        Row("满意度", "补贴对象满意度", "≥90%", points="10"),
    ]),
    ("养老服务体系建设", "46.00", "46", [
        Row("数量", "新建长者饭堂", "≥4个", points="20"),
        Row("质量", "长者饭堂运营达标率", "≥90%", points="20"),
        Row("时效", "建设完成时间", "2024年9月30日前", points="10"),
        Row("可持续", "长者饭堂持续运营", "≥3年", points="30"),
        Row("满意度", "老年人满意度", "≥85%", points="10"),
    ]),
]

DOC = Doc(
    source="20-guangdong-tabs-multi.txt",
    fiscal_year=2024,
    department_name="佛山市南海区民政局",
    what="tab-separated text pasted from a spreadsheet: several projects, a name row before each block (`一、困难群众救助补助资金（1,286.40万元）` with trailing empty cells), merged level cells empty on later lines, 分值 column, a 合计 row that is not a project; CRLF line ends",
    variations=[1, 3, 5, 6, 8, 10],
    projects=[Project(n, b, rows) for n, _, b, rows in PROJECTS],
)

NUM = "一二三"


def build(path):
    lines = ["佛山市南海区民政局2024年度项目支出绩效目标汇总表", "单位：万元",
             "\t".join(["一级指标", "二级指标", "三级指标", "指标值", "分值"])]
    for i, (name, money, _, rows) in enumerate(PROJECTS):
        lines.append(f"{NUM[i]}、{name}（{money}万元）\t\t\t\t")
        prev1 = prev2 = None
        for r in rows:
            c1 = r.print1 if r.print1 != prev1 else ""
            c2 = r.print2 if (r.print1, r.print2) != (prev1, prev2) else ""
            lines.append("\t".join([c1, c2, r.name, r.target, r.points]))
            prev1, prev2 = r.print1, r.print2
    lines.append("合计\t\t\t1,580.90\t")
    write_lines(path, lines, newline="\r\n")
