"""安徽 district bureau: a department 绩效目标公示 notice in sentences only, no level
headings: the reader assigns levels by meaning (counts, quality rates, deadline, outcome,
satisfaction)."""

from corpus import Doc, Row
from text_util import write_lines

ROWS = [
    Row("数量", "法律援助案件办理量", "≥800件"),
    Row("数量", "普法宣传活动", "≥60场次"),
    Row("质量", "人民调解成功率", "≥96%"),
    Row("质量", "公共法律服务热线接通率", "≥95%"),
    Row("时效", "完成年度普法依法治理任务", "2023年12月底前"),
    Row("社会", "社区矫正对象再犯罪率", "≤0.2%"),
    Row("社会", "群众法治意识", "明显提升"),
    Row("满意度", "受援群众满意度", "≥90%"),
]

DOC = Doc(
    source="08-anhui-dept-prose-notice.txt",
    fiscal_year=2023,
    department_name="宣城市宣州区司法局",
    what="department 绩效目标公示 in sentences, no level headings; targets inside clauses (`法律援助案件办理量≥800件`, `2023年12月底前完成…`, `群众法治意识明显提升`); levels by meaning; fiscal year in the title",
    variations=[1, 7, 8, 10],
    department_rows=ROWS,
)


def build(path):
    lines = [
        "宣城市宣州区司法局2023年度部门整体支出绩效目标公示",
        "",
        "根据《中华人民共和国预算法》和全面实施预算绩效管理的有关要求，现将我局2023年度部门整体支出绩效目标公示如下：",
        "",
        "一、部门基本情况",
        "宣城市宣州区司法局内设办公室、法治督察科、普法与依法治理科等6个股室，下设司法所21个，2023年部门预算总额1265.80万元，其中一般公共预算拨款1210.80万元。",
        "",
        "二、年度绩效目标",
        "围绕法治宣州建设，全面履行法律援助、人民调解、社区矫正和普法依法治理职能。"
        "法律援助案件办理量≥800件，普法宣传活动≥60场次，人民调解成功率≥96%，公共法律服务热线接通率≥95%，"
        "2023年12月底前完成年度普法依法治理任务；社区矫正对象再犯罪率≤0.2%，群众法治意识明显提升；受援群众满意度≥90%。",
        "",
        "宣城市宣州区司法局",
        "2023年2月10日",
    ]
    write_lines(path, lines)
