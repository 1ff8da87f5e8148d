"""云南 county 乡村振兴局, a failing project (55.7) printed 中 instead of 差, as .xlsx: half the
budget spent, a cost ceiling far from reached (flagged as a target worth a question)."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import new_workbook, save_xlsx, xlsx_grid, xlsx_put

ROWS = [
    r("数量", "扶持产业项目个数", "≥8个", "4个", "15", "7.5", "4个项目因选址调整未实施"),
    r("数量", "带动搬迁劳动力就业", "≥1500人", "600人", "10", "4", "产业项目未全部投产"),
    r("质量", "产业项目验收合格率", "100%", "75%", "10", "7.5", "1个项目未通过验收"),
    r("时效", "项目完工时间", "2021年11月底前", "未完成", "10", "3", "受选址调整影响未能按期完工"),
    r("成本", "项目建设成本", "≤1200万元", "500万元", "5", "5"),
    r("经济", "搬迁户人均增收", "≥1000元", "450元", "15", "6.8", "产业收益尚未显现"),
    r("社会", "后续扶持政策知晓率", "≥90%", "45%", "15", "7.5", "政策宣传不到位"),
    r("满意度", "搬迁群众满意度", "≥85%", "80%", "10", "9.4", "就业岗位不足"),
]
TABLE = Table(
    kind="project", name="易地扶贫搬迁后续产业扶持项目", dept="镇雄县乡村振兴局", unit="镇雄县乡村振兴局", year=2021,
    budget=Budget("1200", "1000", "500", rate="50.00%", score="5",
                  lines=[("其中：当年财政拨款", "1200", "1000", "500"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="55.7", grade="中", findings=["grade-contradicts-total", "over-achieved:项目建设成本"],
    goal="扶持后续产业项目8个，带动搬迁劳动力就业1500人。", achieved="实施产业项目4个，带动就业600人。",
)
DOC = Doc(
    source="24-yunnan-grade-too-high.xlsx",
    what="a failing project as .xlsx: 55.7 printed with grade 中 (差 < 60); every row docked by the rule with its reason; 执行率 500/1000 = 50% scored 5; `项目建设成本 ≤1200万元` at 500万元 (reverse, ≤ 70% of the ceiling: the target may be set too loose); 未完成 at 30%",
    tables=[TABLE], exercises=["merged", "one-decimal"],
)


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "绩效自评表"
    xlsx_put(ws, 1, 1, "项目支出绩效自评表", 1, 9, bold=True, border=False)
    xlsx_put(ws, 2, 1, "（2021年度）", 2, 9, border=False)
    opts = Opts(level_label={"产出指标": "产出指标(50分)", "效益指标": "效益指标(30分)", "满意度指标": "满意度指标(10分)"})
    xlsx_grid(ws, national(TABLE, opts), 3)
    save_xlsx(wb, path)
