"""浙江 county 住建局, the form cut into two Word tables (info and money, then indicators) with
the level labels written on every row (no merges): a 不适用 row keeps its 10 points and the
other 效益 rows keep theirs, so under the default policy those rows are worth 15 and the unit
under-scored itself; 总分 typed 90.6 where the printed scores add to 89.6."""

from grid import Opts, national, split_at_indicators
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

ROWS = [
    r("数量", "老旧小区改造个数", "≥12个", "12个", "15", "15"),
    r("数量", "改造惠及居民户数", "≥3200户", "3350户", "10", "10"),
    r("质量", "竣工验收合格率", "100%", "100%", "10", "10"),
    r("时效", "改造完工时间", "2023年12月底前", "2023年12月28日", "10", "10"),
    r("成本", "户均改造成本", "≤1.2万元", "1.16万元", "5", "5"),
    r("经济", "带动社会资本投入", "≥500万元", "不适用", "10", "0", "本年度改造项目未引入社会资本"),
    r("社会", "小区公共服务设施配套率", "≥90%", "95%", "10", "10", meant="偏低"),
    r("可持续", "长效管理机制覆盖率", "100%", "100%", "10", "10", meant="偏低"),
    r("满意度", "居民满意度", "≥90%", "93%", "10", "10"),
]
TABLE = Table(
    kind="project", name="城镇老旧小区改造项目", dept="缙云县住房和城乡建设局", unit="缙云县住房和城乡建设局", year=2023,
    budget=Budget("1680", "1720", "1651.2", rate="96%", score="9.6",
                  lines=[("其中：当年财政拨款", "1280", "1320", "1251.2"), ("上年结转资金", "400", "400", "400"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="90.6", grade="优", findings=["total-mismatch"],
    goal="完成12个老旧小区改造，惠及居民3200户以上。", achieved="完成12个老旧小区改造，惠及居民3350户，全部竣工验收合格。",
)
DOC = Doc(
    source="08-zhejiang-two-tables.docx",
    what="form cut into two Word tables (info + money + goal, then the indicator block with 总分); level labels on every row, no merges; a 不适用 row keeping its 10 points with 得分 0 while the other 效益 rows keep 10 each (the policy moves the 10 to them: 15 each, so they read 偏低); 总分 90.6 where the printed scores add to 89.6",
    tables=[TABLE], exercises=["two-tables", "不适用", "total-mismatch"],
)


def build(path):
    doc = new_document("项目支出绩效自评表")
    para(doc, "项目支出绩效自评表", bold=True, center=True, size=16)
    para(doc, "（2023年度）", center=True)
    info, indicators = split_at_indicators(national(TABLE, Opts(repeat_levels=True)))
    docx_table(doc, info)
    para(doc, "")
    docx_table(doc, indicators)
    save_docx(doc, path)
