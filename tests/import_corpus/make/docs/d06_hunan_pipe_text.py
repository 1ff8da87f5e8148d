"""湖南 county bureau page copied from a web notice: the table flattened with `|`, merged
cells left empty on the following lines, 效果指标 and short 二级 labels (数量/质量…),
a 分值 column, stray spaces around pipes, full-width colons and brackets."""

from corpus import Doc, Project, Row
from text_util import write_lines

ROWS = [
    Row("数量", "送戏下乡演出场次", "≥120场", "产出指标", "数量", "20"),
    Row("数量", "惠及群众", "≥3万人次", "产出指标", "数量", "10"),
    Row("质量", "演出剧目审查通过率", "100%", "产出指标", "质量", "10"),
    Row("时效", "演出任务完成时间", "2023年11月30日前", "产出指标", "时效", "5"),
    Row("成本", "每场演出补助标准", "≤4000元", "产出指标", "成本", "5"),
    Row("社会", "群众文化生活", "进一步丰富", "效果指标", "社会效益", "20"),
    Row("可持续", "基层文艺团队培育", "≥8支", "效果指标", "可持续影响", "10"),
    Row("满意度", "观演群众满意度", "≥95%", "满意度指标", "满意度", "10"),
]

DOC = Doc(
    source="06-hunan-pipe-text.txt",
    fiscal_year=2023,
    department_name="桃江县文化旅游广电体育局",
    what="web notice copied as text, tables flattened with `|` (stray spaces around pipes, merged cells empty on later lines); 效果指标 and short 二级 labels (数量, 社会效益, 满意度); 分值 column; 年度预算金额(万元) label with unit in the label; 项目期限 with a dash",
    variations=[1, 3, 4, 5, 8, 10],
    projects=[Project("文化惠民送戏下乡项目", "48.6", ROWS, fiscal_funds="48.6", other_funds="0")],
)


def table_lines():
    out = ["一级指标 | 二级指标 | 三级指标 | 指标值 | 分值"]
    prev1 = prev2 = None
    for r in ROWS:
        c1 = r.print1 if r.print1 != prev1 else ""
        c2 = r.print2 if (r.print2, r.print1) != (prev2, prev1) else ""
        out.append(f"{c1} | {c2} | {r.name} | {r.target} | {r.points}".strip())
        prev1, prev2 = r.print1, r.print2
    return out


def build(path):
    lines = [
        "桃江县文化旅游广电体育局2023年项目支出绩效目标表",
        "",
        "项目名称 | 文化惠民送戏下乡项目 | 主管部门 | 桃江县文化旅游广电体育局",
        "实施单位 | 桃江县文化馆 | 项目负责人 | 刘志强",
        "项目期限 | 2023年1月—2023年12月 | 联系电话 | 0737-8822316",
        "年度预算金额(万元) | 48.6 | 其中：财政拨款 | 48.6 | 其他资金 | 0",
        "年度绩效目标 | 全年完成送戏下乡演出120场以上，惠及群众3万人次，丰富基层群众文化生活；培育基层文艺团队8支。",
        "",
    ] + table_lines()
    write_lines(path, lines)
