"""安徽 district 水利局, the national Word form with the level points on the level labels
(产出指标(50分)): a total typed wrong while the grade follows the true sum, a late task given
full marks, a row docked without a 偏差原因."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

ROWS = [
    r("数量", "维修养护供水工程处数", "≥45处", "45处", "10", "10"),
    r("数量", "更换老旧管网长度", "≥12公里", "10.5公里", "10", "8.8"),
    r("质量", "水质检测合格率", "≥95%", "96.8%", "10", "10"),
    r("时效", "维修养护任务完成时间", "2023年11月底前", "2023年12月15日", "10", "10", meant="偏高"),
    r("成本", "单处维修平均成本", "≤3.5万元", "3.3万元", "10", "10"),
    r("社会", "农村供水保障人口", "≥8.6万人", "8.6万人", "15", "15"),
    r("可持续", "工程良性运行", "长期稳定运行", "运行良好", "15", "15"),
    r("满意度", "受益群众满意度", "≥90%", "88%", "10", "9.8", "部分村反映水压不稳，已安排增压设施"),
]
TABLE = Table(
    kind="project", name="农村饮水安全工程维修养护", dept="池州市贵池区水利局", unit="池州市贵池区农村供水服务站",
    year=2023,
    budget=Budget("320", "300", "276", rate="92.00%", score="9.2",
                  lines=[("其中：当年财政拨款", "320", "300", "276"), ("上年结转资金", "—", "—", "—"),
                         ("其他资金", "—", "—", "—")]),
    rows=ROWS, total="89.8", grade="优", findings=["total-mismatch", "grade-contradicts-total",
                                                  "reason-missing:更换老旧管网长度"],
    goal="维修养护农村供水工程45处，更换老旧管网12公里，保障8.6万农村人口饮水安全。",
    achieved="完成维修养护45处，更换管网10.5公里，水质检测合格率96.8%。",
)
DOC = Doc(
    source="02-anhui-level-points.docx",
    what="national Word form with level labels carrying their points (产出指标(50分)); 总分 typed 89.8 where the printed scores add to 97.8 and the grade 优 follows the true sum; a task finished after its deadline given full marks; a row scored 8.8 of 10 with no 偏差原因",
    tables=[TABLE], exercises=["merged", "one-decimal", "total-mismatch", "grade", "reason-missing"],
)


def build(path):
    doc = new_document("项目支出绩效自评表")
    para(doc, "项目支出绩效自评表", bold=True, center=True, size=16)
    para(doc, "（2023年度）", center=True)
    opts = Opts(level_label={"产出指标": "产出指标(50分)", "效益指标": "效益指标(30分)", "满意度指标": "满意度指标(10分)"},
                money_label="项目资金\n（万元）", grade_prefix="自评等级：")
    docx_table(doc, national(TABLE, opts))
    para(doc, "填报人：汪海涛        联系电话：0566-2021335        填报日期：2024年2月26日")
    save_docx(doc, path)
