"""Print what a corpus document holds (for reviewing by eye): docx tables cell by cell with
their merges, xlsx/xls sheets with merged ranges."""

import sys
import zipfile

from docx import Document
from docx.oxml.ns import qn


def dump_docx(path):
    doc = Document(path)
    body = doc.element.body
    ti = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if text.strip():
                print("P:", text)
        elif child.tag == qn("w:tbl"):
            ti += 1
            print(f"--- table {ti}")
            for ri, tr in enumerate(child.iter(qn("w:tr"))):
                cells = []
                for tc in tr.iter(qn("w:tc")):
                    pr = tc.find(qn("w:tcPr"))
                    span = vm = ""
                    if pr is not None:
                        gs = pr.find(qn("w:gridSpan"))
                        if gs is not None:
                            span = f"<{gs.get(qn('w:val'))}>"
                        v = pr.find(qn("w:vMerge"))
                        if v is not None:
                            vm = "^" if v.get(qn("w:val")) is None else "v"
                    paras = ["".join((n.text or "") if n.tag == qn("w:t") else "↵" for n in p.iter(qn("w:t"), qn("w:br")))
                             for p in tc.iter(qn("w:p"))]
                    cells.append(span + vm + "/".join(paras))
                print(f"{ri + 1:3}:", " | ".join(cells))


def dump_xlsx(path):
    from openpyxl import load_workbook
    wb = load_workbook(path)
    for ws in wb.worksheets:
        print(f"--- sheet {ws.title} merged: {[str(m) for m in ws.merged_cells.ranges]}")
        for row in ws.iter_rows():
            vals = [f"{c.coordinate}={c.value!r}" for c in row if c.value is not None]
            if vals:
                print("  ", " ".join(vals))


def dump_xls(path):
    import xlrd
    wb = xlrd.open_workbook(path, formatting_info=True)
    for ws in wb.sheets():
        print(f"--- sheet {ws.name} merged: {ws.merged_cells}")
        for r in range(ws.nrows):
            vals = [f"{c}={ws.cell_value(r, c)!r}" for c in range(ws.ncols) if ws.cell_value(r, c) != ""]
            if vals:
                print(f"  {r + 1}:", " ".join(vals))


for p in sys.argv[1:]:
    print("=====", p)
    if p.endswith(".docx") and zipfile.is_zipfile(p):
        dump_docx(p)
    elif p.endswith(".xlsx"):
        dump_xlsx(p)
    elif p.endswith(".xls"):
        dump_xls(p)
    else:
        print(open(p, encoding="utf-8", errors="replace").read())
