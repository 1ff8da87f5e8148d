"""浙江 district bureau: indicator table with a two-row header (指标值 spans 指标方向 | 数值 |
计量单位), 绩效标准 and 指标解释 columns; 反向 rows; 本年预算数 label."""

from corpus import Doc, Project, Row
from docx_util import level_cells, new_document, para, put, save, table

SPEC = [
    (Row("数量", "职业技能培训人次", "1200人次"), "正向", "1200", "人次", "完成率100%得满分", "全年补贴性职业技能培训人次"),
    (Row("数量", "取得职业资格证书人数", "800人"), "正向", "800", "人", "完成率100%得满分", ""),
    (Row("质量", "培训合格率", "90%"), "正向", "90", "%", "达到目标值得满分", "考核合格人数/参训人数"),
    (Row("时效", "补贴资金兑付时限", "15个工作日", reverse=True), "反向", "15", "个工作日", "超期1天扣1分", "自申请材料齐全之日起"),
    (Row("成本", "人均培训补贴", "2000元", reverse=True), "反向", "2000", "元", "不超过标准得满分", ""),
    (Row("社会", "参训人员就业率", "70%"), "正向", "70", "%", "达到目标值得满分", ""),
    (Row("可持续", "技能人才队伍建设", "持续加强"), "定性", "持续加强", "", "根据实际情况评定", ""),
    (Row("满意度", "参训人员满意度", "90%"), "正向", "90", "%", "达到目标值得满分", "问卷调查"),
]
ROWS = [s[0] for s in SPEC]

DOC = Doc(
    source="10-zhejiang-direction-columns.docx",
    fiscal_year=2025,
    department_name="杭州市临安区人力资源和社会保障局",
    what="indicator table with a two-row header (指标值 spanning 指标方向/数值/计量单位 via gridSpan, other header cells merged down via vMerge); 正向/反向/定性 joined away from the target, 反向 → reverse; 指标名称 header; 绩效标准 and 指标解释 extra columns; 本年预算数 label; 实施期",
    variations=[1, 3, 5, 8, 10],
    projects=[Project("职业技能提升行动补贴", "326.8", ROWS, fiscal_funds="326.8")],
)


def build(path):
    doc = new_document()
    para(doc, "2025年度项目绩效目标表", bold=True, center=True, size=16)
    para(doc, "单位名称：杭州市临安区人力资源和社会保障局                 金额单位：万元")
    t = table(doc, 5, 4)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, "职业技能提升行动补贴", 0, 3)
    put(t, 1, 0, "主管部门")
    put(t, 1, 1, "杭州市临安区人力资源和社会保障局")
    put(t, 1, 2, "实施单位")
    put(t, 1, 3, "杭州市临安区就业管理服务处")
    put(t, 2, 0, "本年预算数")
    put(t, 2, 1, "326.80")
    put(t, 2, 2, "其中：财政拨款")
    put(t, 2, 3, "326.80")
    put(t, 3, 0, "实施期")
    put(t, 3, 1, "2025年1月1日—2025年12月31日", 3, 3)
    put(t, 4, 0, "年度绩效目标")
    put(t, 4, 1, "全年开展补贴性职业技能培训1200人次，新增取得职业资格证书800人；\n补贴资金及时足额兑付，参训人员就业率达到70%。", 4, 3)
    para(doc, "")
    t2 = table(doc, 2 + len(SPEC), 8)
    put(t2, 0, 0, "一级指标", 1, 0)
    put(t2, 0, 1, "二级指标", 1, 1)
    put(t2, 0, 2, "指标名称", 1, 2)
    put(t2, 0, 3, "指标值", 0, 5)
    put(t2, 1, 3, "指标方向")
    put(t2, 1, 4, "数值")
    put(t2, 1, 5, "计量单位")
    put(t2, 0, 6, "绩效标准", 1, 6)
    put(t2, 0, 7, "指标解释", 1, 7)
    level_cells(t2, 2, ROWS, 0, 1)
    for i, (r, d, v, u, std, expl) in enumerate(SPEC):
        for c, val in enumerate([r.name, d, v, u, std, expl]):
            put(t2, 2 + i, 2 + c, val)
    save(doc, path)
