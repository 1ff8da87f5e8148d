//! Scoring rows whose target and actual are already parsed (`score_row` alone).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use jixiao::model::{ActualValue, Quantity};
use jixiao::parse::{parse_actual, parse_target, Strictness};
use jixiao::score::{score_row, Policy, RowInput};
use rust_decimal::Decimal;

mod common;
use common::ROWS;

fn score(c: &mut Criterion) {
    let policy = Policy::default();
    let mut parsed = Vec::new();
    for &(t, a, base) in ROWS {
        let (Ok(t), Ok(a)) = (parse_target(t, Strictness::Lenient), parse_actual(a)) else {
            panic!("bench row `{t}` / `{a}` does not parse");
        };
        let baseline: Option<Quantity> =
            base.map(|b| match parse_actual(b).map(|p| p.value.value) {
                Ok(ActualValue::Number { quantity }) => quantity,
                _ => panic!("bench baseline `{b}` is not a number"),
            });
        parsed.push((t.value, a.value, baseline));
    }
    let inputs: Vec<RowInput<'_>> = parsed
        .iter()
        .map(|(t, a, base)| RowInput {
            target: t,
            actual: Some(a),
            points: Decimal::from(10),
            baseline: base.as_ref(),
            fiscal_year: 2022,
            description_reverse: false,
            direction_override: None,
            formula_override: None,
            reason: None,
        })
        .collect();
    let mut g = c.benchmark_group("score_row");
    g.throughput(Throughput::Elements(inputs.len() as u64));
    g.bench_function("mix", |b| {
        b.iter(|| {
            for input in &inputs {
                black_box(score_row(black_box(input), &policy));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, score);
criterion_main!(benches);
