"""四川 district, one .xlsx sheet per project with a 权重（%） column of plain numbers: the
first printed its 执行率 with two digits swapped (89.50% for 98.50%; the score follows the
true rate); the second's weights add to 105 with the execution row and a qualitative row
graded 未达成 still got 12 of 15."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import new_workbook, save_xlsx, xlsx_grid, xlsx_put

A = [
    r("数量", "生活垃圾清运量", "≥4.5万吨", "4.62万吨", "10", "10"),
    r("数量", "公厕保洁座数", "≥120座", "120座", "10", "10"),
    r("质量", "生活垃圾无害化处理率", "≥98%", "99.5%", "10", "10"),
    r("时效", "垃圾日产日清率", "100%", "100%", "10", "10"),
    r("成本", "吨垃圾清运成本", "≤180元", "192元", "10", "9.4", "燃油价格上涨，清运成本增加"),
    r("生态", "城乡环境卫生", "明显改善", "明显改善", "15", "15"),
    r("社会", "群众环境卫生投诉件数", "≤50件", "38件", "15", "15"),
    r("满意度", "群众满意度", "≥85%", "88%", "10", "10"),
]
B = [
    r("数量", "运维乡镇污水处理站", "≥18座", "18座", "15", "15"),
    r("质量", "出水水质达标率", "≥90%", "86%", "15", "14.3", "2座处理站设备老化，已列入2023年改造计划"),
    r("时效", "设备故障修复时间", "≤48小时", "36小时", "10", "10"),
    r("成本", "单站年运维成本", "≤12万元", "11.5万元", "10", "10"),
    r("生态", "COD年削减量", "≥350吨", "300吨", "20", "17.1", "进水浓度偏低，削减量不足"),
    r("可持续", "设施稳定运行", "稳定运行", "未达成", "15", "12", "2座站点停运维修", meant="偏高"),
    r("满意度", "周边群众满意度", "≥90%", "92%", "10", "10"),
]
T1 = Table(
    kind="project", name="城乡环卫一体化运营补助", dept="南充市嘉陵区综合行政执法局", unit="南充市嘉陵区环境卫生管理所",
    year=2022, budget=Budget("2380", "2380", "2344.3", rate="89.50%", score="9.85"),
    rows=A, total="99.25", grade="优", findings=["rate-wrong"],
    goal="生活垃圾清运4.5万吨以上，无害化处理率98%以上。", achieved="清运生活垃圾4.62万吨，无害化处理率99.5%。",
)
T2 = Table(
    kind="project", name="乡镇污水处理设施运维", dept="南充市嘉陵区综合行政执法局", unit="南充市嘉陵区排水管理所",
    year=2022, budget=Budget("516", "516", "498.2", rate="96.55%", score="9.66"),
    rows=B, total="98.06", grade="优", findings=["points-sum"],
    goal="保障18座乡镇污水处理站稳定运行，出水水质达标率90%以上。", achieved="18座处理站全部运维，出水达标率86%。",
)
DOC = Doc(
    source="12-sichuan-sheets-weights.xlsx",
    what="one .xlsx sheet per project, 权重（%） column of plain numbers, two-decimal scores; sheet 1 prints 执行率 89.50% for 2344.3/2380 = 98.50% (score 9.85 right); sheet 2's weights add to 105 (生态 20) and a qualitative row graded 未达成 got 12 of 15 (band [0, 9))",
    tables=[T1, T2], exercises=["merged", "weights", "several", "rate-wrong", "points-sum", "qualitative"],
)


def build(path):
    wb = new_workbook()
    wb.remove(wb.active)
    for i, t in enumerate((T1, T2), 1):
        ws = wb.create_sheet(f"项目{i}")
        xlsx_put(ws, 1, 1, "2022年度项目支出绩效自评表", 1, 9, bold=True, border=False)
        xlsx_put(ws, 2, 1, "单位：万元", 2, 9, border=False)
        xlsx_grid(ws, national(t, Opts(points_header="权重（%）")), 3)
    save_xlsx(wb, path)
