"""浙江 county 文化和广电旅游体育局, a web notice as `|` text with 权重 written `10%` and the
level labels on every line: a rate missed (75% of ≥80%) with full marks, jobs far above target."""

from grid import Opts, as_text_rows, national
from model import Budget, Doc, Table, r
from render import pipe_lines, write_lines

ROWS = [
    r("数量", "旅游厕所新建改建", "≥15座", "15座", "10%", "10"),
    r("数量", "乡村旅游精品线路", "≥3条", "3条", "10%", "10"),
    r("质量", "A级景区村庄创建成功率", "≥80%", "75%", "10%", "10", meant="偏高"),
    r("时效", "项目完工时间", "2021年11月底前", "2021年11月25日", "10%", "10"),
    r("成本", "单座旅游厕所建设成本", "≤25万元", "23.8万元", "10%", "10"),
    r("经济", "乡村旅游收入", "≥2.5亿元", "2.8亿元", "15%", "15"),
    r("社会", "带动农民就业", "≥800人", "1200人", "15%", "15"),
    r("满意度", "游客满意度", "≥90%", "92%", "10%", "10"),
]
TABLE = Table(
    kind="project", name="乡村旅游提升项目", dept="文成县文化和广电旅游体育局", unit="文成县文化和广电旅游体育局", year=2021,
    budget=Budget("680", "720", "648", points="10%", rate="90.00%", score="9"),
    rows=ROWS, total="99", grade="优", findings=["over-achieved:带动农民就业"],
    goal="新建改建旅游厕所15座，打造乡村旅游精品线路3条，乡村旅游收入2.5亿元以上。",
    achieved="完成旅游厕所15座，精品线路3条，乡村旅游收入2.8亿元。",
)
DOC = Doc(
    source="22-zhejiang-pipe-weights.txt",
    what="web notice as `|` text with a heading and an intro paragraph above the form, 权重 written `10%` (execution too), level labels on every line; 75% of ≥80% given 10 (10 × 75/80 = 9.38); 1200 of ≥800人 (150%); amounts in 亿元",
    tables=[TABLE], exercises=["text-pipes", "weights", "over-achieved"],
)


def build(path):
    lines = ["文成县文化和广电旅游体育局2021年度项目支出绩效自评结果公开", "",
             "根据县财政局关于开展2021年度项目支出绩效自评工作的通知要求，现将乡村旅游提升项目绩效自评结果公开如下：", ""]
    opts = Opts(points_header="权重", total_points="100%", repeat_levels=True)
    lines += pipe_lines(as_text_rows(national(TABLE, opts)))
    lines += ["", "文成县文化和广电旅游体育局", "2022年3月15日"]
    write_lines(path, lines)
