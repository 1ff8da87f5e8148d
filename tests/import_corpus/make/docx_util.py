"""Word helpers: real gridSpan/vMerge merges via python-docx, cells with several paragraphs,
宋体 as East Asian font, fixed core properties."""

import datetime
import re

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from corpus import normalize_zip

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)
SCRIPTS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


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


def table(doc, nrows, ncols):
    t = doc.add_table(rows=nrows, cols=ncols)
    t.style = "Table Grid"
    return t


def fill(cell, text):
    """Set a cell's text; each `\\n` starts a new paragraph (Enter) and each `\\v` a line
    break inside the paragraph (Shift+Enter), the two ways Word users put a label on two
    lines. ASCII and CJK stretches go into separate runs, as Word stores them when the two
    scripts use different fonts, so a reader must join runs."""
    parts = text.split("\n")
    cell.text = ""
    first = cell.paragraphs[0]
    for r in list(first.runs):
        r._r.getparent().remove(r._r)
    for i, part in enumerate(parts):
        p = first if i == 0 else cell.add_paragraph()
        pieces = part.split("\v")
        for j, piece in enumerate(pieces):
            segments = SCRIPTS.findall(piece) or [""]
            for seg in segments:
                run = p.add_run(seg)
            if j < len(pieces) - 1:
                run.add_break()


def put(t, r, c, text="", r2=None, c2=None):
    cell = t.cell(r, c)
    if (r2 is not None and r2 != r) or (c2 is not None and c2 != c):
        cell = cell.merge(t.cell(r if r2 is None else r2, c if c2 is None else c2))
    fill(cell, text)
    return cell


def runs(rows, key):
    """Split consecutive rows into runs with the same key (for level cells merged down)."""
    out = []
    for i, r in enumerate(rows):
        k = key(r)
        if out and out[-1][0] == k:
            out[-1][2] = i
        else:
            out.append([k, i, i])
    return out


def level_cells(t, r0, rows, c1, c2):
    """Write 一级 (column c1) and 二级 (column c2) merged down over their rows."""
    for label, a, b in runs(rows, lambda r: r.print1):
        put(t, r0 + a, c1, label, r0 + b, c1)
        for label2, a2, b2 in runs(rows[a:b + 1], lambda r: r.print2):
            if c2 is not None:
                put(t, r0 + a + a2, c2, label2, r0 + a + b2, c2)


def save(doc, path):
    doc.save(str(path))
    normalize_zip(path)
