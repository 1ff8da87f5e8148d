"""Checks a region workbook with openpyxl against the region CSV: sheets 「汇总」 then
「明细」; 「明细」 has the CSV's lines one for one (codes, ids, scores as number cells with
two decimals) under a frozen header with filters; 「汇总」 lists every department.

usage: xlsx_region_check.py region.csv region.xlsx
"""
import csv
import sys

from checklib import Checks
from decimal import Decimal

import openpyxl


def main():
    csv_path, xlsx_path = sys.argv[1:3]
    # The region CSV written to a file starts with a BOM for Excel.
    with open(csv_path, encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f)]
    lines = [r for r in rows if r["scope"] != "region"]
    depts = [r for r in rows if r["scope"] == "region" and r["row"] == "department"]
    wb = openpyxl.load_workbook(xlsx_path)
    checks = Checks("the CSV")
    check = checks.check

    check("sheets", wb.sheetnames, ["汇总", "明细"])
    ws = wb["明细"]
    check("frozen header", ws.freeze_panes, "A2")
    check("filter", bool(ws.auto_filter.ref), True)
    check("rows", ws.max_row - 1, len(lines))
    for i, line in enumerate(lines, start=2):
        where = f"明细 row {i}"
        check(f"{where} department", ws.cell(i, 1).value, line["department"])
        check(f"{where} id", ws.cell(i, 6).value or "", line["id"])
        if line["score"]:
            c = ws.cell(i, 13)
            check(f"{where} score type", c.data_type, "n")
            check(f"{where} score", Decimal(str(c.value)).quantize(Decimal("0.01")), Decimal(line["score"]))
            check(f"{where} score format", c.number_format, "0.00")
    summary = [[c for c in r] for r in wb["汇总"].iter_rows(values_only=True)]
    codes = {r[0] for r in summary if r and r[0]}
    for d in depts:
        check(f"汇总 lists {d['department']}", d["department"] in codes, True)
    checks.finish(f"region workbook ({len(lines)} rows, {len(depts)} departments)")


if __name__ == "__main__":
    main()
