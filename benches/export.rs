//! Every export of the 100 × 100 synthetic ladder (10,001 roles) with a 20-step plan, milestone
//! due dates and a coaching session. Target (issue 12): each under 50 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rungs::date::Clock;
use rungs::export::{self, ExportInput, Format};
use rungs::ladder::{load_str, synthetic_ladder_source};

mod common;

fn export_benches(c: &mut Criterion) {
    let ladder = load_str(&synthetic_ladder_source(100, 100), "synthetic").unwrap();
    let profile = common::planned_profile(100);
    let clock = Clock::Pinned(common::day());
    let input = ExportInput::new(&profile, &ladder, &clock);
    for format in Format::ALL {
        c.bench_function(
            &format!("export {} (100×100 ladder, 20-step plan)", format.name()),
            |b| b.iter(|| black_box(export::render(format, black_box(&input)))),
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = export_benches
}
criterion_main!(benches);
