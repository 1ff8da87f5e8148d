"""河北 county 司法局, the national one-table form in Word with one-decimal scores: a missed
target given full marks, everything else in order."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

ROWS = [
    r("数量", "宣传资料印制数量", "≥2000份", "1800份", "10", "10", meant="偏高"),
    r("数量", "开展法治宣传活动次数", "≥12次", "15次", "10", "10"),
    r("质量", "法律咨询解答准确率", "≥95%", "97%", "10", "10"),
    r("时效", "年度宣传任务完成时间", "2022年12月底前", "2022年12月", "10", "10"),
    r("成本", "宣传资料印制单价", "≤3元/份", "3.2元/份", "10", "9.4", "纸张价格上涨，下年度集中采购压降单价"),
    r("社会", "群众法治意识", "明显提升", "明显提升", "15", "14", "偏远村组覆盖不足，下年度增加送法下乡场次"),
    r("可持续", "法治宣传阵地持续使用年限", "≥5年", "5年", "15", "15"),
    r("满意度", "群众满意度", "≥90%", "92.5%", "10", "10"),
]
TABLE = Table(
    kind="project", name="2022年普法宣传教育专项经费", dept="固安县司法局", unit="固安县司法局", year=2022,
    budget=Budget("50", "48", "45.6", rate="95.0%", score="9.5",
                  lines=[("其中：当年财政拨款", "50", "48", "45.6"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="97.9", grade="优", findings=[],
    goal="印制普法宣传资料2000份，开展法治宣传活动12次以上，提升群众法治意识。",
    achieved="印制宣传资料1800份，开展法治宣传活动15次，群众满意度92.5%。",
)
DOC = Doc(
    source="01-hebei-county-onetable.docx",
    what="national one-table form in Word, one-decimal published scores, a missed target (1800 of ≥2000份) given full marks, a reverse cost row scored 9.4 for 9.38",
    tables=[TABLE], exercises=["merged", "one-decimal"],
)


def build(path):
    doc = new_document("项目支出绩效自评表")
    para(doc, "项目支出绩效自评表", bold=True, center=True, size=16)
    para(doc, "（2022年度）", center=True)
    docx_table(doc, national(TABLE, Opts()))
    para(doc, "注：一级指标分值统一设置为：产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。")
    save_docx(doc, path)
