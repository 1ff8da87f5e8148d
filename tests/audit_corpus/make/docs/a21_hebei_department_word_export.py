"""河北 county 市场监督管理局, the 部门整体支出绩效自评表 saved from Word as plain text: every
cell on its own line after a tab, a blank line after each row. A cost row has no 实际完成值
but full marks; a growth target has no 上年 value."""

from grid import Opts, as_text_rows, national
from model import Budget, Doc, Table, r
from render import write_lines

ROWS = [
    r("数量", "食品安全抽检批次", "≥1200批次", "1350批次", "10", "10"),
    r("数量", "特种设备检查台次", "≥600台次", "640台次", "10", "10"),
    r("质量", "抽检不合格食品核查处置率", "100%", "100%", "10", "10"),
    r("时效", "投诉举报处理时限", "≤7个工作日", "5个工作日", "10", "10"),
    r("成本", "“三公”经费", "≤15万元", "", "10", "10", meant="无法复核"),
    r("社会", "重大食品安全事故", "0起", "0起", "15", "15"),
    r("社会", "市场主体数量", "比上年增长6%", "3.2万户", "15", "15", meant="无法复核"),
    r("满意度", "群众满意度", "≥90%", "93.6%", "10", "10"),
]
TABLE = Table(
    kind="department", name="馆陶县市场监督管理局", dept="馆陶县市场监督管理局", unit="馆陶县市场监督管理局", year=2023,
    budget=Budget("2680", "2795", "2710.2", rate="96.97%", score="9.7",
                  lines=[("其中：基本支出", "1980", "2025", "2011.4"), ("项目支出", "700", "770", "698.8")]),
    rows=ROWS, total="99.7", grade="优", findings=["score-without-actual:“三公”经费"],
    goal="守住食品安全底线，加强特种设备安全监管，优化营商环境。", achieved="完成食品安全抽检1350批次，检查特种设备640台次。",
)
DOC = Doc(
    source="21-hebei-department-word-export.txt",
    what="部门整体支出绩效自评表 saved from Word as text (each cell on its own line after a tab, a blank line after each row, merged-down cells as empty cell lines); “三公”经费 with no 实际完成值 given 10; `比上年增长6%` with no 上年 value; execution 9.70 printed 9.7",
    tables=[TABLE], exercises=["department", "text-word-export", "blank-actual", "score-without-actual", "change"],
)


def build(path):
    lines = ["部门整体支出绩效自评表", "（2023年度）", ""]
    for cells in as_text_rows(national(TABLE, Opts(money_label="年度预算资金（万元）"))):
        lines += ["\t" + c for c in cells]
        lines.append("")
    write_lines(path, lines)
