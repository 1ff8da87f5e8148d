"""Draw a grid (see grid.py) into Word, Excel (.xlsx and legacy .xls) or text, with real
merges and deterministic bytes: fixed core properties and fixed zip member times."""

import datetime
import re
import unicodedata
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_ISO = "2024-01-01T00:00:00Z"
SCRIPTS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")


def normalize_zip(path):
    """Rewrite an OOXML package with fixed member times and core-property dates, so the
    committed bytes change only when the content does."""
    path = Path(path)
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in items:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rf"\g<1>{FIXED_ISO}\g<2>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)


# ---- Word

def new_document(title=""):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    cp = doc.core_properties
    cp.author = "Administrator"
    cp.last_modified_by = "Administrator"
    cp.title = title
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    return doc


def para(doc, text, bold=False, center=False, size=None):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


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
