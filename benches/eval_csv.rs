//! `jixiao eval --csv` end to end on an in-memory CSV of 100,000 rows shaped like the
//! ZEN comparison's (`gen_rows.py`, see benches/README.md): reading, parsing, scoring, writing.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use jixiao::eval_csv::{eval_csv, EvalCsvOptions};
use jixiao::score::Policy;

mod common;
use common::bench_csv;

const ROWS: usize = 100_000;

fn eval(c: &mut Criterion) {
    let policy = Policy::default();
    let opts = EvalCsvOptions {
        fiscal_year: None,
        cache: true,
    };
    let mut g = c.benchmark_group("eval_csv");
    g.sample_size(10);
    g.throughput(Throughput::Elements(ROWS as u64));
    for (name, unique) in [("100k_bench_rows", false), ("100k_unique_rows", true)] {
        let input = bench_csv(ROWS, unique);
        let mut out = Vec::with_capacity(input.len() * 2);
        g.bench_function(name, |b| {
            b.iter(|| {
                out.clear();
                let summary = eval_csv(black_box(&input[..]), &mut out, &policy, opts);
                black_box(summary.map(|s| s.rows).unwrap_or(0))
            })
        });
    }
    g.finish();
}

criterion_group!(benches, eval);
criterion_main!(benches);
