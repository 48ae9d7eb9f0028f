//! Loading, validating and planning on the bundled ladder and a generated 100 × 100 ladder.
//! Targets (PRODUCT.md §5): load + validate under 50 ms, best path under 5 ms, five
//! alternatives under 50 ms, all on the 10,000-role ladder.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rungs::ladder::{BUNDLED, load_str, plan, synthetic_ladder_source};

mod common;
use common::request;

fn ladder_benches(c: &mut Criterion) {
    let bundled_src = BUNDLED[0].1;
    let big_src = synthetic_ladder_source(100, 100);

    c.bench_function("load+validate bundled", |b| {
        b.iter(|| load_str(black_box(bundled_src), "bundled").unwrap())
    });
    c.bench_function("load+validate 100x100", |b| {
        b.iter(|| load_str(black_box(&big_src), "big").unwrap())
    });

    let bundled = load_str(bundled_src, "bundled").unwrap();
    let big = load_str(&big_src, "big").unwrap();
    let best_bundled = request(&bundled, "sysadmin", "cio", 1);
    let best_big = request(&big, "r0-0", "chief", 1);
    let five_big = request(&big, "r0-0", "chief", 5);
    let across_big = request(&big, "r0-0", "r99-99", 1);

    c.bench_function("best path bundled", |b| {
        b.iter(|| plan(&bundled, black_box(&best_bundled)).unwrap())
    });
    c.bench_function("best path 100x100", |b| {
        b.iter(|| plan(&big, black_box(&best_big)).unwrap())
    });
    c.bench_function("best path 100x100 corner to corner", |b| {
        b.iter(|| plan(&big, black_box(&across_big)).unwrap())
    });
    c.bench_function("five alternatives 100x100", |b| {
        b.iter(|| plan(&big, black_box(&five_big)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = ladder_benches
}
criterion_main!(benches);
