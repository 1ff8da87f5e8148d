"""湖南 county 农业农村局, two project forms in one Word file, each under its own title: a
safety target of 0起 missed but given full marks, a met satisfaction target docked, a range
target exceeded, a late payment scored 70%, and a satisfaction rate printed as a survey
fraction (172/190)."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

A = [
    r("数量", "新建高标准农田面积", "≥1.5万亩", "1.52万亩", "15", "15"),
    r("质量", "工程验收合格率", "100%", "100%", "10", "10"),
    r("质量", "安全生产事故", "0起", "1起", "10", "10", meant="偏高"),
    r("时效", "项目完工时间", "2024年10月底前", "已完成", "10", "10"),
    r("成本", "亩均财政投资", "≤1500元", "1486元", "5", "5"),
    r("经济", "亩均粮食产能提高", "≥50公斤", "55公斤", "15", "15"),
    r("生态", "农田灌溉水有效利用系数", "≥0.58", "0.57", "15", "14.7", "部分渠系配套未完工，2025年汛前完成"),
    r("满意度", "项目区群众满意度", "≥90%", "92%", "10", "8", "施工期间影响群众出行，扣2分", meant="偏低"),
]
B = [
    r("数量", "补贴发放面积", "≥42万亩", "42.3万亩", "15", "15"),
    r("数量", "补贴农户数", "≥6.8万户", "6.75万户", "10", "9.9", "部分外出农户未及时确认面积"),
    r("质量", "亩均补贴标准", "90-110元", "118元", "10", "9.3", "县级配套后亩均标准超出省定区间"),
    r("时效", "补贴资金兑付时间", "2024年6月30日前", "2024年7月10日", "10", "7", "惠农补贴系统升级，兑付推迟10天"),
    r("成本", "补贴资金跑冒滴漏问题", "0起", "0起", "5", "5"),
    r("社会", "农户耕地保护意识", "明显增强", "效果明显", "15", "13", "宣传覆盖仍有不足"),
    r("可持续", "耕地地力", "稳步提升", "稳步提升", "15", "15"),
    r("满意度", "补贴农户满意度", "≥95%", "172/190", "10", "9.5", "部分农户对补贴标准有意见"),
]
T1 = Table(
    kind="project", name="2024年高标准农田建设项目", dept="宜章县农业农村局", unit="宜章县农田建设服务中心", year=2024,
    budget=Budget("2250", "2250", "2137.5", rate="95%", score="9.5"),
    rows=A, total="97.2", grade="优", findings=[],
    goal="建成高标准农田1.5万亩，亩均粮食产能提高50公斤以上。", achieved="建成高标准农田1.52万亩，工程全部验收合格。",
)
T2 = Table(
    kind="project", name="耕地地力保护补贴", dept="宜章县农业农村局", unit="宜章县农业农村局", year=2024,
    budget=Budget("4865.2", "4865.2", "4865.2", rate="100.00%", score="10"),
    rows=B, total="93.7", grade="优", findings=[],
    goal="对42万亩耕地发放地力保护补贴，引导农民保护耕地。", achieved="补贴面积42.3万亩，惠及农户6.75万户。",
)
DOC = Doc(
    source="06-hunan-two-projects.docx",
    what="two project forms in one Word file; 安全生产事故 0起 with 1起 given full marks (target 0 → 0); a met satisfaction target docked 2 points; 118元 above the range 90-110元 (10 × 110/118 = 9.32, 9.3 printed); a payment 10 days late at 70%; 满意度 printed as a survey fraction 172/190; 已完成 without a date",
    tables=[T1, T2], exercises=["merged", "several", "one-decimal"],
)


def build(path):
    doc = new_document("项目支出绩效自评表")
    for t in (T1, T2):
        para(doc, "项目支出绩效自评表", bold=True, center=True, size=16)
        para(doc, "（2024年度）", center=True)
        docx_table(doc, national(t, Opts(money_label="项目资金（万元）")))
        para(doc, "")
    save_docx(doc, path)
