"""Word documents the importer cannot (fully) read; each names what its message must say."""

import base64

from corpus import Refused, Row
from docx_util import new_document, para, put, save, table
from refused_util import project_form

GOOD = [
    Row("数量", "开展普法宣传活动", "≥40场次"),
    Row("质量", "宣传资料发放覆盖率", "≥95%"),
    Row("时效", "宣传活动完成时间", "2023年12月底前"),
    Row("社会", "群众法治意识", "明显提升"),
    Row("满意度", "群众满意度", "≥90%"),
]


def meeting_notice(path):
    doc = new_document()
    para(doc, "关于召开2023年度预算绩效管理业务培训会的通知", bold=True, center=True, size=15)
    for text in ["各预算单位：", "为进一步提升预算绩效管理水平，经研究，定于2023年3月15日上午9:00在县财政局五楼会议室召开2023年度预算绩效管理业务培训会。现将有关事项通知如下：",
                 "一、参会人员：各预算单位分管财务负责人及财务人员各1名。", "二、培训内容：绩效目标编制、绩效运行监控和绩效自评。",
                 "三、有关要求：请参会人员按时参加，不得无故缺席。", "联系人：王磊  联系电话：0311-8765432", "县财政局", "2023年3月10日"]:
        para(doc, text)
    save(doc, path)


def header_missing(path):
    doc = new_document()
    para(doc, "2023年绩效目标", bold=True, center=True)
    t = table(doc, 5, 3)
    for i, (name, target) in enumerate([("印制宣传资料", "≥2000份"), ("督导检查", "≥15次"), ("宣传活动", "12月底前"),
                                        ("群众满意程度", "≥80%"), ("投诉率", "≤10%")]):
        put(t, i, 0, str(i + 1))
        put(t, i, 1, name)
        put(t, i, 2, target)
    save(doc, path)


def unmappable_level(path):
    doc = new_document()
    para(doc, "2023年度项目支出绩效目标表", bold=True, center=True)
    rows = GOOD[:3] + [Row("社会", "档案资料归档", "按要求完成", "其他指标", "工作指标")] + GOOD[3:]
    project_form(doc, "普法宣传经费", "清苑区司法局", "12", "开展普法宣传活动40场次以上。", rows)
    save(doc, path)


def empty_target(path):
    doc = new_document()
    para(doc, "2023年度项目支出绩效目标表", bold=True, center=True)
    rows = GOOD[:1] + [Row("数量", "法治文化阵地建设", "")] + GOOD[1:]
    project_form(doc, "普法宣传经费", "清苑区司法局", "12", "开展普法宣传活动40场次以上。", rows)
    save(doc, path)


def html_saved_as_docx(path):
    html = ("<html><head><meta charset=\"utf-8\"><title>2023年项目支出绩效目标表</title></head><body>"
            "<table border=1><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            "<tr><td>产出指标</td><td>数量指标</td><td>开展普法宣传活动</td><td>≥40场次</td></tr></table></body></html>")
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)


# a 1×1 white PNG: the scan itself does not matter, only that the page holds a picture and no text table
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")


def scanned_image(path):
    import io
    doc = new_document()
    para(doc, "2023年项目支出绩效目标表（扫描件）", bold=True, center=True)
    doc.add_picture(io.BytesIO(PNG))
    save(doc, path)


def second_table_no_rows(path):
    doc = new_document()
    para(doc, "1.普法宣传经费绩效目标表", bold=True)
    project_form(doc, "普法宣传经费", "清苑区司法局", "12", "开展普法宣传活动40场次以上。", GOOD)
    para(doc, "2.法律援助经费绩效目标表", bold=True)
    project_form(doc, "法律援助经费", "清苑区司法局", "30", "办理法律援助案件300件以上。", [])
    save(doc, path)


def operator_without_number(path):
    doc = new_document()
    para(doc, "2023年度项目支出绩效目标表", bold=True, center=True)
    rows = GOOD[:1] + [Row("质量", "法律援助案件结案率", "≥%")] + GOOD[1:]
    project_form(doc, "普法宣传经费", "清苑区司法局", "12", "开展普法宣传活动40场次以上。", rows)
    save(doc, path)


# rows are fixed by the layout above: info rows 1-4, header row 5, first indicator row 6
REFUSED = [
    Refused("refused/01-meeting-notice-no-tables.docx", 2, ["一级指标"],
            "a Word notice about a training meeting: no table and no target sentence; the message says nothing recognisable was found and what was looked for (an indicator header such as 一级指标)", meeting_notice),
    Refused("refused/02-header-row-missing.docx", 2, ["表 1", "一级指标"],
            "a table of numbered indicator names and targets with no header row and no level columns: the message names table 1 (its first row) and the header it expected", header_missing),
    Refused("refused/03-unmappable-level.docx", 1, ["表 1", "第 9 行", "工作指标"],
            "a project form whose row 9 has 一级 `其他指标` / 二级 `工作指标`, which map to no national level; the message names the 二级 label (the one that decides the national level, so it must be named whether or not the 一级 is too); the other rows import", unmappable_level),
    Refused("refused/04-empty-target.docx", 1, ["表 1", "第 7 行", "指标值"],
            "a project form with an indicator (`法治文化阵地建设`) whose 指标值 cell is empty: not a template leftover, a real row with its target missing", empty_target),
    Refused("refused/05-html-saved-as-docx.docx", 2, [".docx"],
            "an HTML page saved under a .docx name (a common download): not a Word package; the message says the file could not be read as .docx", html_saved_as_docx),
    Refused("refused/06-scanned-image.docx", 2, ["一级指标"],
            "a scan pasted into Word: a title paragraph and a picture, no table; nothing recognisable", scanned_image),
    Refused("refused/07-second-table-no-rows.docx", 1, ["表 2", "三级指标"],
            "two project forms; the second has its indicator header but no indicator rows: the first project imports, the second is reported", second_table_no_rows),
    Refused("refused/08-operator-without-number.docx", 1, ["表 1", "第 7 行", "≥%"],
            "a target typed as `≥%` (the number is missing): an operator with no number cannot be a target; the row is reported, not written", operator_without_number),
]
