//! How cost grows with the ladder: the same operations on synthetic ladders of 10 × 10,
//! 100 × 100 and 300 × 300 (101, 10,001 and 90,001 roles), so the README can say how each
//! scales (roster load is twenty reports on the ladder, read cold). Whole-process figures (peak memory of `rungs check`, `rungs path` end to end, start-up)
//! are measured by `benches/startup.sh`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use rungs::date::Clock;
use rungs::export::{self, ExportInput, Format};
use rungs::ladder::{load_str, plan, synthetic_ladder_source};
use rungs::profile::Store;
use rungs::profile::roster::{self, Sort};

mod common;

const SIZES: [usize; 3] = [10, 100, 300];
const ROSTER: usize = 20;

fn scale_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    for n in SIZES {
        let size = format!("{n}x{n}");
        let source = synthetic_ladder_source(n, n);
        let ladder = load_str(&source, "synthetic").unwrap();
        let mut group = c.benchmark_group("scale");
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(2));
        group.warm_up_time(Duration::from_millis(500));

        group.bench_function(BenchmarkId::new("load+validate", &size), |b| {
            b.iter(|| load_str(black_box(&source), "synthetic").unwrap())
        });
        let corner_to_corner =
            common::request(&ladder, "r0-0", &format!("r{}-{}", n - 1, n - 1), 1);
        group.bench_function(BenchmarkId::new("best path", &size), |b| {
            b.iter(|| plan(&ladder, black_box(&corner_to_corner)).unwrap())
        });
        let five = common::request(&ladder, "r0-0", "chief", 5);
        group.bench_function(BenchmarkId::new("five alternatives", &size), |b| {
            b.iter(|| plan(&ladder, black_box(&five)).unwrap())
        });

        let profile = common::planned_profile(n);
        let folder = dir.path().join(&size);
        let store = Store::new(&folder);
        store.create(&profile).unwrap();
        group.bench_function(BenchmarkId::new("profile save", &size), |b| {
            b.iter(|| {
                let mut lock = store.lock(&profile.id).unwrap();
                store.save(black_box(&profile), &mut lock).unwrap()
            })
        });

        let clock = Clock::Pinned(common::day());
        let input = ExportInput::new(&profile, &ladder, &clock);
        for format in Format::ALL {
            let name = format!("export {}", format.name());
            group.bench_function(BenchmarkId::new(name, &size), |b| {
                b.iter(|| black_box(export::render(format, black_box(&input))))
            });
        }

        // A manager's roster of twenty reports on this ladder, read cold (no roster cache): the
        // ladder file is read and checked once, then each profile.
        let roster_dir = dir.path().join(format!("roster-{size}"));
        std::fs::create_dir_all(roster_dir.join("ladders")).unwrap();
        std::fs::write(roster_dir.join("ladders").join("synthetic.ron"), &source).unwrap();
        let reports = Store::new(&roster_dir);
        for i in 0..ROSTER {
            let mut report = profile.clone();
            report.id = format!("report-{i:02}");
            report.name = format!("Report {i:02}");
            reports.create(&report).unwrap();
        }
        let cache = roster_dir.join("cache").join("roster.ron");
        group.bench_function(BenchmarkId::new("roster of 20, cold", &size), |b| {
            b.iter_batched(
                || {
                    let _ = std::fs::remove_file(&cache);
                },
                |()| {
                    let rows = roster::load(&reports, &roster_dir, common::day(), Sort::default());
                    assert_eq!(rows.len(), ROSTER);
                    black_box(rows)
                },
                BatchSize::PerIteration,
            )
        });

        let area = Rect::new(0, 0, 200, 60);
        let mut buffer = Buffer::empty(area);
        let app = common::planner(ladder.clone(), "r0-0", "chief", dir.path());
        group.bench_function(BenchmarkId::new("ladder frame 200x60", &size), |b| {
            b.iter(|| {
                buffer.reset();
                black_box(&app).render(area, &mut buffer);
            })
        });
        group.finish();
    }
}

criterion_group!(benches, scale_benches);
criterion_main!(benches);
