"""四川 county 教育和体育局, the national form turned from PDF to text with its layout kept
(columns padded by display width): a 不适用 row with 分值 `—` and 得分 0, full-width ％, and
良 printed under 98.3."""

from grid import Opts, as_text_rows, national
from model import Budget, Doc, Table, r
from render import spaced_lines, write_lines

ROWS = [
    r("数量", "维修改造学校数量", "≥12所", "12所", "15", "15"),
    r("数量", "维修改造校舍面积", "≥2.6万平方米", "2.4万平方米", "15", "13.8", "1所学校因规划调整暂缓实施"),
    r("数量", "新建学生食堂", "≥1所", "不适用", "—", "0", "食堂建设纳入2025年计划，分值调整至同级指标"),
    r("质量", "工程验收合格率", "100%", "100%", "10", "10"),
    r("时效", "项目完工时间", "2024年8月31日前", "2024年8月28日", "10", "10"),
    r("社会", "校舍安全隐患", "全面消除", "全面消除", "15", "15"),
    r("可持续", "维修后校舍使用年限", "≥10年", "10年", "15", "15"),
    r("满意度", "师生满意度", "≥95％", "96％", "10", "10"),
]
TABLE = Table(
    kind="project", name="中小学校舍维修改造项目", dept="珙县教育和体育局", unit="珙县教育和体育局", year=2024,
    budget=Budget("856", "856", "813.2", rate="95.00%", score="9.5",
                  lines=[("其中：当年财政拨款", "856", "856", "813.2"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="98.3", grade="良", findings=["grade-contradicts-total"],
    goal="维修改造中小学校舍12所、2.6万平方米，全面消除校舍安全隐患。", achieved="完成12所学校维修改造2.4万平方米。",
)
DOC = Doc(
    source="20-sichuan-layout-spaces.txt",
    what="PDF-to-text with the layout kept: cells padded with spaces by display width, merged-down cells blank on later lines; a 不适用 row printed with 分值 `—` and 得分 0; full-width `≥95％`/`96％`; 2.4万 of ≥2.6万平方米 (15 × 24000/26000 = 13.85, 13.8 printed); grade 良 under 98.3",
    tables=[TABLE], exercises=["text-spaces", "不适用", "one-decimal", "grade"],
)


def build(path):
    lines = ["项目支出绩效自评表", "（2024年度）", ""]
    lines += spaced_lines(as_text_rows(national(TABLE, Opts())))
    lines += ["", "                                   — 1 —"]
    write_lines(path, lines)
