//! Scoring the seed department (14 projects, 126 rows + 14 department rows) with its
//! example actuals: load once, then time `evaluate`, and load + evaluate together.

use criterion::{criterion_group, criterion_main, Criterion};
use jixiao::actuals::load_actuals;
use jixiao::evaluate::evaluate;
use jixiao::policy::builtin_policy;
use jixiao::scorecard::load::load_department;
use std::hint::black_box;
use std::path::Path;

fn bench(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scorecards/zunhua-sfj-2022");
    let Ok((dept, _)) = load_department(&root) else {
        return;
    };
    let Ok(actuals) = load_actuals(&root.join("actuals.toml"), &dept.code) else {
        return;
    };
    let policy = builtin_policy();
    c.bench_function("evaluate seed department", |b| {
        b.iter(|| evaluate(black_box(&dept), black_box(&actuals), black_box(&policy)))
    });
    c.bench_function("load + evaluate seed department", |b| {
        b.iter(|| {
            load_department(&root).ok().map(|(d, _)| {
                let a = load_actuals(&root.join("actuals.toml"), &d.code).unwrap_or_default();
                evaluate(&d, &a, &policy)
            })
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
