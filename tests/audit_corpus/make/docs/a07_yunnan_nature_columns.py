"""云南 county 文化和旅游局, Word form with two extra columns (指标性质 before the target,
评（扣）分标准 at the end) and two-decimal scores: a 反向 row whose target is a bare 2% (the
direction only in 指标性质) given full marks though missed, a range target under its band, a
growth target without the 上年 value, a qualitative actual with no grade word."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import docx_table, new_document, para, save_docx

STD = "完成得满分，未完成按比例扣分"
ROWS = [
    r("数量", "送戏下乡演出场次", "≥120场", "126场", "15", "15", nature="正向", std=STD),
    r("数量", "公共文化设施免费开放天数", "≥300天", "312天", "10", "10", nature="正向", std=STD),
    r("质量", "文物安全事故发生率", "2%", "2.5%", "10", "10", reverse=True, meant="偏高", nature="反向", std=STD),
    r("时效", "演出任务完成时间", "2022年11月30日前", "2022年11月", "10", "10", nature="—", std="按期完成得满分"),
    r("成本", "每场演出补助标准", "≤4000元", "4000元", "5", "5", nature="反向", std=STD),
    r("社会", "接待游客人数", "比上年增长5%", "86.5万人次", "10", "10", meant="无法复核", nature="正向", std=STD),
    r("社会", "群众文化获得感", "明显增强", "群众文化获得感进一步增强", "10", "9", "乡镇文化站活动频次偏少",
      meant="无法复核", nature="定性", std="视完成情况评分"),
    r("可持续", "基层文艺队伍数量", "10-15支", "8支", "10", "8", "2支队伍因人员外出解散", nature="区间", std=STD),
    r("满意度", "观演群众满意度", "≥90%", "96%", "10", "10", nature="正向", std=STD),
]
TABLE = Table(
    kind="project", name="公共文化服务体系建设专项资金", dept="宾川县文化和旅游局", unit="宾川县文化馆", year=2022,
    budget=Budget("95", "102.4", "98.6", rate="96.29%", score="9.63",
                  lines=[("其中：当年财政拨款", "95", "102.4", "98.6"), ("上年结转资金", "0", "0", "0"),
                         ("其他资金", "0", "0", "0")]),
    rows=ROWS, total="96.63", grade="优", findings=[],
    goal="开展送戏下乡120场以上，公共文化设施免费开放300天以上，培育基层文艺队伍10-15支。",
    achieved="送戏下乡126场，免费开放312天，现有基层文艺队伍8支。",
)
DOC = Doc(
    source="07-yunnan-nature-columns.docx",
    what="Word form with extra columns 指标性质 (正向/反向/定性/区间, before the target) and 评（扣）分标准 (last); two-decimal scores; a 反向 row with a bare `2%` target missed (2.5%) yet full marks; `10-15支` with 8支 (10 × 8/10); `比上年增长5%` with no 上年 value; a qualitative actual with no grade word",
    tables=[TABLE], exercises=["merged", "extra-columns", "qualitative", "range", "change"],
)


def build(path):
    doc = new_document("项目支出绩效自评表")
    para(doc, "宾川县2022年度项目支出绩效自评表", bold=True, center=True, size=16)
    opts = Opts(extra=[("指标性质", "nature", 3), ("评（扣）分标准", "std", 8)])
    docx_table(doc, national(TABLE, opts))
    save_docx(doc, path)
