"""河南 county 财政局's bulk export of its units' self-evaluations: one line per indicator,
the project columns (name, budget, 执行率 and its 得分, 总分, 等级) merged down over each
project's lines, header on row 3. The second project scored its execution 10 at 93.75%, a
late payment full marks and a satisfaction rate under target full marks."""

from model import Budget, Doc, Table, r
from render import new_workbook, save_xlsx, xlsx_put

A = [
    r("数量", "香菇种植示范基地", "≥6个", "6个", "15", "15"),
    r("数量", "技术培训人次", "≥800人次", "1100人次", "10", "10"),
    r("质量", "菌棒合格率", "≥95%", "96%", "10", "10"),
    r("时效", "补助资金拨付时间", "2024年9月底前", "2024年9月", "10", "10"),
    r("成本", "示范基地建设补助", "≤50万元/个", "48万元/个", "5", "5"),
    r("经济", "带动菇农增收", "≥1500万元", "1620万元", "15", "15"),
    r("社会", "带动脱贫户就业", "≥260人", "240人", "15", "13.8", "部分脱贫户外出务工"),
    r("满意度", "菇农满意度", "≥90%", "93%", "10", "10"),
]
B = [
    r("数量", "通客车建制村", "≥218个", "218个", "20", "20"),
    r("数量", "农村客运班线", "≥35条", "35条", "10", "10"),
    r("质量", "客运安全责任事故", "0起", "0起", "10", "10"),
    r("时效", "补贴资金发放时间", "2024年12月底前", "2025年1月15日", "10", "10", meant="偏高"),
    r("社会", "群众出行便利度", "明显提升", "明显提升", "30", "28", "山区线路班次偏少"),
    r("满意度", "乘客满意度", "≥90%", "89%", "10", "10", meant="偏高"),
]
T1 = Table(kind="project", name="香菇产业发展专项资金", dept="西峡县农业农村局", unit="西峡县食用菌产业发展中心", year=2024,
           budget=Budget("300", "320", "288", rate="90.00%", score="9"), rows=A, total="97.8", grade="优",
           findings=["over-achieved:技术培训人次"])
T2 = Table(kind="project", name="农村客运补贴资金", dept="西峡县交通运输局", unit="西峡县交通运输局", year=2024,
           budget=Budget("160", "160", "150", rate="93.75%", score="10", meant="偏高"), rows=B, total="98", grade="优",
           findings=["execution-score-wrong"])
DOC = Doc(
    source="13-henan-flat-export.xlsx",
    what="bulk export, one line per indicator, project columns (项目名称, 主管部门, 年初/全年预算数, 全年执行数, 执行率, 执行得分, 总分, 自评等级) merged down per project, header on row 3 under a title and a unit line; 13.85 printed 13.8 (|diff| 0.05); 1100 of ≥800人次 (137.5%); execution 10 at 93.75%; a payment made 2025-01-15 against 2024年12月底前 and 89% against ≥90% both given full marks",
    tables=[T1, T2], exercises=["merged", "flat-export", "several", "execution-score-wrong", "over-achieved"],
)

HEAD = ["序号", "项目名称", "主管部门", "实施单位", "年初预算数", "全年预算数", "全年执行数", "执行率", "执行得分",
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", "总分", "自评等级"]


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "项目自评汇总"
    xlsx_put(ws, 1, 1, "西峡县2024年度项目支出绩效自评结果汇总表", 1, len(HEAD), bold=True, border=False)
    xlsx_put(ws, 2, 1, "金额单位：万元", 2, len(HEAD), border=False)
    for c, h in enumerate(HEAD, 1):
        xlsx_put(ws, 3, c, h, bold=True)
    row = 4
    for n, t in enumerate((T1, T2), 1):
        last = row + len(t.rows) - 1
        b = t.budget
        for c, v in enumerate([str(n), t.name, t.dept, t.unit, b.initial, b.adjusted, b.spent, b.rate, b.score], 1):
            xlsx_put(ws, row, c, v, last, c, numeric=True)
        xlsx_put(ws, row, 18, t.total, last, 18, numeric=True)
        xlsx_put(ws, row, 19, t.grade, last, 19)
        for i, x in enumerate(t.rows):
            vals = [x.level1, x.level2, x.name, x.target, x.actual, x.points, x.score, x.reason]
            for c, v in enumerate(vals, 10):
                xlsx_put(ws, row + i, c, v, numeric=c in (15, 16))
        row = last + 1
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["L"].width = 20
    save_xlsx(wb, path)
