//! The fast `eval --csv` path (each distinct target parsed once, each distinct row scored
//! once, output encoded by hand) must write exactly the bytes of the plain path
//! (`--no-cache`: every row parsed and scored afresh, written by the `csv` crate).
//!
//! Rows are generated from a fixed seed: every target kind, lenient and failing targets,
//! every kind of actual, bad points / years / baselines, 反向 in descriptions, reasons,
//! CJK and English headers, missing optional columns, quoted fields with commas, quotes
//! and newlines, short and long rows, a BOM, bad UTF-8 and unbalanced quotes.

use jixiao::eval_csv::{eval_csv, EvalCsvOptions, EvalCsvSummary};
use jixiao::score::Policy;

/// A small deterministic generator (xorshift64*), so the test needs no extra crates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const TARGETS: &[&str] = &[
    "≥2000份",
    "≥95%",
    "≥95%百分比，服务对象满意度",
    "≥3数量，办案数量",
    "≤10%（反向指标）",
    "≤10%",
    "＜5%",
    ">90%",
    "100%",
    "=100%",
    "≥15万元",
    "≤60分钟",
    "≤2小时 ",
    "90%-95%",
    "80%～90%",
    "[60,80]",
    "±5%",
    "2022年12月底",
    "2022年12月底前完成",
    "12月底前",
    "年底前",
    "2022-06-30",
    "第三季度",
    "比上年同期减少5%",
    "同比增长10%",
    "较上年提高2个百分点",
    "每月2期",
    "每年不少于4次",
    "按年初计划完成",
    "有效提升群众满意度",
    "好",
    "不低于0",
    "≥0份",
    "≥",
    "≤ 个",
    "",
    "   ",
    "≥1,000人次",
    "达到95%以上",
    "0",
    "abc,def",
    "say \"hi\"",
    "多\n行",
    "回车\r≥5件",
];

const ACTUALS: &[&str] = &[
    "2300份",
    "1800份",
    "2000",
    "96%",
    "94.5%",
    "9.5%",
    "12%",
    "0%",
    "0",
    "100.0%",
    "16.2万元",
    "150000元",
    "45分钟",
    "1.5小时",
    "2022年11月20日",
    "2023年1月5日",
    "2022-12-31",
    "11月30日",
    "已完成",
    "未完成",
    "达成",
    "部分达成 75%",
    "部分达成（60%）",
    "未达成",
    "不适用",
    "减少6%",
    "增长8%",
    "172/190",
    "是",
    "否",
    "",
    "  ",
    "很多",
    "2300吨",
    "-5%",
    "1,234份",
    "a,b",
    "\"quoted\"",
    "line\nbreak",
    "cr\rlf\r\n",
];

const POINTS: &[&str] = &["10", "5", "12.5", "0", "", " ", "-3", "ten", "2,5"];
const BASELINES: &[&str] = &["", "200", "2.5%", "100万元", "n/a", "5"];
const YEARS: &[&str] = &["", "2022", "2023年", "22", "abcd"];
const DESCRIPTIONS: &[&str] = &[
    "",
    "服务对象满意度",
    "投诉率（反向指标）",
    "差错率,逆向指标",
    "reverse",
    "说明\"引号\"",
];
const REASONS: &[&str] = &["", "", "", "经费不足", "  ", "原因：\n天气"];

/// One header layout: the column names, in order. `None` in a row means "no such column".
struct Layout {
    headers: Vec<&'static str>,
}

fn layouts() -> Vec<Layout> {
    let l = |h: &[&'static str]| Layout {
        headers: h.to_vec(),
    };
    vec![
        l(&["target", "actual", "points"]),
        l(&["target", "actual"]),
        l(&[
            "id",
            "description",
            "target",
            "actual",
            "points",
            "baseline",
            "fiscal_year",
            "reason",
        ]),
        l(&[
            "绩效指标描述",
            "年度指标值",
            "实际完成值",
            "分值",
            "偏差原因",
        ]),
        l(&["指标值", "实际完成值", "上年值", "年度", "备注"]),
        l(&["\u{feff}actual", "target", "分值", "description"]),
    ]
}

/// Writes one CSV field, quoting it when needed, or sometimes quoting it anyway (the
/// reader must see the same text either way).
fn field(rng: &mut Rng, s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || rng.chance(10) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn value_for(rng: &mut Rng, header: &str, i: usize) -> String {
    let h = header.trim_start_matches('\u{feff}');
    match h {
        "target" | "年度指标值" | "指标值" => rng.pick(TARGETS).to_string(),
        "actual" | "实际完成值" => rng.pick(ACTUALS).to_string(),
        "points" | "分值" => rng.pick(POINTS).to_string(),
        "baseline" | "上年值" => rng.pick(BASELINES).to_string(),
        "fiscal_year" | "年度" => rng.pick(YEARS).to_string(),
        "description" | "绩效指标描述" => rng.pick(DESCRIPTIONS).to_string(),
        "reason" | "偏差原因" => rng.pick(REASONS).to_string(),
        "id" => format!("{i}"),
        _ => rng.pick(&["", "备注", "x,y", "a\rb", "\"q\""]).to_string(),
    }
}

/// A CSV document of `rows` generated rows under `layout`. A pool of rows is reused so
/// that the memo of the fast path is hit as well as missed.
fn document(rng: &mut Rng, layout: &Layout, rows: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let header: Vec<String> = layout.headers.iter().map(|h| field(rng, h)).collect();
    out.extend_from_slice(header.join(",").as_bytes());
    out.extend_from_slice(if rng.chance(50) { b"\r\n" } else { b"\n" });
    let mut pool: Vec<Vec<u8>> = Vec::new();
    for i in 0..rows {
        if !pool.is_empty() && rng.chance(40) {
            let j = rng.below(pool.len());
            out.extend_from_slice(&pool[j].clone());
            continue;
        }
        let mut cells: Vec<String> = layout
            .headers
            .iter()
            .map(|h| {
                let v = value_for(rng, h, i);
                field(rng, &v)
            })
            .collect();
        match rng.below(100) {
            // A short row: the missing cells are padded in the output.
            0..=2 => cells.truncate(1 + rng.below(cells.len())),
            // A long row: not scored; its error names the extra cells.
            3..=4 => cells.push(field(rng, "多余,的")),
            _ => {}
        }
        let mut line = cells.join(",").into_bytes();
        match rng.below(200) {
            0 => line.extend_from_slice(b",\xff\xfe bad utf-8"),
            1 => {
                let mut broken = b"\"unbalanced,".to_vec();
                broken.append(&mut line);
                line = broken;
            }
            _ => {}
        }
        line.extend_from_slice(if rng.chance(20) { b"\r\n" } else { b"\n" });
        out.extend_from_slice(&line);
        pool.push(line);
    }
    out
}

fn run(input: &[u8], cache: bool, fiscal_year: Option<i32>) -> (Vec<u8>, EvalCsvSummary) {
    let mut out = Vec::new();
    let summary = eval_csv(
        input,
        &mut out,
        &Policy::default(),
        EvalCsvOptions { fiscal_year, cache },
    )
    .unwrap_or_else(|e| panic!("input unusable: {}", e.0));
    (out, summary)
}

fn assert_same(input: &[u8], fiscal_year: Option<i32>, what: &str) {
    let (fast, fast_summary) = run(input, true, fiscal_year);
    let (plain, plain_summary) = run(input, false, fiscal_year);
    assert_eq!(fast_summary, plain_summary, "{what}: summaries differ");
    if fast != plain {
        let fast = String::from_utf8_lossy(&fast);
        let plain = String::from_utf8_lossy(&plain);
        let (n, (f, p)) = fast
            .lines()
            .zip(plain.lines())
            .enumerate()
            .find(|(_, (f, p))| f != p)
            .unwrap_or((0, ("<length differs>", "")));
        panic!(
            "{what}: output differs at line {}:\n fast:  {f}\n plain: {p}",
            n + 1
        );
    }
}

#[test]
fn cached_output_is_byte_identical_to_uncached() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut total = 0;
    for (k, layout) in layouts().iter().enumerate() {
        for fy in [None, Some(2022)] {
            let doc = document(&mut rng, layout, 700);
            let (_, summary) = run(&doc, true, fy);
            total += summary.rows;
            assert!(
                summary.rows >= 600,
                "layout {k}: only {} rows",
                summary.rows
            );
            assert!(summary.failed > 0, "layout {k}: no failing rows generated");
            assert!(
                summary.failed < summary.rows,
                "layout {k}: every row failed"
            );
            assert_same(&doc, fy, &format!("layout {k} (fiscal year {fy:?})"));
        }
    }
    assert!(total >= 8000, "only {total} rows checked");
}

#[test]
fn every_target_with_every_actual() {
    let mut doc = String::from("target,actual,points,baseline,description\n");
    for t in TARGETS {
        for a in ACTUALS {
            for (b, d) in [("", ""), ("200", "投诉率（反向指标）")] {
                let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
                doc.push_str(&format!("{},{},10,{b},{}\n", q(t), q(a), q(d)));
            }
        }
    }
    assert_same(doc.as_bytes(), None, "targets × actuals");
    assert_same(doc.as_bytes(), Some(2022), "targets × actuals, 2022");
}

#[test]
fn the_bench_rows_are_identical() {
    // The shape of the peer benchmark's generated `--out-cn` file (benches/README.md), repeated rows and all.
    let mut rng = Rng(20240601);
    let mut doc = String::from("target,actual,points\n");
    let targets = ["≥2000份", "≤10%", "100%", ">500份", "90%-95%", "≥15万元"];
    let units = ["份", "%", "%", "份", "%", "万元"];
    for _ in 0..5000 {
        let k = rng.below(targets.len());
        let n = 50 + rng.below(3000);
        doc.push_str(&format!(
            "{},{}.{}{},10\n",
            targets[k],
            n,
            rng.below(10),
            units[k]
        ));
    }
    assert_same(doc.as_bytes(), None, "bench-shaped rows");
}

/// Rows that differ from the row before in exactly one cell: a memo key that left out any
/// cell the result depends on would reuse the wrong result here.
#[test]
fn rows_differing_in_one_cell() {
    let q = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut doc = String::from("target,actual,points,baseline,fiscal_year,description,reason\n");
    let variants: [[&str; 7]; 8] = [
        ["≥95%", "90%", "10", "", "", "", ""],
        ["≥95%", "90%", "10", "", "", "投诉率（反向指标）", ""],
        ["≥95%", "90%", "10", "", "", "", "经费不足"],
        ["≥95%", "90%", "12", "", "", "", ""],
        ["≥95%", "90%", "10", "", "2023", "", ""],
        ["比上年增长10%", "220", "10", "200", "", "", ""],
        ["比上年增长10%", "220", "10", "210", "", "", ""],
        ["12月底前", "2022年12月20日", "10", "", "2023", "", ""],
    ];
    for t in TARGETS.iter().take(30) {
        for a in ACTUALS.iter().take(20) {
            for v in &variants {
                let mut cells: Vec<String> = v.iter().map(|c| q(c)).collect();
                if v[0] == "≥95%" {
                    cells[0] = q(t);
                    cells[1] = q(a);
                }
                doc.push_str(&cells.join(","));
                doc.push('\n');
            }
        }
    }
    assert_same(doc.as_bytes(), None, "one-cell variants");
    assert_same(doc.as_bytes(), Some(2022), "one-cell variants, 2022");
}

#[test]
fn empty_and_header_only_inputs() {
    for doc in [
        "target,actual\n",
        "target,actual",
        "target,actual\n\n\n",
        "\u{feff}年度指标值,实际完成值\n≥1份,1份\n",
    ] {
        assert_same(doc.as_bytes(), None, &format!("{doc:?}"));
    }
}

/// A row with more cells than the header (an unquoted comma shifts every later cell) is
/// not scored: its error names the extra cells, and the columns stay aligned.
#[test]
fn an_overlong_row_is_not_scored() {
    let input = "target,actual\n≥3,3,extra\n≥3,2\n".as_bytes();
    for cache in [true, false] {
        let (out, summary) = run(input, cache, None);
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(
            text,
            "target,actual,kind,score,achieved,flags,error\n\
             ≥3,3,,,,,这一行有 3 个单元格，但表头只有 2 列（多出：`extra`）；含逗号的单元格要加英文双引号\n\
             ≥3,2,comparison,6.67,false,reason-required,\n"
        );
        assert_eq!((summary.rows, summary.failed), (2, 1));
    }
}
