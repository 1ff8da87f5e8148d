"""河南 district health commission: several projects in ONE flat sheet, 序号/项目名称/预算金额
merged down over each project's rows, amounts in 元, a 合计 row that is not a project."""

from corpus import Doc, Project, Row, yuan_to_wan
from xlsx_util import level_cells, new_workbook, put, save

PROJECTS = [
    ("基本公共卫生服务项目", "3,120,000.00", [
        Row("数量", "65岁及以上老年人健康管理人数", "≥2.1万人"),
        Row("数量", "高血压患者规范管理人数", "≥9800人"),
        Row("质量", "居民电子健康档案建档率", "≥90%"),
        Row("时效", "资金拨付及时率", "100%"),
        Row("社会", "城乡居民公共卫生服务差距", "逐步缩小"),
        Row("满意度", "服务对象满意度", "≥85%"),
    ]),
    ("计划生育家庭奖励扶助", "1,865,400.00", [
        Row("数量", "奖励扶助对象人数", "≥1554人"),
        Row("质量", "扶助对象确认准确率", "≥99%"),
        Row("时效", "扶助资金发放时间", "2021年12月31日前"),
        Row("成本", "奖励扶助标准", "=1200元/人·年"),
        Row("满意度", "扶助对象满意度", "≥90%"),
    ]),
    ("基层医疗卫生机构设备购置", "874,600.00", [
        Row("数量", "购置DR、彩超等设备", "≥14台"),
        Row("质量", "设备验收合格率", "100%"),
        Row("时效", "设备采购完成时间", "2021年9月底前"),
        Row("社会", "乡镇卫生院诊疗能力", "有效提升"),
        Row("可持续", "设备使用年限", "≥8年"),
    ]),
]
TOTAL = "5,860,000.00"

DOC = Doc(
    source="05-henan-multi-flat.xlsx",
    fiscal_year=2021,
    department_name="信阳市平桥区卫生健康委员会",
    what="several projects in one flat sheet (项目名称 column merged down per project), amounts in 元 under 单位：元 converted to 万元, a 合计 row at the bottom that is not a project, header on row 3 with two-line header cells (`一级`/`指标`), title merged across",
    variations=[1, 5, 6, 8, 10],
    projects=[Project(n, yuan_to_wan(a), rows) for n, a, rows in PROJECTS],
)


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    put(ws, 1, 1, "信阳市平桥区卫生健康委员会2021年项目支出绩效目标汇总表", 1, 8, bold=True, border=False)
    put(ws, 2, 1, "填报单位：信阳市平桥区卫生健康委员会", 2, 5, border=False)
    put(ws, 2, 8, "单位：元", border=False)
    for c, h in enumerate(["序号", "项目名称", "预算金额", "一级\n指标", "二级\n指标", "三级指标", "指标值", "备注"], 1):
        put(ws, 3, c, h, bold=True)
    r = 4
    for n, (name, amount, rows) in enumerate(PROJECTS, 1):
        last = r + len(rows) - 1
        put(ws, r, 1, n, last, 1)
        put(ws, r, 2, name, last, 2)
        put(ws, r, 3, amount, last, 3)
        level_cells(ws, r, rows, 4, 5)
        for i, row in enumerate(rows):
            put(ws, r + i, 6, row.name)
            put(ws, r + i, 7, row.target)
            put(ws, r + i, 8, None)
        r = last + 1
    put(ws, r, 1, "合计", r, 2)
    put(ws, r, 3, TOTAL)
    for c in range(4, 9):
        put(ws, r, c, None)
    ws.column_dimensions["B"].width = 26
    ws.column_dimensions["F"].width = 30
    save(wb, path)
