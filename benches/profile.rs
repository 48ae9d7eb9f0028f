//! Saving and loading a large profile: 10,000 milestone records, 1,000 evidence entries and
//! 1,000 coaching sessions, each with the agenda it started with, notes, private notes and two
//! action items. Target (PRODUCT.md §5): a save under 30 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rungs::date::Date;
use rungs::ladder::{BUNDLED, load_str};
use rungs::profile::rules::{self, SessionStart};
use rungs::profile::{Evidence, MilestoneProgress, Profile, Status, Store};

fn large_profile() -> Profile {
    let mut p = Profile::new(
        "large".into(),
        "Large".into(),
        "it-leadership".into(),
        "sysadmin".into(),
    );
    let day = Date::new(2024, 10, 4).expect("a real date");
    for i in 0..10_000 {
        p.milestones.insert(
            format!("milestone-{i:05}"),
            MilestoneProgress {
                seq: 0,
                status: [Status::Todo, Status::Doing, Status::Done][i % 3],
                changed: day,
                due: (i % 2 == 0).then_some(day),
                note: format!("evidence note number {i}"),
            },
        );
    }
    for i in 0..1_000 {
        p.evidence.push(Evidence {
            id: 0,
            seq: 0,
            date: day,
            text: format!("a win worth remembering, number {i}"),
            milestone: Some(format!("milestone-{i:05}")),
            competency: None,
        });
    }
    let ladder = load_str(BUNDLED[0].1, "bundled").expect("the bundled ladder");
    for s in 0..1_000 {
        let date = day.plus_days(7 * s).expect("a date");
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

fn profile_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let profile = large_profile();
    store.create(&profile).unwrap();
    let bytes = std::fs::metadata(store.path_of("large")).map_or(0, |m| m.len());
    eprintln!("the large profile: {} KiB", bytes / 1024);
    let mut without = profile.clone();
    without.id = "without-sessions".into();
    without.sessions.clear();
    without.actions.clear();
    without.private_notes.clear();
    store.create(&without).unwrap();
    c.bench_function("save it without its sessions (the format-1 load)", |b| {
        b.iter(|| {
            let mut lock = store.lock("without-sessions").unwrap();
            store.save(black_box(&without), &mut lock).unwrap()
        })
    });

    c.bench_function("save large profile (lock, write, fsync, rename)", |b| {
        b.iter(|| {
            let mut lock = store.lock("large").unwrap();
            store.save(black_box(&profile), &mut lock).unwrap()
        })
    });
    c.bench_function("update large profile (lock, re-read, save)", |b| {
        b.iter(|| store.update("large", |_| Ok(())).unwrap())
    });
    c.bench_function("load large profile", |b| {
        b.iter(|| black_box(store.load("large").unwrap()))
    });
    c.bench_function("serialise large profile", |b| {
        b.iter(|| black_box(rungs::profile::to_ron(black_box(&profile)).unwrap()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = profile_benches
}
criterion_main!(benches);
