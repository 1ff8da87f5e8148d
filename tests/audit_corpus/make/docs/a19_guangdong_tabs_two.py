"""广东 county-level city, two national forms pasted from a spreadsheet as tab-separated text
with CRLF line ends: the first's 总分 (98.3) is a point under its printed scores (99.3); the
second gave a row with no 实际完成值 full marks and paid far more doctors than planned."""

from grid import Opts, as_text_rows, national
from model import Budget, Doc, Table, r
from render import write_lines

A = [
    r("数量", "新建茶园面积", "≥2000亩", "2150亩", "15", "15"),
    r("数量", "茶叶加工生产线", "≥3条", "3条", "10", "10"),
    r("质量", "茶园建设验收合格率", "≥95%", "97%", "10", "10"),
    r("时效", "项目建设完成时间", "2023年12月底前", "2023年12月20日", "10", "10"),
    r("成本", "亩均建设成本", "≤5000元", "5200元", "5", "4.8", "人工成本上涨"),
    r("经济", "茶产业产值", "比上年增长8%", "3.6亿元", "15", "15", meant="无法复核"),
    r("社会", "带动茶农就业", "≥1500人", "1620人", "15", "15"),
    r("满意度", "茶农满意度", "≥90%", "93%", "10", "10"),
]
B = [
    r("数量", "补助乡村医生人数", "≥420人", "560人", "20", "20"),
    r("质量", "补助资金发放准确率", "100%", "", "10", "10", meant="无法复核"),
    r("时效", "补助发放时间", "2023年6月30日前", "2023年6月25日", "10", "10"),
    r("成本", "人均补助标准", "=5000元", "5000元", "10", "10"),
    r("社会", "村卫生站服务能力", "明显提升", "有效提升", "30", "27", "部分村卫生站设备老旧"),
    r("满意度", "村民满意度", "≥85%", "90%", "10", "10"),
]
T1 = Table(kind="project", name="英德红茶产业园建设", dept="英德市农业农村局", unit="英德市茶叶产业发展中心", year=2023,
           budget=Budget("1200", "1200", "1140", rate="95.00%", score="9.5"), rows=A, total="98.3", grade="优",
           findings=["total-mismatch"], goal="新建茶园2000亩，建设茶叶加工生产线3条。", achieved="新建茶园2150亩，建成生产线3条。")
T2 = Table(kind="project", name="乡村医生补助资金", dept="英德市卫生健康局", unit="英德市卫生健康局", year=2023,
           budget=Budget("210", "280", "280", rate="100.00%", score="10"), rows=B, total="97", grade="优",
           findings=["over-achieved:补助乡村医生人数", "score-without-actual:补助资金发放准确率"],
           goal="对在岗乡村医生发放补助，提升村卫生站服务能力。", achieved="补助乡村医生560人，补助资金全部发放。")
DOC = Doc(
    source="19-guangdong-tabs-two.txt",
    what="two national forms pasted from a spreadsheet as tab-separated text, CRLF line ends, a blank line between; 总分 98.3 where the printed scores add to 99.3; `比上年增长8%` with no 上年 value; 560 of ≥420人 (133%); a rate row with no 实际完成值 given 10; `有效提升` → 达成",
    tables=[T1, T2], exercises=["text-tabs", "several", "total-mismatch", "over-achieved", "score-without-actual",
                                "change"],
)


def build(path):
    lines = []
    for t in (T1, T2):
        lines += ["项目支出绩效自评表", "（2023年度）"]
        lines += ["\t".join(cells) for cells in as_text_rows(national(t, Opts()))]
        lines.append("")
    write_lines(path, lines, newline="\r\n")
