//! Loading and validating a department of 14 projects (the seed folder): the loader alone,
//! and the loader plus every `check` rule. Target: well under 10 ms in release builds.

use criterion::{criterion_group, criterion_main, Criterion};
use jixiao::check::{check_folder, CheckOptions};
use jixiao::policy::builtin_policy;
use jixiao::scorecard::load::load_department;
use std::hint::black_box;
use std::path::Path;

fn bench(c: &mut Criterion) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("scorecards/zunhua-sfj-2022");
    let policy = builtin_policy();
    c.bench_function("load zunhua-sfj-2022", |b| {
        b.iter(|| load_department(black_box(&folder)).is_ok())
    });
    c.bench_function("load + check zunhua-sfj-2022", |b| {
        b.iter(|| {
            check_folder(black_box(&folder), &policy, CheckOptions::default())
                .diagnostics
                .len()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
