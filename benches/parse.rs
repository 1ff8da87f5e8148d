//! Parsing 指标值 and 实际完成值: the pest grammar plus building the typed AST.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use jixiao::parse::{parse_actual, parse_target, Strictness};

mod common;
use common::{ACTUALS, TARGETS};

fn targets(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse_target");
    g.throughput(Throughput::Elements(TARGETS.len() as u64));
    g.bench_function("mix", |b| {
        b.iter(|| {
            for t in TARGETS {
                let _ = black_box(parse_target(black_box(t), Strictness::Lenient));
            }
        })
    });
    g.finish();
    let mut g = c.benchmark_group("parse_target_one");
    for t in [
        "≥2000份",
        "≤10%（反向指标）",
        "90%-95%",
        "2022年12月底",
        "比上年同期减少5%",
        "按年初计划完成",
    ] {
        g.bench_function(t, |b| {
            b.iter(|| black_box(parse_target(black_box(t), Strictness::Lenient)))
        });
    }
    g.finish();
}

fn actuals(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse_actual");
    g.throughput(Throughput::Elements(ACTUALS.len() as u64));
    g.bench_function("mix", |b| {
        b.iter(|| {
            for a in ACTUALS {
                let _ = black_box(parse_actual(black_box(a)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, targets, actuals);
criterion_main!(benches);
