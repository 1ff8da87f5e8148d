"""河南 county 教育体育局, national Word form with a 权重 column in % instead of 分值: the
weights add to 95% with the execution row, and the 执行率 was worked out on the 年初预算数
(624/580) instead of the 全年预算数 (624/650), so the execution row took full marks."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

ROWS = [
    r("数量", "资助家庭经济困难学生人数", "≥1200人", "1260人", "10%", "10"),
    r("数量", "营养餐供餐天数", "≥200天", "198天", "10%", "9.9", "受汛期停课影响2天，已补齐供餐"),
    r("质量", "资助资金足额发放率", "100%", "100%", "10%", "10"),
    r("时效", "资助资金发放时间", "2023年11月30日前", "2023年11月28日", "10%", "10"),
    r("成本", "生均资助标准", "=1000元", "1000元", "5%", "5"),
    r("社会", "因贫辍学学生人数", "0人", "0人", "15%", "15"),
    r("可持续", "受助学生持续就读率", "≥98%", "99.2%", "15%", "15"),
    r("满意度", "受助学生及家长满意度", "≥90%", "95%", "10%", "10"),
]
TABLE = Table(
    kind="project", name="学生资助及营养改善计划资金", dept="项城市教育体育局", unit="项城市学生资助管理中心", year=2023,
    budget=Budget("580", "650", "624", points="10%", rate="107.59%", score="10", meant="偏高",
                  lines=[("其中：当年财政拨款", "580", "650", "624"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="94.9", grade="优", findings=["points-sum", "rate-wrong", "execution-score-wrong"],
    goal="资助家庭经济困难学生1200人以上，保障营养餐供餐200天，确保无学生因贫辍学。",
    achieved="资助学生1260人，供餐198天，资助资金足额按时发放。",
)
DOC = Doc(
    source="04-henan-weights-initial-rate.docx",
    what="national Word form with 权重 written `10%` instead of 分值; the weights add to 95% (成本 5%) with the execution row; 执行率 worked out on the 年初预算数 (624/580 = 107.59%) instead of the 全年预算数 (624/650 = 96.00%) and scored 10; a target-0 row (因贫辍学 0人)",
    tables=[TABLE], exercises=["merged", "weights", "points-sum", "rate-wrong", "execution-score-wrong"],
)


def build(path):
    doc = new_document("项目支出绩效自评表")
    para(doc, "项城市2023年度项目支出绩效自评表", bold=True, center=True, size=16)
    para(doc, "金额单位：万元")
    docx_table(doc, national(TABLE, Opts(points_header="权重", total_points="100%")))
    save_docx(doc, path)
