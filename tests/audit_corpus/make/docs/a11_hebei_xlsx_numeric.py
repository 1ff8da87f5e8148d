"""河北 county 交通运输局, the national form as .xlsx with amounts, 分值 and 得分 in number cells
and the 执行率 a percent-formatted number: a row with no 实际完成值 given full marks, a 不适用
row printed with 分值 and 得分 `—` (its points already moved), a qualitative actual with no
grade word."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import new_workbook, save_xlsx, xlsx_grid, xlsx_put

ROWS = [
    r("数量", "农村公路日常养护里程", "≥860公里", "866公里", "15", "15"),
    r("数量", "危桥改造座数", "≥4座", "", "10", "10", meant="无法复核"),
    r("数量", "安全生命防护工程", "≥30公里", "不适用", "—", "—", "该项任务调整至省级项目实施，分值调整至同级指标"),
    r("质量", "养护工程验收合格率", "100%", "98%", "10", "9.8", "2段路面修补返工"),
    r("时效", "养护工程完工时间", "2023年11月底前", "2023年11月20日", "15", "15"),
    r("社会", "群众出行条件", "明显改善", "明显改善", "15", "15"),
    r("可持续", "公路养护长效机制", "健全", "已建立县乡村三级路长制", "15", "13", "村级养护人员不足",
      meant="无法复核"),
    r("满意度", "沿线群众满意度", "≥90%", "94%", "10", "10"),
]
TABLE = Table(
    kind="project", name="农村公路养护工程", dept="涞水县交通运输局", unit="涞水县农村公路管理站", year=2023,
    budget=Budget("1260", "1310", "1231.4", rate="94.00%", score="9.4",
                  lines=[("其中：当年财政拨款", "1260", "1310", "1231.4"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="97.2", grade="优", findings=["score-without-actual:危桥改造座数"],
    goal="完成农村公路日常养护860公里，改造危桥4座，改善群众出行条件。",
    achieved="完成日常养护866公里，养护工程验收合格率98%。",
)
DOC = Doc(
    source="11-hebei-xlsx-numeric.xlsx",
    what="national form as .xlsx, title and year rows merged across, amounts/分值/得分 as number cells and 执行率 as a percent-formatted number (0.94 shown 94.00%); 危桥改造座数 with no 实际完成值 given 10; a 不适用 row with 分值 and 得分 `—`; 已建立县乡村三级路长制 holds no grade word",
    tables=[TABLE], exercises=["merged", "numeric-cells", "不适用", "blank-actual", "score-without-actual"],
)


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "自评表"
    xlsx_put(ws, 1, 1, "项目支出绩效自评表", 1, 9, bold=True, border=False)
    xlsx_put(ws, 2, 1, "（2023年度）", 2, 9, border=False)
    xlsx_grid(ws, national(TABLE, Opts()), 3, numeric=True)
    save_xlsx(wb, path)
