//! A manager's roster: 200 profiles, each with 1,000 milestone records and 100 coaching
//! sessions (notes, a built agenda, two action items each — most done within two sessions,
//! one in ten left open — and private notes), read from disk and summed up. Target (issue 11):
//! under 150 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rungs::date::Date;
use rungs::ladder::{BUNDLED, load_str};
use rungs::profile::roster::{self, Sort};
use rungs::profile::rules::{self, SessionStart};
use rungs::profile::{MilestoneProgress, Profile, Status, Store};

const PROFILES: usize = 200;
const MILESTONES: usize = 1_000;
const SESSIONS: usize = 100;

fn busy_profile(n: usize) -> Profile {
    let ladder = load_str(BUNDLED[0].1, "bundled").expect("the bundled ladder");
    let mut p = Profile::new(
        format!("person-{n:03}"),
        format!("Person {n:03}"),
        "it-leadership".into(),
        "sysadmin".into(),
    );
    p.target_role = Some("cio".into());
    let day = Date::new(2024, 10, 4).expect("a real date");
    let ids: Vec<String> = ladder
        .levels()
        .iter()
        .flat_map(|l| l.milestones.iter().map(|m| m.id.clone()))
        .collect();
    for i in 0..MILESTONES {
        // The ladder's own milestones first, so readiness has something to count.
        let id = ids
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("milestone-{i:05}"));
        p.milestones.insert(
            id,
            MilestoneProgress {
                seq: 0,
                status: [Status::Todo, Status::Doing, Status::Done][i % 3],
                changed: day,
                due: (i % 2 == 0).then(|| day.plus_days(i as i64 % 90).expect("a date")),
                note: format!("evidence note number {i}"),
            },
        );
    }
    for s in 0..SESSIONS {
        let date = day.plus_days(7 * s as i64).expect("a date");
        // Most action items are done within two sessions; one in ten lingers for ten.
        for (i, action) in p.actions.iter_mut().enumerate() {
            let weeks = if i % 10 == 0 { 10 } else { 2 };
            if action.added.days_since_epoch() + 7 * weeks <= date.days_since_epoch() {
                action.status = Status::Done;
            }
        }
        let start = SessionStart {
            notes: format!("Session {s}: talked about the plan.\nAgreed next steps."),
            private_notes: format!("Private thoughts after session {s}"),
            actions: vec![format!("Action {s}a"), format!("Action {s}b")],
        };
        let (change, _) = rules::start_session(&p, &ladder, date, start);
        change.apply(&mut p).expect("a new session applies");
    }
    p
}

fn roster_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let template = busy_profile(0);
    for n in 0..PROFILES {
        let mut p = template.clone();
        p.id = format!("person-{n:03}");
        p.name = format!("Person {n:03}");
        store.create(&p).unwrap();
    }
    let bytes = std::fs::metadata(store.path_of("person-000")).map_or(0, |m| m.len());
    eprintln!("each profile file: {} KiB", bytes / 1024);
    let today = Date::new(2026, 11, 25).unwrap();
    c.bench_function("load one of them", |b| {
        b.iter(|| black_box(store.load("person-000").unwrap()))
    });
    let roster = || {
        let rows = roster::load(&store, dir.path(), today, Sort::default());
        assert_eq!(rows.len(), PROFILES);
        rows
    };
    // The planner reads the roster each time tab 4 comes into view: the files that have not
    // changed since come from the roster's cache. This is the figure the target is about.
    roster();
    c.bench_function(
        "roster of 200 profiles × 1,000 milestones × 100 sessions, files unchanged",
        |b| b.iter(|| black_box(roster())),
    );
    // The first roster on a machine, or after every profile changed: each file read in full.
    let cache = dir.path().join("cache").join("roster.ron");
    c.bench_function("the same roster cold (every file read)", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_file(&cache);
            },
            |()| black_box(roster()),
            criterion::BatchSize::PerIteration,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(10));
    targets = roster_benches
}
criterion_main!(benches);
