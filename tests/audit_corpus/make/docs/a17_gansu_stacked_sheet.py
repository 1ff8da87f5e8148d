"""甘肃 district 农业农村局, two national forms stacked on one .xlsx sheet with an empty row
between: a count missed (2700 of ≥3000座) with full marks, and a qualitative row graded 一般
(部分达成) given full marks."""

from grid import Opts, national
from model import Budget, Doc, Table, r
from render import new_workbook, save_xlsx, xlsx_grid, xlsx_put

A = [
    r("数量", "脱毒种薯推广面积", "≥5万亩", "5.3万亩", "15", "15"),
    r("数量", "原种繁育基地面积", "≥2000亩", "2000亩", "10", "10"),
    r("质量", "种薯质量合格率", "≥95%", "97%", "10", "10"),
    r("时效", "种薯发放时间", "2023年4月底前", "2023年4月20日", "10", "10"),
    r("成本", "亩均种薯补贴", "≤100元", "100元", "5", "5"),
    r("经济", "亩均增产", "≥15%", "12%", "15", "12", "春季干旱影响出苗"),
    r("可持续", "良种覆盖率", "≥90%", "92%", "15", "15"),
    r("满意度", "种植户满意度", "≥90%", "95%", "10", "10"),
]
B = [
    r("数量", "改造户厕数", "≥3000座", "2700座", "20", "20", meant="偏高"),
    r("质量", "改厕验收合格率", "≥95%", "96%", "10", "10"),
    r("时效", "改厕任务完成时间", "2023年10月底前", "2023年11月", "10", "7", "冬季施工受限，延期1个月完成"),
    r("成本", "户均改厕补助", "≤2000元", "1980元", "10", "10"),
    r("生态", "粪污无害化处理率", "≥85%", "87%", "15", "15"),
    r("社会", "农村人居环境", "明显改善", "一般", "15", "15", meant="偏高"),
    r("满意度", "改厕农户满意度", "≥85%", "80%", "10", "9.4", "部分农户反映冬季使用不便"),
]
T1 = Table(kind="project", name="马铃薯良种繁育推广项目", dept="定西市安定区农业农村局", unit="定西市安定区马铃薯产业服务中心",
           year=2023, budget=Budget("800", "800", "760", rate="95.00%", score="9.5"), rows=A, total="96.5", grade="优",
           findings=[], goal="推广脱毒种薯5万亩，建设原种繁育基地2000亩。", achieved="推广脱毒种薯5.3万亩，建成原种繁育基地2000亩。")
T2 = Table(kind="project", name="农村户用卫生厕所改造项目", dept="定西市安定区农业农村局", unit="定西市安定区农村环境整治办公室",
           year=2023, budget=Budget("1500", "1350", "1215", rate="90.00%", score="9.0"), rows=B, total="95.4", grade="优",
           findings=[], goal="改造农村户用卫生厕所3000座，粪污无害化处理率85%以上。", achieved="完成改厕2700座，验收合格率96%。")
DOC = Doc(
    source="17-gansu-stacked-sheet.xlsx",
    what="two national forms stacked on one .xlsx sheet, each with its own title rows, an empty row between; the second had its budget cut from 1500 to 1350 (执行率 on the 全年预算数); 2700 of ≥3000座 given 20 of 20; `一般` (部分达成, band [9, 12)) given 15 of 15",
    tables=[T1, T2], exercises=["merged", "several", "qualitative"],
)


def build(path):
    wb = new_workbook()
    ws = wb.active
    ws.title = "自评表"
    row = 1
    for t in (T1, T2):
        xlsx_put(ws, row, 1, "项目支出绩效自评表", row, 9, bold=True, border=False)
        xlsx_put(ws, row + 1, 1, "（2023年度）", row + 1, 9, border=False)
        row = xlsx_grid(ws, national(t, Opts()), row + 2) + 1
    save_xlsx(wb, path)
