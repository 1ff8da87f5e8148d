"""Fills a blank actuals sheet written by `jixiao template` the way an evaluator would,
with the values of a TOML actuals file: a CSV saved by Excel on a Chinese Windows (GBK,
CRLF) or the xlsx workbook. Used by .ci/checks/walkthrough.sh; the filled sheet must then
score exactly like the TOML file.

usage: walkthrough_fill.py ACTUALS.toml DEPT_CODE TEMPLATE OUT   (csv or xlsx by extension)
"""
import csv
import io
import sys
import tomllib


def values(actuals_path, dept_code):
    """(project code or dept code, id) -> (actual, reason, baseline); budget rows too."""
    with open(actuals_path, "rb") as f:
        a = tomllib.load(f)
    out = {}

    def rows(code, table):
        for rid, v in table.items():
            if isinstance(v, str):
                out[(code, rid)] = (v, "", "")
            else:
                out[(code, rid)] = (v.get("actual", ""), v.get("reason", ""), v.get("baseline", ""))

    for code, p in a.get("projects", {}).items():
        for key in ("adjusted_budget", "spent", "summary"):
            if key in p:
                out[(code, key)] = (p[key], "", "")
        rows(code, p.get("rows", {}))
    rows(dept_code, a.get("department", {}).get("rows", {}))
    return out


def fill_csv(vals, template, out):
    with open(template, encoding="utf-8-sig", newline="") as f:
        records = list(csv.reader(f))
    header = records[0]
    col = {name: header.index(name) for name in header}
    code_c, id_c = col["项目编码"], col["指标编码"]
    act_c, why_c, base_c = col["实际完成值"], col["偏差原因分析及改进措施"], col["基期值"]
    filled = 0
    for rec in records[1:]:
        v = vals.get((rec[code_c], rec[id_c]))
        if v:
            rec[act_c], rec[why_c], rec[base_c] = v
            filled += 1
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(records)
    with open(out, "wb") as f:
        f.write(buf.getvalue().encode("gbk"))
    return filled


def fill_xlsx(vals, template, out):
    import openpyxl

    wb = openpyxl.load_workbook(template)
    filled = 0
    for ws in wb.worksheets:
        header = None
        for row in ws.iter_rows():
            if row[0].value == "项目编码":
                header = {c.value: c.column for c in row if c.value}
                continue
            if header is None or row[0].value is None:
                continue
            v = vals.get((str(row[0].value), str(row[header["指标编码"] - 1].value)))
            if v:
                for name, text in zip(("实际完成值", "偏差原因", "基期值"), v):
                    if text:
                        ws.cell(row=row[0].row, column=header[name], value=text)
                filled += 1
    wb.save(out)
    return filled


def main():
    actuals, dept_code, template, out = sys.argv[1:5]
    vals = values(actuals, dept_code)
    fill = fill_xlsx if out.endswith(".xlsx") else fill_csv
    filled = fill(vals, template, out)
    if filled < len(vals):
        sys.exit(f"{out}: filled {filled} of {len(vals)} values; the template lacks some rows")
    print(f"{out}: {filled} values filled")


if __name__ == "__main__":
    main()
