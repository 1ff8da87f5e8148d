"""Read every committed document back on its own (without the generator's data) and check that
each expected file says what the document prints: every row's 三级指标, target, actual, 分值
and 得分 on one line of the document, each table's name, execution line, 总分 and 等级.
Catches a document and its expected file drifting apart. Usage: python3 verify.py [--dump] [NN…]"""

import re
import sys
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent


def docx_lines(path):
    from docx import Document
    out = []
    for t in Document(path).tables:
        for row in t.rows:
            cells, seen = [], set()
            for c in row.cells:
                if id(c._tc) not in seen:
                    seen.add(id(c._tc))
                    cells.append(c.text)
            out.append(cells)
    return out


def xlsx_value(cell):
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, (int, float)) and "%" in cell.number_format:
        places = len(cell.number_format.split(".")[1].rstrip("%")) if "." in cell.number_format else 0
        return f"{Decimal(repr(v)) * 100:.{places}f}%"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def xlsx_lines(path):
    from openpyxl import load_workbook
    out = []
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            out.append([xlsx_value(c) for c in row])
    return out


def xls_lines(path):
    import xlrd
    out = []
    for ws in xlrd.open_workbook(path).sheets():
        for r in range(ws.nrows):
            out.append([str(ws.cell_value(r, c)) for c in range(ws.ncols)])
    return out


def txt_lines(path):
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    if "\n\t" in text and not re.search(r"[^\t\n]\t", text):  # Word text export: a cell per line, rows end at blank lines
        rows, cur = [], []
        for line in text.split("\n"):
            if line.startswith("\t"):
                cur.append(line[1:])
            elif cur:
                rows.append(cur)
                cur = []
        return rows
    out = []
    for line in text.split("\n"):
        if "|" in line:
            out.append([c.strip() for c in line.split("|")])
        elif "\t" in line:
            out.append(line.split("\t"))
        else:
            out.append(re.split(r"\s{2,}", line.strip()))
    return out


def lines_of(path):
    ext = path.suffix
    return {".docx": docx_lines, ".xlsx": xlsx_lines, ".xls": xls_lines, ".txt": txt_lines}[ext](path)


def same(a, b):
    """Cell text equals the expected text, as text or as a decimal (`15.0` = `15`, `10%` = `10`)."""
    a, b = a.strip(), str(b).strip()
    if a == b:
        return True
    try:
        return Decimal(a.rstrip("%")) == Decimal(b.rstrip("%"))
    except InvalidOperation:
        return False


def has_line(lines, wanted):
    return any(all(any(same(c, w) for c in cells) for w in wanted) for cells in lines)


def check(exp_path):
    want = tomllib.loads(exp_path.read_text(encoding="utf-8"))
    lines = lines_of(CORPUS / want["source"])
    problems = []
    for t in want["tables"]:
        b = t["budget"]
        money = [b["initial"], b["adjusted"], b["spent"]] + [b[k] for k in ("rate", "printed_score") if k in b]
        if not has_line(lines, money):
            problems.append(f"{t['name']}: no line with the execution figures {money}")
        if not any(t["name"] in c for cells in lines for c in cells):
            problems.append(f"{t['name']}: name not in the document")
        total = [t[k] for k in ("printed_total",) if k in t]
        if total and not has_line(lines, total):
            problems.append(f"{t['name']}: 总分 {total} not found")
        if "printed_grade" in t and not any(t["printed_grade"] in c for cells in lines for c in cells):
            problems.append(f"{t['name']}: grade {t['printed_grade']} not found")
        for r in t["rows"]:
            wanted = [r["name"], r["target"]] + [r[k] for k in ("actual", "points", "printed_score") if k in r]
            if not has_line(lines, wanted):
                problems.append(f"{t['name']} / {r['name']}: no line holding {wanted}")
    return problems


def main():
    args = sys.argv[1:]
    dump = "--dump" in args
    only = [a for a in args if a != "--dump"]
    bad = 0
    for p in sorted(CORPUS.glob("*.expected.toml")):
        if only and not any(p.name.startswith(o) for o in only):
            continue
        if dump:
            src = tomllib.loads(p.read_text(encoding="utf-8"))["source"]
            for cells in lines_of(CORPUS / src):
                print(" | ".join(cells))
            continue
        problems = check(p)
        bad += bool(problems)
        print(("FAIL " if problems else "ok   ") + p.name)
        for line in problems:
            print("    " + line)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
