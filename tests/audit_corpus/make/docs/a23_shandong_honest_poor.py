"""山东 county 住建局, a poor year scored honestly: every docked row has its 偏差原因, every
score follows the rule, the grade 中 matches 79.2. Its headers use other words (调整后预算数,
实际支出数, 全年实际完成值, 偏差原因分析). The audit must find nothing here."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

ROWS = [
    r("数量", "危房改造户数", "≥260户", "182户", "20", "14", "部分农户自筹资金不足未开工，结转下年实施"),
    r("质量", "改造房屋验收合格率", "100%", "92%", "10", "9.2", "15户屋面工程返工，已整改"),
    r("时效", "改造任务完成时间", "2022年10月底前", "2023年1月", "10", "7", "雨季及冬季停工，工期延后"),
    r("成本", "户均补助标准", "≤2万元", "2万元", "10", "10"),
    r("社会", "困难群众住房安全保障率", "100%", "70%", "20", "14", "未开工农户仍住危房，已安排过渡安置"),
    r("可持续", "改造房屋设计使用年限", "≥20年", "20年", "10", "10"),
    r("满意度", "改造户满意度", "≥90%", "72%", "10", "8", "工期延误引起群众不满，加强施工进度督导"),
]
LABELS = {"全年预算数": "调整后预算数", "全年执行数": "实际支出数", "实际完成值": "全年实际完成值",
          "偏差原因分析及改进措施": "偏差原因分析", "三级指标": "三级指标（指标内容）"}
TABLE = Table(
    kind="project", name="农村危房改造补助资金", dept="曹县住房和城乡建设局", unit="曹县住房和城乡建设局", year=2022,
    budget=Budget("520", "520", "364", rate="70.00%", score="7",
                  lines=[("其中：当年财政拨款", "520", "520", "364"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="79.2", grade="中", findings=[],
    goal="完成农村危房改造260户，保障困难群众住房安全。", achieved="完成改造182户，剩余78户结转下年实施。",
)
DOC = Doc(
    source="23-shandong-honest-poor.docx",
    what="a control: a poor year (182 of ≥260户, 执行率 70%, a task done in 2023年1月 against 2022年10月底前) scored exactly by the rule with every 偏差原因 filled and grade 中 for 79.2: no findings, every verdict 一致; headers worded 调整后预算数 / 实际支出数 / 全年实际完成值 / 偏差原因分析 / 三级指标（指标内容）",
    tables=[TABLE], exercises=["merged", "control", "header-words"],
)


def build(path):
    doc = new_document("项目支出绩效自评表")
    para(doc, "项目支出绩效自评表", bold=True, center=True, size=16)
    para(doc, "（2022年度）", center=True)
    docx_table(doc, national(TABLE, Opts(labels=LABELS)))
    save_docx(doc, path)
