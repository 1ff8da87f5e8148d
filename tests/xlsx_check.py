"""An independent reader (openpyxl) for the workbooks jixiao writes.

usage: xlsx_check.py report.json report.xlsx template.xlsx
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl
from openpyxl.utils import range_boundaries

passed = 0
failures = []


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)


def well_formed(path):
    """Every XML part parses: a broken part is what makes Excel offer a repair."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    ET.fromstring(z.read(name))
                except ET.ParseError as e:
                    failures.append(f"{path}: {name} is not well-formed XML: {e}")


def sheet_names_ok(wb, path):
    names = wb.sheetnames
    check(len(set(names)) == len(names), f"{path}: duplicate sheet names")
    for n in names:
        check(0 < len(n.encode("utf-16-le")) // 2 <= 31, f"{path}: sheet name too long: {n}")
        check(not any(c in n for c in '[]:*?/\\'), f"{path}: bad char in sheet name {n}")
        check(not n.startswith("'") and not n.endswith("'"), f"{path}: quote around {n}")


def merges_ok(ws):
    seen = {}
    for rng in ws.merged_cells.ranges:
        c0, r0, c1, r1 = range_boundaries(str(rng))
        check((c0, r0) != (c1, r1), f"{ws.title}: single-cell merge {rng}")
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) in seen:
                    failures.append(f"{ws.title}: {rng} overlaps {seen[(r, c)]}")
                seen[(r, c)] = str(rng)
    return seen


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def near(v, s):
    return is_num(v) and abs(v - float(s)) < 1e-9


def check_report(data, path):
    well_formed(path)
    wb = openpyxl.load_workbook(path)
    sheet_names_ok(wb, path)
    projects = data["projects"]
    check(wb.sheetnames[0] == "部门整体", "first sheet is 部门整体")
    check(len(wb.sheetnames) == len(projects) + 1, "one sheet per project plus the summary")
    for ws in wb.worksheets:
        merged = merges_ok(ws)
        check("A1:I1" in {str(r) for r in ws.merged_cells.ranges}, f"{ws.title}: title merged A1:I1")
    for p, ws in zip(projects, wb.worksheets[1:]):
        t = ws.title
        cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row}
        col = lambda r, c: cells.get((r, c))
        check(ws["A1"].value == "项目支出绩效自评表", f"{t}: title")
        check(ws["A2"].value == f"（{data['department']['fiscal_year']}年度）", f"{t}: year line")
        check(p["name"] in (ws["B3"].value or ""), f"{t}: full project name inside")
        total_row = next((r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "总分"), None)
        check(total_row is not None, f"{t}: 总分 row")
        if total_row:
            h = ws.cell(total_row, 8)
            check(near(h.value, p["score"]), f"{t}: total {h.value!r} != {p['score']}")
            check(h.number_format == "0.00", f"{t}: total format {h.number_format}")
            grade = f"自评等级：{p['grade']}"
            if p.get("incomplete"):
                grade += f"（不完整：{p['incomplete']}）"
            check(ws.cell(total_row, 9).value == grade, f"{t}: grade")
            check(f"A{total_row}:F{total_row}" in {str(r) for r in ws.merged_cells.ranges}, f"{t}: 总分 merged A:F")
        money = next((r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "年度资金总额"), None)
        check(money is not None, f"{t}: 年度资金总额 row")
        if money:
            for c in (3, 4, 6):
                check(is_num(ws.cell(money, c).value), f"{t}: budget cell {c} numeric")
            e = p["execution"]
            if e["rate"] is not None:
                rc = ws.cell(money, 7)
                check(is_num(rc.value) and rc.number_format == "0.00%", f"{t}: 执行率 numeric 0.00%")
            if e["score"] is not None:
                check(near(ws.cell(money, 8).value, e["score"]), f"{t}: execution score")
        # Indicator rows: score numeric where the JSON has one; level cells merged down.
        header = next((r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "一级指标"), None)
        check(header is not None, f"{t}: indicator header")
        if header is None:
            continue
        rows = p["indicators"]
        for i, ind in enumerate(rows):
            r = header + 1 + i
            check(ws.cell(r, 4).value == ind["name"], f"{t}: row {r} name")
            v = ws.cell(r, 8).value
            if ind["score"] is not None:
                check(near(v, ind["score"]), f"{t}: row {r} score {v!r} != {ind['score']}")
            else:
                check(isinstance(v, str), f"{t}: row {r} text for no score")
        runs = []
        for i, ind in enumerate(rows):
            if runs and runs[-1][0] == ind["level1"]:
                runs[-1][2] = i
            else:
                runs.append([ind["level1"], i, i])
        ranges = {str(r) for r in ws.merged_cells.ranges}
        for _, a, b in runs:
            if b > a:
                check(f"B{header + 1 + a}:B{header + 1 + b}" in ranges, f"{t}: level-1 run merged B{header+1+a}")
        check(f"A{header}:A{header + len(rows)}" in ranges, f"{t}: 绩效指标 merged down")
    s = wb["部门整体"]
    d = data["department"]
    tr = next((r for r in range(1, s.max_row + 1) if s.cell(r, 1).value == "总分"), None)
    check(tr is not None and near(s.cell(tr, 8).value, d["score"]), "summary total")
    cr = next((r for r in range(1, s.max_row + 1) if str(s.cell(r, 1).value or "").startswith("项目支出综合得分")), None)
    check(cr is not None and near(s.cell(cr, 7).value, d["projects_composite"]), "summary composite")
    counts = [r for r in range(1, s.max_row + 1) if "的项目数" in str(s.cell(r, 1).value or "")]
    check(len(counts) == len(d["grade_counts"]), "one row per grade")
    check(all(is_num(s.cell(r, 7).value) for r in counts), "grade counts numeric")


def check_template(data, path):
    well_formed(path)
    wb = openpyxl.load_workbook(path)
    sheet_names_ok(wb, path)
    check(len(wb.sheetnames) == len(data["projects"]) + 1, "template: one sheet per project + department")
    lists = 0
    for ws in wb.worksheets:
        merges_ok(ws)
        check(ws.protection.sheet, f"template {ws.title}: protected")
        check([c.value for c in ws[3]] == ["项目编码", "指标编码", "一级指标", "二级指标", "三级指标",
                                           "年度指标值", "实际完成值", "偏差原因", "基期值"],
              f"template {ws.title}: header row")
        for r in range(4, ws.max_row + 1):
            check(ws.cell(r, 6).protection.locked, f"template {ws.title}!F{r} locked")
            check(not ws.cell(r, 7).protection.locked, f"template {ws.title}!G{r} unlocked")
        for dv in ws.data_validations.dataValidation:
            lists += 1
            check(dv.type == "list" and "达成" in (dv.formula1 or "") or "是" in (dv.formula1 or ""),
                  f"template {ws.title}: list {dv.formula1}")
        check(ws.column_dimensions["E"].width >= 10, f"template {ws.title}: 三级指标 width")
    check(lists > 0, "template: qualitative rows have drop-down lists")


def main():
    report_json, report, template = sys.argv[1:4]
    with open(report_json, encoding="utf-8") as f:
        data = json.load(f)
    check_report(data, report)
    check_template(data, template)
    for f in failures:
        print(f)
    print(f"xlsx: {passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
