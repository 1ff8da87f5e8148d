"""广东 county-level city 人社局, national Word form with one-decimal scores right at the
tolerance: 8.95 printed 9.0 is 一致, 8.94 printed 9.0 is 偏高; two counts far above target; a
met target docked 2 points (偏低, with a reason); short 二级 label 服务对象满意度."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

ROWS = [
    r("数量", "职业技能培训人数", "≥2000人次", "1790人次", "10", "9.0", "部分培训班次因场地调整延至次年"),
    r("数量", "开发就业岗位", "≥500个", "447个", "10", "9.0", "部分企业用工需求下降", meant="偏高"),
    r("数量", "公益性岗位安置人数", "≥300人", "420人", "10", "10.0"),
    r("质量", "培训考核合格率", "≥85%", "92%", "10", "8.0", "考核标准提高，酌情扣分", meant="偏低"),
    r("时效", "补贴资金发放及时率", "100%", "100%", "10", "10.0"),
    r("经济", "创业带动就业人数", "≥600人", "850人", "15", "15.0"),
    r("社会", "城镇登记失业率", "≤3.5%", "2.6%", "15", "15.0"),
    r("满意度", "参训人员满意度", "≥90%", "95.6%", "10", "10.0"),
]
TABLE = Table(
    kind="project", name="就业创业补助资金", dept="兴宁市人力资源和社会保障局", unit="兴宁市公共就业服务中心", year=2021,
    budget=Budget("856.4", "912.6", "901.3", rate="98.76%", score="9.9",
                  lines=[("其中：当年财政拨款", "856.4", "912.6", "901.3"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="95.9", grade="优",
    findings=["over-achieved:公益性岗位安置人数", "over-achieved:创业带动就业人数"],
    goal="开展职业技能培训2000人次，开发就业岗位500个，安置公益性岗位300人。",
    achieved="培训1790人次，开发岗位447个，安置公益性岗位420人，创业带动就业850人。",
)
DOC = Doc(
    source="09-guangdong-one-decimal-edges.docx",
    what="one-decimal scores at the tolerance edge: 1790/2000 × 10 = 8.95 printed 9.0 (一致, |diff| = 0.05) and 447/500 × 10 = 8.94 printed 9.0 (偏高, 0.06); 420 of ≥300 and 850 of ≥600 (≥ 130%); a met target docked to 8.0; 二级 label 服务对象满意度 without 指标; 9.88 execution printed 9.9",
    tables=[TABLE], exercises=["merged", "one-decimal", "over-achieved"],
)


def build(path):
    doc = new_document("项目支出绩效自评表")
    para(doc, "项目支出绩效自评表", bold=True, center=True, size=16)
    para(doc, "（2021年度）", center=True)
    opts = Opts(level2_label={"服务对象满意度指标": "服务对象满意度"})
    docx_table(doc, national(TABLE, opts))
    save_docx(doc, path)
