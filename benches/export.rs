//! Every export of the 100 × 100 synthetic ladder (10,001 roles) with a 20-step plan, milestone
//! due dates and a coaching session. Target (issue 12): each under 50 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rungs::date::{Clock, Date};
use rungs::export::{self, ExportInput, Format};
use rungs::ladder::{load_str, synthetic_ladder_source};
use rungs::profile::{Action, MilestoneProgress, Owner, PlanStep, Profile, Session, Status};

fn planned_profile() -> Profile {
    let mut p = Profile::new(
        "bench".into(),
        "Bench Person".into(),
        "synthetic".into(),
        "r0-0".into(),
    );
    let day = Date::new(2026, 11, 25).expect("a real date");
    // Twenty diagonal moves, one level up and one corner across each, dated a quarter apart.
    for i in 1..=20 {
        p.plan.push(PlanStep {
            role: format!("r{i}-{i}"),
            target_date: day.plus_days(90 * i),
            note: format!("step {i}, with a note"),
        });
    }
    p.target_role = Some("r20-20".into());
    for level in 0..60 {
        for m in 0..3 {
            p.milestones.insert(
                format!("l{level}-m{m}"),
                MilestoneProgress {
                    status: [Status::Todo, Status::Doing, Status::Done][m],
                    changed: day,
                    due: day.plus_days(level as i64 * 10),
                    note: format!("evidence for level {level}"),
                },
            );
        }
    }
    let session = "2026-11-25".to_string();
    p.sessions.push(Session {
        id: session.clone(),
        date: day,
        notes: "shared notes".into(),
        agenda: Vec::new(),
    });
    p.private_notes
        .insert(session.clone(), "private notes".into());
    p.actions = (0..10)
        .map(|i| Action {
            text: format!("action item {i}"),
            owner: Owner::Named("Bench".into()),
            due: day.plus_days(i),
            status: Status::Todo,
            added: day,
            session: Some(session.clone()),
        })
        .collect();
    p
}

fn export_benches(c: &mut Criterion) {
    let ladder = load_str(&synthetic_ladder_source(100, 100), "synthetic").unwrap();
    let profile = planned_profile();
    let clock = Clock::Pinned(Date::new(2026, 11, 25).expect("a real date"));
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
