"""Excel helpers: merged ranges the way budget systems export them, thin borders, fixed
core properties."""

import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from corpus import normalize_zip
from docx_util import runs

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")


def new_workbook():
    wb = Workbook()
    wb.properties.creator = "Administrator"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def put(ws, r, c, value=None, r2=None, c2=None, bold=False, border=True):
    """Write at 1-based (r, c); merge to (r2, c2) when given."""
    cell = ws.cell(row=r, column=c, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # a target like `=100%` is text, not a formula
    cell.alignment = WRAP
    if bold:
        cell.font = Font(bold=True)
    rr = r if r2 is None else r2
    cc = c if c2 is None else c2
    if border:
        for i in range(r, rr + 1):
            for j in range(c, cc + 1):
                ws.cell(row=i, column=j).border = BOX
    if rr != r or cc != c:
        ws.merge_cells(start_row=r, start_column=c, end_row=rr, end_column=cc)
    return cell


def level_cells(ws, r0, rows, c1, c2):
    for label, a, b in runs(rows, lambda r: r.print1):
        put(ws, r0 + a, c1, label, r0 + b, c1)
        for label2, a2, b2 in runs(rows[a:b + 1], lambda r: r.print2):
            if c2 is not None:
                put(ws, r0 + a + a2, c2, label2, r0 + a + b2, c2)


def save(wb, path):
    wb.save(str(path))
    normalize_zip(path)
