"""江西 county 林业局, one Word file holding the 部门整体支出绩效自评表 and a project form: the
department spent more than its adjusted budget and printed the rate capped at 100% (the
score, 10, is right); the project printed the right rate but full execution marks; a reverse
rate far under its ceiling; an income target missed yet full marks."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

D = [
    r("数量", "森林抚育面积", "≥2万亩", "2.1万亩", "10", "10"),
    r("数量", "森林防火巡护人员", "≥320人", "320人", "10", "10"),
    r("质量", "造林成活率", "≥85%", "88%", "10", "10"),
    r("时效", "植树造林任务完成时间", "2024年4月底前", "2024年4月", "10", "10"),
    r("成本", "“三公”经费支出", "≤18万元", "16.8万元", "10", "10"),
    r("生态", "森林覆盖率", "≥76.5%", "76.6%", "15", "15"),
    r("社会", "森林火灾受害率", "≤0.9‰", "0.3‰", "15", "15"),
    r("满意度", "林农满意度", "≥90%", "91%", "10", "10"),
]
P = [
    r("数量", "新造油茶林面积", "≥5000亩", "5200亩", "15", "15"),
    r("数量", "低产油茶林改造面积", "≥3000亩", "2400亩", "10", "8", "部分地块权属纠纷未能实施"),
    r("质量", "新造林成活率", "≥90%", "93%", "10", "10"),
    r("时效", "苗木栽植完成时间", "2024年3月底前", "2024年3月25日", "10", "10"),
    r("成本", "亩均造林补助", "=1000元", "1000元", "5", "5"),
    r("经济", "带动农户增收", "≥800万元", "650万元", "15", "15", meant="偏高"),
    r("可持续", "油茶产业持续发展", "持续发展", "达成", "15", "15"),
    r("满意度", "参与农户满意度", "≥90%", "95%", "10", "10"),
]
DEPT = Table(
    kind="department", name="信丰县林业局", dept="信丰县林业局", unit="信丰县林业局", year=2024,
    budget=Budget("3560", "3820.5", "3906.2", rate="100%", score="10",
                  lines=[("其中：基本支出", "1260", "1310.5", "1346.2"), ("项目支出", "2300", "2510", "2560")]),
    rows=D, total="100", grade="优", findings=["rate-wrong", "over-achieved:森林火灾受害率"],
    goal="完成森林抚育2万亩，森林覆盖率稳定在76.5%以上，森林火灾受害率控制在0.9‰以内。",
    achieved="完成森林抚育2.1万亩，森林覆盖率76.6%，森林火灾受害率0.3‰。",
)
PROJ = Table(
    kind="project", name="油茶产业发展项目", dept="信丰县林业局", unit="信丰县林业局", year=2024,
    budget=Budget("450", "450", "405", rate="90.00%", score="10", meant="偏高"),
    rows=P, total="98", grade="优", findings=["execution-score-wrong"],
    goal="新造油茶林5000亩，改造低产油茶林3000亩，带动农户增收800万元。",
    achieved="新造油茶林5200亩，改造低产林2400亩，带动农户增收650万元。",
)
DOC = Doc(
    source="10-jiangxi-department-and-project.docx",
    what="one Word file: 部门整体支出绩效自评表 then a project form; the department spent 3906.2 of 3820.5 (102.24%) and printed the rate as 100% (rate wrong, score 10 right: capped); the project printed 90.00% right but scored execution 10 instead of 9.00; 森林火灾受害率 0.3‰ under ≤0.9‰ (reverse, ≤ 70% of the ceiling); 650 of ≥800万元 given full marks",
    tables=[DEPT, PROJ], exercises=["department", "several", "merged", "rate-wrong", "execution-score-wrong",
                                    "over-achieved"],
)


def build(path):
    doc = new_document("绩效自评表")
    para(doc, "部门整体支出绩效自评表", bold=True, center=True, size=16)
    para(doc, "（2024年度）", center=True)
    docx_table(doc, national(DEPT, Opts(money_label="年度预算资金（万元）")))
    para(doc, "")
    para(doc, "项目支出绩效自评表", bold=True, center=True, size=16)
    para(doc, "（2024年度）", center=True)
    docx_table(doc, national(PROJ, Opts()))
    save_docx(doc, path)
