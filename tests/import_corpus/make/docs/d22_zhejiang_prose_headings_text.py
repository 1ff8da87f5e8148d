"""浙江 district project notice as plain text: level headings in the 一、/（一）/1. style,
targets in words (不低于, 不超过) and symbols, several clauses per heading."""

from corpus import Doc, Project, Row
from text_util import write_lines

ROWS = [
    Row("数量", "渔船安全检查", "≥6艘次"),
    Row("数量", "渔民安全生产培训", "不少于500人次"),
    Row("数量", "发放安全宣传资料", "≥2000份"),
    Row("质量", "渔船安全设备配备率", "不低于98%"),
    Row("时效", "救生设备发放完成时间", "2024年6月底前"),
    Row("成本", "单船安全设备补助", "不超过3000元"),
    Row("社会", "渔业安全生产事故死亡人数", "比上年下降10%"),
    Row("社会", "渔民安全意识", "明显增强"),
    Row("满意度", "渔民满意度", "≥90%"),
]

DOC = Doc(
    source="22-zhejiang-prose-headings.txt",
    fiscal_year=2024,
    department_name="舟山市定海区海洋与渔业局",
    what="project 绩效目标公示 as plain text with headings (三、绩效指标 / （一）产出指标 / 1.数量指标：), targets written in words (`不少于500人次`, `不低于98%`, `不超过3000元`, `比上年下降10%`) and symbols (`≥6艘次`); 年度预算 in a sentence",
    variations=[1, 5, 7, 8, 10],
    projects=[Project("渔业安全生产提升项目", "96.5", ROWS)],
)

TEXT = """定海区2024年渔业安全生产提升项目绩效目标公示

一、项目概况
项目名称：渔业安全生产提升项目
项目单位：舟山市定海区海洋与渔业局
项目期限：2024年1月—2024年12月
年度预算：96.5万元（区级财政资金）

二、年度绩效目标
开展渔船安全检查和渔民安全生产培训，为渔船配齐救生设备，降低渔业安全生产事故死亡人数。

三、绩效指标
（一）产出指标
1.数量指标：渔船安全检查≥6艘次；渔民安全生产培训不少于500人次；发放安全宣传资料≥2000份。
2.质量指标：渔船安全设备配备率不低于98%。
3.时效指标：救生设备发放完成时间2024年6月底前。
4.成本指标：单船安全设备补助不超过3000元。
（二）效益指标
社会效益指标：渔业安全生产事故死亡人数比上年下降10%；渔民安全意识明显增强。
（三）满意度指标
服务对象满意度指标：渔民满意度≥90%。

舟山市定海区海洋与渔业局
2024年3月1日"""


def build(path):
    write_lines(path, TEXT.split("\n"))
