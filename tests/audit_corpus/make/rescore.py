"""The default policy (财预〔2020〕10号) worked through for each printed row, with the arithmetic
written out so a reviewer can follow it in the expected file. Exact decimals throughout."""

import calendar
import datetime
import re
from decimal import ROUND_HALF_UP, Decimal

TOL = Decimal("0.05")
CENT = Decimal("0.01")
MISSING_REASON = {"", "—", "-", "/", "无"}
NUM = r"(\d+(?:\.\d+)?)"
GE_WORDS = ("≥", ">=", "不低于", "不少于", "大于等于", "达到")
LE_WORDS = ("≤", "<=", "不高于", "不超过", "小于等于", "控制在")
# longest first, so 较好 is 部分达成 and not 好
GRADES = [("基本达成", "部分达成"), ("部分达成", "部分达成"), ("基本达到", "部分达成"), ("基本满意", "部分达成"),
          ("未达成", "未达成"), ("未达到", "未达成"), ("不满意", "未达成"), ("较差", "未达成"),
          ("较好", "部分达成"), ("一般", "部分达成"),
          ("达成", "达成"), ("完成", "达成"), ("显著", "达成"), ("明显", "达成"), ("优秀", "达成"),
          ("良好", "达成"), ("满意", "达成"), ("有效", "达成"), ("好", "达成")]
BANDS = {"达成": (Decimal("0.8"), Decimal("1")), "部分达成": (Decimal("0.6"), Decimal("0.8")),
         "未达成": (Decimal("0"), Decimal("0.6"))}


def d(s):
    return Decimal(str(s).replace(",", "").replace("%", "").strip())


def r2(x):
    return x.quantize(CENT, ROUND_HALF_UP)


def s2(x):
    return str(r2(Decimal(x)))


def fmt(x):
    """A decimal as a person writes it: no trailing zeros."""
    x = Decimal(x)
    if x != r2(x) and len(format(x.normalize(), "f").split(".")[-1]) > 4:
        return f"{r2(x)}…"  # a survey fraction: the arithmetic keeps every digit
    return format(x.normalize(), "f")


def magnitude(num, rest):
    v = d(num)
    if rest.startswith("万") and not rest.startswith("万元"):
        v *= 10000
    elif rest.startswith("亿"):
        v *= 100000000
    return v


def parse_target(text, reverse_mark=False):
    t = text.strip().replace("％", "%")
    if "上年" in t:
        return {"kind": "change"}
    m = re.search(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日|底)?", t)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else calendar.monthrange(y, mo)[1]
        return {"kind": "deadline", "date": datetime.date(y, mo, day)}
    m = re.fullmatch(NUM + r"([^\d\-～~至—]*)\s*[-～~至—]\s*" + NUM + r"(\D*)", t)
    if m:
        return {"kind": "range", "lo": d(m.group(1)), "hi": d(m.group(3))}
    if not re.search(r"\d", t):
        return {"kind": "qualitative", "text": t}
    op = "="
    if t.startswith(GE_WORDS) or t.endswith("以上"):
        op = "≥"
    elif t.startswith(LE_WORDS) or t.endswith(("以下", "以内")):
        op = "≤"
    elif t.startswith(("<", "低于", "小于")):
        op = "<"
    elif t.startswith((">", "高于", "大于", "超过")):
        op = ">"
    m = re.search(NUM + r"(.*)$", t)
    value = magnitude(m.group(1), m.group(2))
    rev = reverse_mark or "反向" in t or op in ("≤", "<")
    return {"kind": "comparison", "op": op, "value": value, "reverse": rev}


def shown(text, value):
    """A number for the `why` text as the document writes it (`2.8亿`, `4.2万`), so the
    arithmetic reads against the form; plain numbers print as decimals."""
    m = re.search(NUM + r"(亿|万(?!元))", text.replace("％", "%"))
    return m.group(0) if m else fmt(value)


def parse_number(text):
    t = text.strip().replace("％", "%")
    m = re.fullmatch(r"(\d+)/(\d+)", t)
    if m:
        return d(m.group(1)) / d(m.group(2)) * 100
    m = re.match(r"^(?:≥|≤|约)?" + NUM + r"(.*)$", t)
    if not m:
        return None
    return magnitude(m.group(1), m.group(2))


def parse_date(text):
    t = text.strip()
    if t in ("已完成", "完成", "按期完成"):
        return "done"
    if t in ("未完成",):
        return "not done"
    m = re.search(r"(\d{4})[年.-](\d{1,2})(?:[月.-](?:(\d{1,2})日?)?)?", t)
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    day = int(m.group(3)) if m.group(3) else calendar.monthrange(y, mo)[1]
    return datetime.date(y, mo, day)


def grade_word(actual, target_text):
    if actual.strip() == target_text.strip():
        return "达成", "the actual repeats the target text"
    for word, grade in GRADES:
        if word in actual:
            return grade, f"`{word}` → {grade}"
    return None, None


def verdict(printed, rescored):
    diff = printed - rescored
    if abs(diff) <= TOL:
        return "一致"
    return "偏高" if diff > 0 else "偏低"


def printed_of(text):
    if text is None or text.strip() in ("", "—", "-", "/"):
        return None
    return d(text)


def rescore_row(row, w):
    """→ dict(rescored, verdict, why, over) for one indicator row with weight w (its 分值 after
    不适用 points moved)."""
    out = {"over": False}
    printed = printed_of(row.score)
    actual = (row.actual or "").strip()
    pr = f"{row.score} printed" if printed is not None else "得分 blank"
    if actual == "不适用":
        out.update(rescored=Decimal("0.00"), verdict="一致",
                   why=f"不适用: scores nothing, its points go to the other rows of the level; {pr}")
        return out
    if actual in ("", "—", "/"):
        out.update(verdict="无法复核", why=f"实际完成值 blank: nothing to rescore; {pr}")
        return out
    tg = parse_target(row.target, row.reverse)
    kind = tg["kind"]
    if kind == "change":
        out.update(verdict="无法复核", why=f"change against 上年 with no 上年 value printed; {pr}")
        return out
    if kind == "qualitative":
        return qualitative(row, w, printed, actual, pr, out)
    if kind == "deadline":
        return deadline(tg, w, printed, actual, pr, out)
    a = parse_number(actual)
    if a is None:
        out.update(verdict="无法复核", why=f"actual `{actual}` is not a number against a numeric target; {pr}")
        return out
    W = fmt(w)
    if re.fullmatch(r"\d+/\d+", actual):
        pre = f"{actual} = {fmt(a)}%; "
    else:
        pre = ""
    if kind == "range":
        lo, hi = tg["lo"], tg["hi"]
        if lo <= a <= hi:
            sc, why = w, f"{fmt(a)} inside [{fmt(lo)}, {fmt(hi)}] → {W}"
        elif a < lo:
            sc = r2(w * a / lo)
            why = f"{fmt(a)} below {fmt(lo)}: {W} × {fmt(a)}/{fmt(lo)} = {s2(sc)}"
        else:
            sc = r2(w * hi / a)
            why = f"{fmt(a)} above {fmt(hi)}: {W} × {fmt(hi)}/{fmt(a)} = {s2(sc)}"
    else:
        t = tg["value"]
        A = fmt(a) if pre else shown(actual, a)
        T = shown(row.target, t)
        if t == 0:
            sc = w if a <= 0 else Decimal(0)
            why = f"target 0: actual {A} → {fmt(sc)}"
        elif tg["reverse"]:
            if a <= t:
                sc, why = w, f"reverse: {A} ≤ {T} → {W}"
            else:
                sc = r2(w * t / a)
                why = f"reverse: {A} > {T}: {W} × {T}/{A} = {s2(sc)}"
            out["over"] = a <= t * Decimal("0.7")
        else:
            met = a > t if tg["op"] == ">" else a >= t
            if met:
                sc, why = w, f"{A} ≥ {T} → {W}"
            elif a <= 0:
                sc, why = Decimal(0), f"actual {A} ≤ 0 → 0"
            else:
                sc = r2(w * a / t)
                why = f"{A}/{T} × {W} = {s2(sc)}"
            out["over"] = a >= t * Decimal("1.3")
        if out["over"]:
            why += f" (actual is {s2(a / t * 100)}% of target)"
    sc = r2(Decimal(sc))
    why = pre + why
    if printed is None:
        out.update(rescored=sc, verdict="无法复核", why=why + "; 得分 blank")
        return out
    out.update(rescored=sc, verdict=verdict(printed, sc), why=f"{why}; {pr}")
    return out


def qualitative(row, w, printed, actual, pr, out):
    grade, how = grade_word(actual, row.target)
    if grade is None:
        out.update(verdict="无法复核", why=f"qualitative, graded by hand: `{actual}` holds no grade word; {pr}")
        return out
    lo, hi = BANDS[grade]
    blo, bhi = r2(w * lo), r2(w * hi)
    band = f"[{blo}, {bhi}]" if grade == "达成" else f"[{blo}, {bhi})"
    if printed is None:
        out.update(verdict="无法复核", why=f"qualitative {how}, band {band}; 得分 blank")
        return out
    if printed < blo - TOL:
        sc, v = blo, "偏低"
    elif printed > bhi + TOL:
        sc, v = bhi, "偏高"
    else:
        sc, v = r2(printed), "一致"
    where = {"一致": "inside", "偏高": "above", "偏低": "below"}[v]
    out.update(rescored=sc, verdict=v, band=band,
               why=f"qualitative, graded by hand: {how}, band {band} of {fmt(w)}; {pr}, {where} the band")
    return out


def deadline(tg, w, printed, actual, pr, out):
    due = tg["date"]
    done = parse_date(actual)
    W = fmt(w)
    if done is None:
        out.update(verdict="无法复核", why=f"deadline {due}: actual `{actual}` is not a date; {pr}")
        return out
    if done == "done":
        sc, why = w, f"deadline {due}: 已完成 (no date) → {W}"
    elif done == "not done":
        sc, why = r2(w * Decimal("0.3")), f"deadline {due}: not done → 30% × {W} = {s2(w * Decimal('0.3'))}"
    elif done <= due:
        sc, why = w, f"deadline {due}: done {done}, on time → {W}"
    else:
        sc = r2(w * Decimal("0.7"))
        why = f"deadline {due}: done {done}, late → 70% × {W} = {s2(sc)}"
    sc = r2(Decimal(sc))
    out.update(rescored=sc, verdict=verdict(printed, sc), why=f"{why}; {pr}")
    return out


def grade_of(total):
    t = Decimal(total)
    return "优" if t >= 90 else "良" if t >= 80 else "中" if t >= 60 else "差"
