"""安徽 township, a legacy .xls (BIFF8) as older budget systems still export: merged title,
merged level cells, amounts written `612万` in a text cell."""

import xlwt

from corpus import Doc, Project, Row

ROWS = [
    Row("数量", "新建村级综合服务中心", "≥3个"),
    Row("数量", "硬化村内道路", "≥8.5公里"),
    Row("质量", "工程质量合格率", "100%"),
    Row("时效", "项目竣工时间", "2023年12月底前"),
    Row("经济", "村集体经济年收入增加", "≥5万元"),
    Row("社会", "村民生产生活条件", "明显改善"),
    Row("满意度", "村民满意度", "≥90%"),
]

DOC = Doc(
    source="19-anhui-legacy-xls.xls",
    fiscal_year=2023,
    department_name="岳西县河图镇人民政府",
    what="legacy .xls (BIFF8) with merged title, merged 项目资金 label and level cells; `612万` written in a text cell beside 资金总额, no breakdown; year from the title",
    variations=[1, 5, 8, 10],
    projects=[Project("河图镇美丽乡村建设项目", "612", ROWS)],
)


def build(path):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    box = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin; align: wrap on, vert centre")
    bold = xlwt.easyxf("font: bold on; align: horiz centre")
    ws.write_merge(0, 0, 0, 4, "岳西县河图镇2023年项目支出绩效目标表", bold)
    ws.write_merge(1, 1, 0, 4, "填报单位：岳西县河图镇人民政府")
    ws.write(2, 0, "项目名称", box)
    ws.write_merge(2, 2, 1, 4, "河图镇美丽乡村建设项目", box)
    ws.write(3, 0, "实施单位", box)
    ws.write_merge(3, 3, 1, 4, "岳西县河图镇人民政府", box)
    ws.write(4, 0, "资金总额", box)
    ws.write_merge(4, 4, 1, 4, "612万", box)
    ws.write(5, 0, "年度目标", box)
    ws.write_merge(5, 5, 1, 4, "建设村级综合服务中心3个，硬化村内道路8.5公里，改善村民生产生活条件。", box)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "备注"]):
        ws.write(6, c, h, box)
    r0 = 7
    spans = {}
    for i, r in enumerate(ROWS):
        spans.setdefault(("1", r.print1), []).append(i)
        spans.setdefault(("2", r.print1, r.print2), []).append(i)
    for key, idx in spans.items():
        col = 0 if key[0] == "1" else 1
        ws.write_merge(r0 + idx[0], r0 + idx[-1], col, col, key[-1], box)
    for i, r in enumerate(ROWS):
        ws.write(r0 + i, 2, r.name, box)
        ws.write(r0 + i, 3, r.target, box)
        ws.write(r0 + i, 4, "", box)
    ws.col(2).width = 256 * 26
    wb.save(str(path))
