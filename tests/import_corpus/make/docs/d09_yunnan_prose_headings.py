"""云南 county project notice in Word, prose only, with level headings: （一）产出指标,
1.数量指标：… clauses separated by ；."""

from corpus import Doc, Project, Row
from docx_util import new_document, para, save

ROWS = [
    Row("数量", "提升改造茶叶初制所", "≥15个"),
    Row("数量", "古茶园保护面积", "≥3000亩"),
    Row("质量", "改造初制所验收合格率", "100%"),
    Row("时效", "项目完工时间", "2022年10月底前"),
    Row("成本", "每个初制所改造补助", "≤20万元"),
    Row("经济", "带动茶农户均增收", "≥8%"),
    Row("社会", "带动脱贫户就业", "≥200人"),
    Row("生态", "古茶园生态环境", "有效改善"),
    Row("满意度", "受益群众满意度", "≥92%"),
]

DOC = Doc(
    source="09-yunnan-prose-headings.docx",
    fiscal_year=2022,
    department_name="勐海县农业农村局",
    what="project 绩效目标公示 in Word paragraphs only (no table); level headings （一）产出指标 / 1.数量指标： with clauses split by ；; 年度资金总额 in a sentence (`350万元`); targets inside sentences (`带动茶农户均增收≥8%`, `古茶园生态环境有效改善`)",
    variations=[1, 5, 7, 8, 10],
    projects=[Project("勐海县古茶园保护与茶叶初制所提升改造项目", "350", ROWS)],
)

TEXT = """勐海县2022年古茶园保护与茶叶初制所提升改造项目绩效目标公示
根据预算绩效管理有关规定，现将我局2022年古茶园保护与茶叶初制所提升改造项目绩效目标公示如下。
一、项目基本情况
项目名称：勐海县古茶园保护与茶叶初制所提升改造项目
主管部门：勐海县农业农村局
实施单位：勐海县茶叶技术服务中心
项目资金：年度资金总额350万元，其中中央财政衔接推进乡村振兴补助资金300万元、县级财政资金50万元。
二、项目绩效目标
总体目标：加强古茶园保护，提升改造茶叶初制所，规范茶叶初制加工，带动茶农增收和脱贫户就业。
（一）产出指标
1.数量指标：提升改造茶叶初制所≥15个；古茶园保护面积≥3000亩。
2.质量指标：改造初制所验收合格率100%。
3.时效指标：项目完工时间2022年10月底前。
4.成本指标：每个初制所改造补助≤20万元。
（二）效益指标
1.经济效益指标：带动茶农户均增收≥8%。
2.社会效益指标：带动脱贫户就业≥200人。
3.生态效益指标：古茶园生态环境有效改善。
（三）满意度指标
1.服务对象满意度指标：受益群众满意度≥92%。
勐海县农业农村局
2022年3月18日"""


def build(path):
    doc = new_document()
    lines = TEXT.split("\n")
    para(doc, lines[0], bold=True, center=True, size=16)
    for line in lines[1:]:
        para(doc, line)
    save(doc, path)
