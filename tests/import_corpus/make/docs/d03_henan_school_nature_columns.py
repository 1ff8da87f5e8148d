"""河南 county school: an info table and a separate indicator table with 指标性质 (正向/反向/
定性) | 指标值 | 度量单位 split over columns, 权重（%）, 备注; money in 元 as `2,450,000.00`."""

from corpus import Doc, Project, Row, yuan_to_wan
from docx_util import level_cells, new_document, para, put, save, table

# (row, 指标性质, 指标值 cell, 度量单位 cell, 备注)
SPEC = [
    (Row("数量", "资助家庭经济困难学生人数", "1225人次", points="15"), "正向", "1225", "人次", "按每生每年2000元标准"),
    (Row("数量", "资助资金发放批次", "2批", points="10"), "正向", "2", "批", "春季、秋季学期各一次"),
    (Row("质量", "资助对象认定准确率", "100%", points="15"), "正向", "100", "%", ""),
    (Row("时效", "资金发放及时率", "100%", points="10"), "正向", "100", "%", "学期开学后2个月内发放"),
    (Row("成本", "每生每年资助标准", "2000元/人·年", points="10"), "正向", "2000", "元/人·年", ""),
    (Row("社会", "家庭经济困难学生因贫失学人数", "0人", points="10", reverse=True), "反向", "0", "人", ""),
    (Row("社会", "学生资助政策知晓率", "95%", points="10"), "正向", "95", "%", ""),
    (Row("可持续", "学生资助长效机制", "长期有效", points="10"), "定性", "长期有效", "", ""),
    (Row("满意度", "受助学生满意度", "95%", points="10"), "正向", "95", "%", "问卷调查"),
]
ROWS = [s[0] for s in SPEC]
TOTAL, FISCAL, OTHER = "2,450,000.00", "2,205,000.00", "245,000.00"

DOC = Doc(
    source="03-henan-school-nature-columns.docx",
    fiscal_year=2024,
    what="school project; info table + separate indicator table; 指标性质 正向/反向/定性, 指标值 and 度量单位 in separate columns joined into one target, 权重（%） column → points, 备注 column; amounts in 元 (`2,450,000.00`) under 金额单位：元; 项目期限 with dates; 主管部门 (教育体育局) and 填报单位/项目单位 (the school) differ, so no department_name is expected",
    variations=[1, 3, 5, 8, 10],
    projects=[Project("普通高中国家助学金", yuan_to_wan(TOTAL), ROWS, fiscal_funds=yuan_to_wan(FISCAL),
                      other_funds=yuan_to_wan(OTHER))],
)


def build(path):
    doc = new_document()
    para(doc, "项目支出绩效目标申报表", bold=True, center=True, size=16)
    para(doc, "（2024年）", center=True)
    para(doc, "填报单位：郸城县第一高级中学（盖章）                    金额单位：元")
    t = table(doc, 8, 4)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, "普通高中国家助学金", 0, 3)
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "郸城县教育体育局")
    put(t, 1, 2, "项目单位")
    put(t, 1, 3, "郸城县第一高级中学")
    put(t, 2, 0, "项目负责人")
    put(t, 2, 1, "李红梅")
    put(t, 2, 2, "联系电话")
    put(t, 2, 3, "13903941234")
    put(t, 3, 0, "项目期限")
    put(t, 3, 1, "2024年1月1日至2024年12月31日", 3, 3)
    put(t, 4, 0, "项目资金", 6, 0)
    put(t, 4, 1, "年度预算金额")
    put(t, 4, 2, TOTAL, 4, 3)
    put(t, 5, 1, "其中：财政拨款")
    put(t, 5, 2, FISCAL, 5, 3)
    put(t, 6, 1, "其他资金")
    put(t, 6, 2, OTHER, 6, 3)
    put(t, 7, 0, "年度目标")
    put(t, 7, 1, "1. 按照国家规定标准，资助家庭经济困难学生1225人次，做到应助尽助。\n"
             "2. 资助资金按学期足额及时发放到受助学生手中，确保不让一名学生因家庭经济困难而失学。", 7, 3)
    para(doc, "")
    para(doc, "绩效指标", bold=True)
    t2 = table(doc, 1 + len(SPEC), 8)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重（%）", "备注"]):
        put(t2, 0, c, h)
    level_cells(t2, 1, ROWS, 0, 1)
    for i, (r, nature, val, unit, note) in enumerate(SPEC):
        for c, v in enumerate([r.name, nature, val, unit, r.points, note]):
            put(t2, 1 + i, 2 + c, v)
    save(doc, path)
