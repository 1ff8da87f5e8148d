"""山东 township, one Word table: 项目完成指标/项目效益指标 on two lines in one cell,
（必填） notes on 二级 labels, no 满意度 level, a 分值 column, amounts written `180万元`."""

from corpus import Doc, Project, Row
from docx_util import level_cells, new_document, para, put, save, table

P1, E1 = "项目完成\n指标", "项目效益\n指标"
ROWS = [
    Row("数量", "农村生活垃圾清运量", "≥3600吨", P1, "数量指标（必填）", "10"),
    Row("数量", "改造提升农村户厕", "≥420户", P1, "数量指标（必填）", "10"),
    Row("质量", "户厕改造验收合格率", "≥95%", P1, "质量指标（必填）", "10"),
    Row("时效", "项目完成时限", "2022年11月底前", P1, "时效指标", "10"),
    Row("成本", "户厕改造补助标准", "≤1800元/户", P1, "成本指标", "10"),
    Row("社会", "村庄环境面貌", "明显提升", E1, "社会效益\n指标", "15"),
    Row("生态", "生活垃圾无害化处理率", "≥90%", E1, "生态效益\n指标", "15"),
    Row("可持续", "农村人居环境长效管护机制", "建立健全", E1, "可持续影响\n指标", "10"),
]

DOC = Doc(
    source="02-shandong-township-onetable.docx",
    fiscal_year=2022,
    department_name="沂南县依汶镇人民政府",
    what="township one-table form; 一级 labels 项目完成指标/项目效益指标 on two lines in one cell, 二级 with （必填）, 社会效益/指标 two-line labels, no 满意度 level, 分值 column, `180万元` amounts, 项目负责人/联系电话/项目期限 rows, stray spaces in labels, name and a target cell (`≥95%  `)",
    variations=[1, 2, 4, 5, 8, 10],
    projects=[Project("依汶镇农村人居环境整治提升项目", "180", ROWS, fiscal_funds="150", other_funds="30")],
)


def build(path):
    doc = new_document()
    para(doc, "2022年度乡镇项目支出绩效目标申报表", bold=True, center=True, size=16)
    para(doc, "填报单位（盖章）：沂南县依汶镇人民政府                        单位：万元")
    head = 7
    t = table(doc, head + 1 + len(ROWS), 7)
    put(t, 0, 0, "项 目 名 称")
    put(t, 0, 1, " 依汶镇农村人居环境整治提升项目 ", 0, 3)
    put(t, 0, 4, "项目负责人")
    put(t, 0, 5, "王建国", 0, 6)
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "沂南县依汶镇人民政府", 1, 3)
    put(t, 1, 4, "联系电话")
    put(t, 1, 5, "0539-3251608", 1, 6)
    put(t, 2, 0, "实施单位")
    put(t, 2, 1, "依汶镇农业农村综合服务中心", 2, 3)
    put(t, 2, 4, "项目期限")
    put(t, 2, 5, "2022年1月-2022年12月", 2, 6)
    put(t, 3, 0, "资金情况", 5, 0)
    put(t, 3, 1, "年度资金总额", 3, 3)
    put(t, 3, 4, "180万元", 3, 6)
    put(t, 4, 1, "其中：财政拨款", 4, 3)
    put(t, 4, 4, "150万元", 4, 6)
    put(t, 5, 1, "其他资金（村集体自筹）", 5, 3)
    put(t, 5, 4, "30万元", 5, 6)
    put(t, 6, 0, "年度总体\n目标")
    put(t, 6, 1, "通过实施农村人居环境整治提升项目，全镇42个行政村生活垃圾实现日产日清，完成420户农村户厕改造提升，"
             "生活垃圾无害化处理率达到90%以上，村庄环境面貌明显提升，建立健全长效管护机制，群众生产生活条件进一步改善。", 6, 6)
    put(t, head, 0, "年度绩效\n指标", head + len(ROWS), 0)
    put(t, head, 1, "一级指标")
    put(t, head, 2, "二级指标")
    put(t, head, 3, "三级指标", head, 4)
    put(t, head, 5, "指标值")
    put(t, head, 6, "分值")
    r0 = head + 1
    level_cells(t, r0, ROWS, 1, 2)
    for i, r in enumerate(ROWS):
        put(t, r0 + i, 3, r.name, r0 + i, 4)
        put(t, r0 + i, 5, r.target + ("  " if r.kind == "质量" else ""))
        put(t, r0 + i, 6, r.points)
    para(doc, "填表人：张丽    审核人：刘洪涛    填报日期：2022年1月12日")
    save(doc, path)
