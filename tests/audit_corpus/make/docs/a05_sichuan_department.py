"""四川 county 民政局, the 部门整体支出绩效自评表 in Word: 年度预算资金 split into 基本支出 and
项目支出, qualitative rows graded with 基本达到 / 较好, a change against 上年 with no 上年
value, and a grade (良) that contradicts its total (94.4)."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

ROWS = [
    r("数量", "城乡低保保障人数", "≥12000人", "12350人", "10", "10"),
    r("数量", "特困人员供养人数", "≥1500人", "1468人", "10", "9.8", "部分特困人员死亡或退出供养"),
    r("质量", "救助资金社会化发放率", "100%", "100%", "10", "10"),
    r("时效", "年度救助资金发放完成时间", "2022年12月底前", "2022年12月25日", "10", "10"),
    r("成本", "“三公”经费", "较上年只减不增", "12.6万元", "10", "10", meant="无法复核"),
    r("社会", "困难群众基本生活", "有效保障", "基本达到", "15", "15", meant="偏高"),
    r("社会", "基层民政服务能力", "明显提升", "较好", "15", "10"),
    r("满意度", "服务对象满意度", "≥90%", "94%", "10", "10"),
]
TABLE = Table(
    kind="department", name="三台县民政局", dept="三台县民政局", unit="三台县民政局", year=2022,
    budget=Budget("2860.5", "3015.8", "2894.2", rate="95.97%", score="9.6",
                  lines=[("其中：基本支出", "612.3", "625.1", "618.7"), ("项目支出", "2248.2", "2390.7", "2275.5")]),
    rows=ROWS, total="94.4", grade="良", findings=["grade-contradicts-total", "reason-missing:基层民政服务能力"],
    goal="保障城乡低保、特困供养等困难群众基本生活，提升基层民政服务能力。",
    achieved="全年保障城乡低保对象12350人、特困供养人员1468人，救助资金全部社会化发放。",
)
DOC = Doc(
    source="05-sichuan-department.docx",
    what="部门整体支出绩效自评表 in Word (部门（单位）名称, 年度预算资金 with 基本支出 / 项目支出 lines); qualitative rows graded 基本达到 (部分达成, yet full marks) and 较好 (部分达成, 10 of 15 inside the band but no 偏差原因); `较上年只减不增` needs a 上年 value; grade 良 against a total of 94.4",
    tables=[TABLE], exercises=["department", "merged", "one-decimal", "grade", "reason-missing", "qualitative"],
)


def build(path):
    doc = new_document("部门整体支出绩效自评表")
    para(doc, "部门整体支出绩效自评表", bold=True, center=True, size=16)
    para(doc, "（2022年度）", center=True)
    docx_table(doc, national(TABLE, Opts(money_label="年度预算资金（万元）")))
    save_docx(doc, path)
