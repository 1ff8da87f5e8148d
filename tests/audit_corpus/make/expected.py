"""Work a Table through the default policy and the table checks, check the result against
what its author meant, and write the expected TOML with the arithmetic beside every number."""

from decimal import Decimal
from pathlib import Path

from rescore import MISSING_REASON, TOL, d, fmt, grade_of, printed_of, r2, rescore_row, verdict

CORPUS = Path(__file__).resolve().parent.parent


class Mismatch(Exception):
    pass


def q(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def points_of(row):
    p = printed_of(row.points)
    return p if p is not None else Decimal(0)


def weights(rows):
    """分值 after 不适用 points moved to the applicable rows of the same 一级 (shared equally; the
    corpus only moves points where equal and proportional shares agree)."""
    w = [points_of(r) for r in rows]
    for lvl in {r.level1 for r in rows}:
        idx = [i for i, r in enumerate(rows) if r.level1 == lvl]
        na = [i for i in idx if (r := rows[i]).actual and r.actual.strip() == "不适用"]
        moved = sum((w[i] for i in na), Decimal(0))
        rest = [i for i in idx if i not in na]
        if moved and rest:
            share = moved / len(rest)
            if share != r2(share):
                raise Mismatch(f"{lvl}: 不适用 points {moved} do not split evenly")
            for i in rest:
                w[i] += share
            for i in na:
                w[i] = Decimal(0)
    return w


def rate_wrong(printed, spent, adjusted):
    if printed is None:
        return False
    text = printed.strip().rstrip("%")
    places = len(text.split(".")[1]) if "." in text else 0
    true = (spent / adjusted * 100).quantize(Decimal(1).scaleb(-places), "ROUND_HALF_UP")
    return d(text) != true


def budget_check(b):
    adjusted, spent, pts = d(b.adjusted), d(b.spent), d(b.points)
    rate = spent / adjusted
    sc = r2(min(rate, Decimal(1)) * pts)
    printed = printed_of(b.score)
    v = verdict(printed, sc) if printed is not None else "无法复核"
    why = f"{fmt(spent)}/{fmt(adjusted)} = {(rate * 100).quantize(Decimal('0.01'), 'ROUND_HALF_UP')}%"
    why += f"; min(rate, 1) × {fmt(pts)} = {sc}"
    if rate > 1:
        why += " (overspent, capped)"
    return {"rescored": sc, "verdict": v, "why": why, "rate_wrong": rate_wrong(b.rate, spent, adjusted),
            "printed": printed}


def work(t):
    """→ (budget result, row results, findings, totals) for one table."""
    b = budget_check(t.budget)
    ws = weights(t.rows)
    rows = [rescore_row(r, w) for r, w in zip(t.rows, ws)]
    findings = []
    psum = sum((points_of(r) for r in t.rows), Decimal(0)) + d(t.budget.points)
    if psum != 100:
        findings.append("points-sum")
    if b["rate_wrong"]:
        findings.append("rate-wrong")
    if b["verdict"] != "一致":
        findings.append("execution-score-wrong")
    scores = [printed_of(r.score) for r in t.rows] + [b["printed"]]
    ssum = sum((s for s in scores if s is not None), Decimal(0))
    if t.total is not None and abs(ssum - d(t.total)) > TOL:
        findings.append("total-mismatch")
    if t.total is not None and t.grade and grade_of(t.total) != t.grade:
        findings.append("grade-contradicts-total")
    for r, res in zip(t.rows, rows):
        actual = (r.actual or "").strip()
        s, p = printed_of(r.score), printed_of(r.points)
        if actual != "不适用" and s is not None and p is not None and s < p and r.reason.strip() in MISSING_REASON:
            findings.append(f"reason-missing:{r.name}")
        if res["over"]:
            findings.append(f"over-achieved:{r.name}")
        if actual in ("", "—", "/") and s is not None and s > 0:
            findings.append(f"score-without-actual:{r.name}")
    rescored_total = None
    if all("rescored" in x for x in rows):
        rescored_total = sum((x["rescored"] for x in rows), Decimal(0)) + b["rescored"]
    return b, rows, findings, ssum, psum, rescored_total, ws


def check_meant(src, t, b, rows, findings):
    problems = []
    if b["verdict"] != t.budget.meant:
        problems.append(f"budget: {b['verdict']} ({b['why']}), meant {t.budget.meant}")
    for r, res in zip(t.rows, rows):
        if res["verdict"] != r.meant:
            problems.append(f"{r.name}: {res['verdict']} ({res['why']}), meant {r.meant}")
    if set(findings) != set(t.findings):
        problems.append(f"findings {sorted(findings)}, meant {sorted(t.findings)}")
    if problems:
        raise Mismatch(f"{src} / {t.name}:\n  " + "\n  ".join(problems))


def table_toml(t, b, rows, findings, ssum, psum, rescored_total, ws):
    bud = t.budget
    parts = [f"initial = {q(bud.initial)}", f"adjusted = {q(bud.adjusted)}", f"spent = {q(bud.spent)}",
             f"points = {q(fmt(d(bud.points)))}"]
    if bud.rate is not None:
        parts.append(f"rate = {q(bud.rate)}")
    if bud.score is not None:
        parts.append(f"printed_score = {q(bud.score)}")
    parts += [f"rescored = {q(b['rescored'])}", f"verdict = {q(b['verdict'])}"]
    out = ["", "[[tables]]", f"kind = {q(t.kind)}", f"name = {q(t.name)}"]
    if t.code:
        out.append(f"code = {q(t.code)}")
    if t.kind == "project":
        out.append(f"dept = {q(t.dept)}")
        out.append(f"unit = {q(t.unit)}")
    out.append(f"# execution: {b['why']}; {bud.score or 'blank'} printed")
    out.append("budget = { " + ", ".join(parts) + " }")
    out.append(f"# 分值: Σ rows + execution = {fmt(psum)}")
    out.append(f"# 得分: Σ printed = {fmt(ssum)}")
    if t.total is not None:
        out.append(f"printed_total = {q(t.total)}")
    if rescored_total is not None:
        out.append(f"rescored_total = {q(rescored_total)}")
        out.append(f"rescored_grade = {q(grade_of(rescored_total))}")
    if t.grade:
        out.append(f"printed_grade = {q(t.grade)}")
    out.append("findings = [" + ", ".join(q(f) for f in findings) + "]")
    for r, res, w in zip(t.rows, rows, ws):
        out += ["", "[[tables.rows]]", f"level1 = {q(r.level1)}", f"level2 = {q(r.level2)}",
                f"name = {q(r.name)}", f"target = {q(r.target)}"]
        if r.reverse:
            out.append('direction = "reverse"')
        if r.actual not in (None, ""):
            out.append(f"actual = {q(r.actual)}")
        if r.points is not None and r.points.strip() not in ("", "—"):
            out.append(f"points = {q(fmt(d(r.points)))}")
        if w != points_of(r):
            out.append(f"weight = {q(fmt(w))}  # 分值 after 不适用 points moved")
        if r.score is not None and r.score.strip() not in ("", "—"):
            out.append(f"printed_score = {q(r.score)}")
        if "rescored" in res:
            out.append(f"rescored = {q(res['rescored'])}")
        if "band" in res:
            out.append(f"band = {q(res['band'])}")
        out += [f"verdict = {q(res['verdict'])}", f"why = {q(res['why'])}"]
    return out


def write(doc):
    out = [f"source = {q(doc.source)}", f"what = {q(doc.what)}"]
    for t in doc.tables:
        b, rows, findings, ssum, psum, rt, ws = work(t)
        check_meant(doc.source, t, b, rows, findings)
        out += table_toml(t, b, rows, findings, ssum, psum, rt, ws)
    stem = doc.source.rsplit(".", 1)[0]
    (CORPUS / f"{stem}.expected.toml").write_text("\n".join(out) + "\n", encoding="utf-8")
