"""Draw a grid (see grid.py) into Word, Excel (.xlsx and legacy .xls) or text, with real
merges and deterministic bytes: fixed core properties and fixed zip member times."""

import datetime
import re
import sys
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

# The Word and zip helpers are the import corpus's own (tests/import_corpus/make/).
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "import_corpus" / "make"))
from corpus import normalize_zip  # noqa: E402
from docx_util import new_document, para  # noqa: E402,F401 (the document scripts use them)

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
SCRIPTS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")


# ---- Word

def fill(cell, text):
    """Each `\\n` starts a paragraph, each `\\v` a line break inside one; ASCII and CJK
    stretches go into separate runs, as Word stores them, so a reader must join runs."""
    cell.text = ""
    first = cell.paragraphs[0]
    for run in list(first.runs):
        run._r.getparent().remove(run._r)
    for i, part in enumerate(text.split("\n")):
        p = first if i == 0 else cell.add_paragraph()
        pieces = part.split("\v")
        for j, piece in enumerate(pieces):
            run = None
            for seg in SCRIPTS.findall(piece) or [""]:
                run = p.add_run(seg)
            if j < len(pieces) - 1 and run is not None:
                run.add_break()


def docx_table(doc, grid):
    nrows, ncols, cells = grid
    t = doc.add_table(rows=nrows, cols=ncols)
    t.style = "Table Grid"
    for cell in cells:
        target = t.cell(cell.r, cell.c)
        if cell.r2 != cell.r or cell.c2 != cell.c:
            target = target.merge(t.cell(cell.r2, cell.c2))
        fill(target, cell.text)
    return t


def save_docx(doc, path):
    doc.save(str(path))
    normalize_zip(path)


# ---- Excel

def new_workbook():
    wb = Workbook()
    wb.properties.creator = "Administrator"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def xlsx_put(ws, r, c, value, r2=None, c2=None, bold=False, border=True, numeric=False):
    """Write at 1-based (r, c), merging to (r2, c2). With `numeric`, a number-looking text
    goes in as a number cell, as budget systems export amounts and scores."""
    fmt = None
    if numeric and isinstance(value, str) and re.fullmatch(r"\d+(\.\d+)?", value):
        value = float(value) if "." in value else int(value)
    elif numeric and isinstance(value, str) and (m := re.fullmatch(r"(\d+)(?:\.(\d+))?%", value)):
        places = len(m.group(2) or "")
        value = round(float(value[:-1]) / 100, places + 2)
        fmt = "0." + "0" * places + "%" if places else "0%"
    cell = ws.cell(row=r, column=c, value=value if value != "" else None)
    if fmt:
        cell.number_format = fmt
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    cell.alignment = WRAP
    if bold:
        cell.font = Font(bold=True)
    rr, cc = r2 or r, c2 or c
    if border:
        for i in range(r, rr + 1):
            for j in range(c, cc + 1):
                ws.cell(row=i, column=j).border = BOX
    if rr != r or cc != c:
        ws.merge_cells(start_row=r, start_column=c, end_row=rr, end_column=cc)


def xlsx_grid(ws, grid, top, numeric=False):
    """Draw a grid with its first row at 1-based row `top`; → the row after it."""
    nrows, ncols, cells = grid
    for cell in cells:
        xlsx_put(ws, top + cell.r, 1 + cell.c, cell.text, top + cell.r2, 1 + cell.c2, numeric=numeric)
    ws.column_dimensions["D"].width = 24
    return top + nrows


def xls_grid(ws, grid, top, style):
    """The same grid into a legacy .xls sheet (0-based rows), merges as write_merge."""
    nrows, ncols, cells = grid
    for cell in cells:
        if cell.r2 != cell.r or cell.c2 != cell.c:
            ws.write_merge(top + cell.r, top + cell.r2, cell.c, cell.c2, cell.text, style)
        else:
            ws.write(top + cell.r, cell.c, cell.text, style)
    return top + nrows


def save_xlsx(wb, path):
    wb.save(str(path))
    normalize_zip(path)


# ---- text

def width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def pipe_lines(rows, sep=" | "):
    return [sep.join(cells).rstrip() for cells in rows]


def spaced_lines(rows, gap=2):
    """Columns padded by display width, as PDF-to-text with layout prints them; the widths
    come from the full-width (indicator) lines, and a wider cell elsewhere just pushes on."""
    ncols = max(len(r) for r in rows)
    full = [r for r in rows if len(r) == ncols]
    widths = [max(width(r[c]) for r in full) for c in range(ncols)]
    out = []
    for cells in rows:
        line = ""
        for c, text in enumerate(cells):
            line += text + " " * (max(widths[c] - width(text), 0) + gap)
        out.append(line.rstrip())
    return out


def write_lines(path, lines, newline="\n"):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(newline.join(lines) + newline)
