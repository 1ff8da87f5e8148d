"""Spreadsheets and text pages the importer cannot (fully) read."""

from corpus import Refused
from text_util import write_lines
from xlsx_util import new_workbook, put, save


def budget_summary_only(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "收支预算总表"
    put(ws, 1, 1, "2023年部门收支预算总表", 1, 4, bold=True, border=False)
    put(ws, 2, 4, "单位：万元", border=False)
    for c, h in enumerate(["收入项目", "本年预算数", "支出项目", "本年预算数"], 1):
        put(ws, 3, c, h)
    lines = [("一般公共预算拨款收入", 1265.8, "一般公共服务支出", 86.4), ("政府性基金预算拨款收入", 0, "公共安全支出", 1179.4),
             ("收入总计", 1265.8, "支出总计", 1265.8)]
    for i, row in enumerate(lines):
        for c, v in enumerate(row, 1):
            put(ws, 4 + i, c, v)
    save(wb, path)


def unreadable_budget(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    put(ws, 1, 1, "2023年项目支出绩效目标表", 1, 4, bold=True, border=False)
    put(ws, 2, 1, "项目名称")
    put(ws, 2, 2, "智慧社区建设", 2, 4)
    put(ws, 3, 1, "主管部门")
    put(ws, 3, 2, "新乡市红旗区民政局", 3, 4)
    put(ws, 4, 1, "年度资金总额（万元）")
    put(ws, 4, 2, "待定", 4, 4)
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值"], 1):
        put(ws, 5, c, h)
    rows = [("产出指标", "数量指标", "建成智慧社区", "≥5个"), ("产出指标", "时效指标", "建设完成时间", "2023年11月底前"),
            ("满意度指标", "服务对象满意度指标", "社区居民满意度", "≥90%")]
    for i, row in enumerate(rows):
        for c, v in enumerate(row, 1):
            put(ws, 6 + i, c, v)
    save(wb, path)


def empty_export(path):
    wb = new_workbook()
    wb.active.title = "Sheet1"
    wb.create_sheet("Sheet2")
    save(wb, path)


PIPE = [
    "2023年项目支出绩效目标表",
    "项目名称 | 法律明白人培训 | 实施单位 | 鹤壁市淇滨区司法局",
    "年度资金总额(万元) | 8.5",
    "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值",
    "产出指标 | 数量指标 | 培训法律明白人 | ≥500人次 | 20",
    "| 质量指标 | 培训考核合格率 | ≥90% | 20",
    "| 时效指标 | 培训完成时间 | 2023年10月底前",
    "| 10",
    "效益指标 | 社会效益指标 | 基层矛盾纠纷就地化解率 | ≥85% | 30",
    "满意度指标 | 服务对象满意度指标 | 参训人员满意度 | ≥90% | 10",
]


def ragged_pipe(path):
    write_lines(path, PIPE)


def header_only(path):
    write_lines(path, ["2023年项目支出绩效目标表", "", "一级指标 | 二级指标 | 三级指标 | 指标值",
                       "（表格内容为图片，请下载附件查看）"])


REFUSED = [
    Refused("refused/09-budget-summary-only.xlsx", 2, ["收支预算总表", "一级指标"],
            "a 部门收支预算总表 sheet (收入项目/本年预算数/支出项目): money only, no indicator table; the message lists the sheet and its header row and says an indicator header (一级指标 …) was expected", budget_summary_only),
    Refused("refused/10-unreadable-budget.xlsx", 1, ["Sheet1!B4", "待定"],
            "a project sheet whose 年度资金总额 cell says `待定`: the indicators import, the budget is reported with its cell", unreadable_budget),
    Refused("refused/11-empty-export.xlsx", 2, ["Sheet1"],
            "an export that came out empty (two blank sheets): the message lists the sheets it looked at", empty_export),
    Refused("refused/12-ragged-pipe-text.txt", 1, ["第 8 行"],
            "pipe text where copying wrapped a row: line 7 ends after its target and line 8 holds only `| 10` (its 分值); line 8 cannot be placed and is reported", ragged_pipe),
    Refused("refused/13-header-only.txt", 2, ["第 3 行", "一级指标"],
            "a web page whose table body was a picture: only the header line survives; the message lists the header found on line 3 and that no indicator rows follow", header_only),
]
