//! `rungs bench` over a team of 200 profiles (issue 25: under 200 ms): people at every level
//! below the top and in every corner of the bundled ladder, each with a dated history, part of
//! their training done, a target and the best path to it as their plan, and 20 coaching
//! sessions. The command runs in process (argument parsing, reading the team, working out the
//! bench, writing its text or JSON), with the roster's cache as it is after a first run, and
//! cold (every file read).

use std::hint::black_box;

use clap::Parser;
use criterion::{Criterion, criterion_group, criterion_main};
use rungs::cli::{self, Cli, Surroundings};
use rungs::date::{Clock, Date};
use rungs::ladder::{BUNDLED, Ladder, PathRequest, load_str, plan};
use rungs::profile::rules::{self, SessionStart};
use rungs::profile::{HeldRole, MilestoneProgress, Profile, Status, Store};

const PROFILES: usize = 200;
const SESSIONS: usize = 20;

/// Person `n`: a role below the top, chosen round the ladder; a target higher up in another
/// corner now and then; some of the training done.
fn person(ladder: &Ladder, n: usize, today: Date) -> Profile {
    let top = ladder.levels().len() - 1;
    let roles: Vec<usize> = (0..ladder.roles().len())
        .filter(|&r| ladder.role_level(r) < top)
        .collect();
    let current = roles[(n * 7) % roles.len()];
    let higher: Vec<usize> = (0..ladder.roles().len())
        .filter(|&r| ladder.role_level(r) > ladder.role_level(current))
        .collect();
    let target = higher[(n * 13) % higher.len()];
    let mut p = Profile::new(
        format!("person-{n:03}"),
        format!("Person {n:03}"),
        "it-leadership".into(),
        ladder.role(current).id.to_string(),
    );
    p.target_role = Some(ladder.role(target).id.to_string());
    p.history.push(HeldRole {
        role: ladder.role(roles[(n * 3) % roles.len()]).id.to_string(),
        from: None,
        to: today.plus_days(-((n as i64 * 97) % 2500) - 30),
        note: String::new(),
    });
    let held = ladder.role_level(current);
    for level in 0..=held {
        for (i, m) in ladder.levels()[level].milestones.iter().enumerate() {
            if level < held || !(i + n).is_multiple_of(3) {
                p.milestones.insert(
                    m.id.clone(),
                    MilestoneProgress {
                        seq: 0,
                        status: Status::Done,
                        changed: Date::new(2024, 1, 1).expect("a date"),
                        due: None,
                        note: format!("evidence for {}", m.id),
                    },
                );
            }
        }
    }
    let request = PathRequest {
        from: current,
        to: target,
        count: 1,
        ..PathRequest::default()
    };
    if let Some(best) = plan(ladder, &request).ok().and_then(|mut p| p.pop()) {
        p.plan = rules::plan_of_path(&p, ladder, &best).1;
    }
    let first = Date::new(2025, 1, 6).expect("a date");
    for s in 0..SESSIONS {
        let start = SessionStart {
            notes: format!("Session {s}: talked about the plan."),
            private_notes: format!("Private thoughts after session {s}"),
            actions: vec![format!("Action {s}")],
        };
        let date = first.plus_days(14 * s as i64).expect("a date");
        let (change, _) = rules::start_session(&p, ladder, date, start);
        change.apply(&mut p).expect("a new session applies");
    }
    p
}

fn bench_benches(c: &mut Criterion) {
    let ladder = load_str(BUNDLED[0].1, "bundled").expect("the bundled ladder");
    let today = Date::new(2026, 11, 25).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    for n in 0..PROFILES {
        store.create(&person(&ladder, n, today)).unwrap();
    }
    let surroundings = Surroundings {
        clock: Clock::Pinned(today),
        ..Surroundings::default()
    };
    let data_dir = dir.path().to_str().expect("a UTF-8 path").to_string();
    let run = |args: &[&str]| {
        let mut argv = vec!["rungs", "--data-dir", data_dir.as_str(), "bench"];
        argv.extend_from_slice(args);
        let parsed = Cli::try_parse_from(&argv).expect("the arguments parse");
        let mut out = Vec::new();
        cli::run_in(parsed, &surroundings, &mut out).expect("rungs bench succeeds");
        assert!(out.len() > 1000);
        out
    };
    let shown = String::from_utf8(run(&[])).unwrap();
    eprintln!(
        "rungs bench over {PROFILES} profiles: {} lines of text, {} roles",
        shown.lines().count(),
        shown.lines().filter(|l| l.contains("  [")).count()
    );
    c.bench_function("rungs bench, 200 profiles, cache warm", |b| {
        b.iter(|| black_box(run(&[])))
    });
    c.bench_function("rungs bench --json, 200 profiles, cache warm", |b| {
        b.iter(|| black_box(run(&["--json"])))
    });
    let cache = dir.path().join("cache").join("roster.ron");
    c.bench_function("rungs bench, 200 profiles, cold (every file read)", |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_file(&cache);
            },
            |()| black_box(run(&[])),
            criterion::BatchSize::PerIteration,
        )
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(8));
    targets = bench_benches
}
criterion_main!(benches);
