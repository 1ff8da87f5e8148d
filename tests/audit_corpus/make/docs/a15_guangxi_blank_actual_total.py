"""广西 county 林业局, national .xlsx form with the level points on the labels: a row with its
实际完成值 and 得分 both blank (not scored, nothing to rescore) and a 总分 of 99.0 that counts
that row's 10 points, where the printed scores add to 89.0."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import new_workbook, save_xlsx, xlsx_grid, xlsx_put

ROWS = [
    r("数量", "河道保洁长度", "≥85公里", "85公里", "10", "10.0"),
    r("数量", "退耕还林面积", "≥1200亩", "1150亩", "10", "9.6", "部分农户未签订退耕协议"),
    r("质量", "河道保洁检查合格率", "≥95%", "", "10", None, "检查记录尚未汇总", meant="无法复核"),
    r("时效", "补助资金发放时间", "2022年12月底前", "2022年12月", "10", "10.0"),
    r("成本", "每公里保洁成本", "≤1.5万元", "1.45万元", "10", "10.0"),
    r("生态", "漓江干流水质", "稳定达标", "稳定达标", "15", "15.0"),
    r("可持续", "保洁长效机制", "持续有效", "有效", "15", "15.0"),
    r("满意度", "沿岸群众满意度", "≥90%", "96%", "10", "10.0"),
]
TABLE = Table(
    kind="project", name="漓江流域生态保护补助", dept="阳朔县林业局", unit="阳朔县林业局", year=2022,
    budget=Budget("980", "980", "921.2", rate="94.00%", score="9.4",
                  lines=[("其中：当年财政拨款", "980", "980", "921.2"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="99.0", grade="优", findings=["total-mismatch"],
    goal="保洁漓江干流及支流河道85公里，完成退耕还林1200亩。", achieved="保洁河道85公里，完成退耕还林1150亩。",
)
DOC = Doc(
    source="15-guangxi-blank-actual-total.xlsx",
    what="national .xlsx form, level labels 产出指标（50分）/效益指标（30分）/满意度指标（10分） with full-width brackets, one-decimal scores written 10.0; a row with 实际完成值 and 得分 blank (无法复核, no finding: nothing was scored); 总分 99.0 against printed scores adding to 89.0",
    tables=[TABLE], exercises=["merged", "one-decimal", "blank-actual", "total-mismatch"],
)


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    xlsx_put(ws, 1, 1, "项目支出绩效自评表", 1, 9, bold=True, border=False)
    xlsx_put(ws, 2, 1, "（2022年度）", 2, 9, border=False)
    opts = Opts(level_label={"产出指标": "产出指标（50分）", "效益指标": "效益指标（30分）", "满意度指标": "满意度指标（10分）"})
    xlsx_grid(ws, national(TABLE, opts), 3)
    save_xlsx(wb, path)
