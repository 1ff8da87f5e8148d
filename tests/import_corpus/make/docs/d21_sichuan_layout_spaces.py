"""四川 district bureau, a PDF turned to text with its layout kept: columns separated by runs
of spaces, a merged level cell printed once on the first line of its block, 绩效标准 column,
项目完成指标 / 项目效益指标 labels, 年初安排数."""

import unicodedata

from corpus import Doc, Project, Row
from text_util import write_lines

P, E = "项目完成指标", "项目效益指标"
SPEC = [
    (Row("数量", "维修改造学校数量", "≥12所", P), "完成得满分"),
    (Row("数量", "维修改造校舍面积", "≥2.6万平方米", P), "按比例得分"),
    (Row("质量", "工程验收合格率", "100%", P), "未达标不得分"),
    (Row("时效", "项目完工时间", "2022年8月31日前", P), "逾期不得分"),
    (Row("成本", "工程结算审减率", "≤5%", P), "超出不得分"),
    (Row("社会", "校舍安全隐患", "全面消除", E), "视情况评分"),
    (Row("可持续", "维修后校舍使用年限", "≥10年", E), "完成得满分"),
    (Row("满意度", "师生满意度", "≥95％"), "按比例得分"),
]
ROWS = [s[0] for s in SPEC]

DOC = Doc(
    source="21-sichuan-layout-spaces.txt",
    fiscal_year=2022,
    department_name="宜宾市翠屏区教育和体育局",
    what="PDF-to-text with layout: columns separated by runs of spaces (CJK text padded by display width), merged level cells printed once, 项目完成指标/项目效益指标, 绩效标准 column, a full-width `≥95％` kept as written, 年初安排数 with 其中：财政拨款 and 其他资金 on one line",
    variations=[1, 3, 4, 5, 8, 10],
    projects=[Project("翠屏区中小学校舍维修改造项目", "856", ROWS, fiscal_funds="856", other_funds="0")],
)


def width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def line(cells, widths):
    out = ""
    for cell, w in zip(cells, widths):
        out += cell + " " * max(2, w - width(cell))
    return out.rstrip()


def build(path):
    w = [18, 18, 28, 18, 14]
    lines = [
        " " * 28 + "2022年项目支出绩效目标表",
        "",
        line(["填报单位：宜宾市翠屏区教育和体育局", "", "", "", "单位：万元"], [56, 10, 10, 8, 10]),
        line(["项目名称", "翠屏区中小学校舍维修改造项目"], [14, 40]),
        line(["主管部门", "宜宾市翠屏区教育和体育局", "实施单位", "区属中小学校"], [14, 30, 12, 20]),
        line(["年初安排数", "856.00", "其中：财政拨款", "856.00", "其他资金", "0.00"], [14, 12, 16, 12, 10, 8]),
        line(["年度目标", "完成12所中小学校舍维修改造，消除校舍安全隐患，改善办学条件。"], [14, 70]),
        "",
        line(["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"], w),
    ]
    prev1 = prev2 = None
    for r, std in SPEC:
        c1 = r.print1 if r.print1 != prev1 else ""
        c2 = r.print2 if (r.print1, r.print2) != (prev1, prev2) else ""
        lines.append(line([c1, c2, r.name, r.target, std], w))
        prev1, prev2 = r.print1, r.print2
    lines += ["", " " * 30 + "— 1 —"]
    write_lines(path, lines)
