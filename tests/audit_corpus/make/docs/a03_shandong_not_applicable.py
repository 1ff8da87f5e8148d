"""山东 county 卫健局, national Word form: a 不适用 row whose 分值 was moved to its level (分值 and
得分 blank), a row with no 实际完成值 given full marks, another with no actual scored 0 with a
reason, and a count far above its target."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

ROWS = [
    r("数量", "家庭医生签约人数", "≥3万人", "4.2万人", "10", "10"),
    r("数量", "高血压患者规范管理人数", "≥8000人", "", "10", "10", meant="无法复核"),
    r("数量", "远程会诊次数", "≥200次", "不适用", None, None, "本年度未配置远程会诊设备，分值调整至同级指标"),
    r("质量", "签约居民健康档案规范率", "≥90%", "93%", "15", "15"),
    r("时效", "签约服务年度考核完成时间", "2021年12月底前", "2021年12月20日", "15", "15"),
    r("社会", "居民健康素养水平", "≥25%", "26.3%", "15", "15"),
    r("可持续", "签约服务长效机制", "健全", "", "15", "0", "年度考核结果尚未公布，待公布后补充", meant="无法复核"),
    r("满意度", "签约居民满意度", "≥85%", "91%", "10", "10"),
]
TABLE = Table(
    kind="project", name="基层医疗卫生机构家庭医生签约服务", dept="昌乐县卫生健康局", unit="昌乐县卫生健康局", year=2021,
    budget=Budget("186.5", "186.5", "179.3", rate="96.14%", score="9.6",
                  lines=[("其中：当年财政拨款", "186.5", "186.5", "179.3"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="84.6", grade="良",
    findings=["over-achieved:家庭医生签约人数", "score-without-actual:高血压患者规范管理人数"],
    goal="家庭医生签约服务覆盖3万人以上，规范管理高血压患者8000人，提升居民健康素养。",
    achieved="签约4.2万人，健康档案规范率93%，居民健康素养水平26.3%。",
)
DOC = Doc(
    source="03-shandong-not-applicable.docx",
    what="national Word form; a 不适用 row with 分值 and 得分 blank (its points already moved to the other 产出 rows, which add to 50); a blank 实际完成值 given full marks; a blank actual scored 0 with a reason; 4.2万人 against ≥3万人 (140%)",
    tables=[TABLE], exercises=["merged", "不适用", "blank-actual", "score-without-actual", "over-achieved"],
)


def build(path):
    doc = new_document("项目支出绩效自评表")
    para(doc, "项目支出绩效自评表", bold=True, center=True, size=16)
    para(doc, "（2021年度）", center=True)
    para(doc, "填报单位：昌乐县卫生健康局")
    docx_table(doc, national(TABLE, Opts()))
    save_docx(doc, path)
