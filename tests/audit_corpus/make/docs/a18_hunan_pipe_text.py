"""湖南 county 民政局, the national form copied from a web page as text with `|` between cells
(merged-across cells once, merged-down cells empty on later lines): a row docked to 8.8 with
no 偏差原因, a qualitative actual written with its share (`部分达成 70%`)."""

from grid import Opts, as_text_rows, national
from model import Budget, Doc, Table, r
from render import pipe_lines, write_lines

ROWS = [
    r("数量", "新建农村幸福院", "≥12所", "12所", "15", "15"),
    r("数量", "居家养老服务人次", "≥2.4万人次", "2.1万人次", "10", "8.8"),
    r("质量", "养老机构消防安全达标率", "100%", "100%", "10", "10"),
    r("时效", "幸福院建成时间", "2022年10月底前", "2022年10月", "10", "10"),
    r("成本", "单所幸福院建设补助", "≤30万元", "29.5万元", "5", "5"),
    r("社会", "农村老年人养老服务覆盖率", "≥60%", "63.5%", "15", "15"),
    r("可持续", "幸福院持续运营", "持续运营", "部分达成 70%", "15", "10.5", "2所幸福院因管理人员空缺暂停运营"),
    r("满意度", "老年人满意度", "≥90%", "91.2%", "10", "10"),
]
TABLE = Table(
    kind="project", name="农村养老服务体系建设", dept="桃源县民政局", unit="桃源县民政局", year=2022,
    budget=Budget("420", "465", "431.6", rate="92.82%", score="9.3",
                  lines=[("其中：当年财政拨款", "420", "465", "431.6"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="93.6", grade="优", findings=["reason-missing:居家养老服务人次"],
    goal="新建农村幸福院12所，提供居家养老服务2.4万人次以上。", achieved="建成幸福院12所，居家养老服务2.1万人次。",
)
DOC = Doc(
    source="18-hunan-pipe-text.txt",
    what="national form copied from a web page as `|`-separated text (merged-across cells once, merged-down cells empty on later lines), title and year lines above; 2.1万 of ≥2.4万人次 scored 8.8 (8.75) with no 偏差原因; `部分达成 70%` (band [9, 12) of 15, 10.5 printed); 9.28 execution printed 9.3",
    tables=[TABLE], exercises=["text-pipes", "one-decimal", "reason-missing", "qualitative"],
)


def build(path):
    lines = ["桃源县民政局2022年度项目支出绩效自评表", "（2022年度）", "发布时间：2023-03-28  来源：桃源县民政局", ""]
    lines += pipe_lines(as_text_rows(national(TABLE, Opts())))
    write_lines(path, lines)
