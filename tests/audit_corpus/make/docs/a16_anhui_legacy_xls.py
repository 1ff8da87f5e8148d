"""安徽 county-level city 农业农村局, a legacy .xls (BIFF8) national form: a row docked to 8 of
10 with no 偏差原因, a deadline not met scored 30%, and a qualitative row graded 显著 (达成)
marked down to 10 of 15, below its band."""

import xlwt

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import xls_grid

ROWS = [
    r("数量", "新建标准化茶园", "≥3000亩", "3200亩", "15", "15"),
    r("数量", "茶叶加工厂提升改造", "≥10家", "8家", "10", "8"),
    r("质量", "茶叶质量抽检合格率", "≥98%", "100%", "10", "10"),
    r("时效", "项目验收时间", "2021年11月底前", "未完成", "10", "3", "2家企业设备未到货，验收推迟至2022年3月"),
    r("成本", "亩均补助标准", "≤800元", "800元", "5", "5"),
    r("经济", "茶农人均增收", "≥1200元", "1350元", "15", "15"),
    r("社会", "潜山茶叶品牌影响力", "明显提升", "显著提升", "15", "10", "品牌宣传投入不足", meant="偏低"),
    r("满意度", "茶农满意度", "≥90%", "91%", "10", "10"),
]
TABLE = Table(
    kind="project", name="茶叶产业提质增效项目", dept="潜山市农业农村局", unit="潜山市茶叶产业发展中心", year=2021,
    budget=Budget("600", "600", "600", rate="100%", score="10",
                  lines=[("其中：当年财政拨款", "600", "600", "600"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="86", grade="良", findings=["reason-missing:茶叶加工厂提升改造"],
    goal="新建标准化茶园3000亩，提升改造茶叶加工厂10家，茶农人均增收1200元以上。",
    achieved="新建标准化茶园3200亩，提升改造加工厂8家，茶农人均增收1350元。",
)
DOC = Doc(
    source="16-anhui-legacy-xls.xls",
    what="legacy .xls (BIFF8) national form with merged cells (write_merge); 8 of ≥10家 scored 8 with no 偏差原因; a deadline not met (未完成) at 30% × 10 = 3; `显著提升` (达成, band [12, 15]) marked down to 10",
    tables=[TABLE], exercises=["merged", "xls", "reason-missing", "qualitative"],
)


def build(path):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    box = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin; align: wrap on, vert centre")
    bold = xlwt.easyxf("font: bold on; align: horiz centre")
    ws.write_merge(0, 0, 0, 8, "项目支出绩效自评表", bold)
    ws.write_merge(1, 1, 0, 8, "（2021年度）", xlwt.easyxf("align: horiz centre"))
    xls_grid(ws, national(TABLE, Opts()), 2, box)
    ws.col(3).width = 256 * 24
    wb.save(str(path))
