//! What several benchmarks start from: a planned profile on a synthetic ladder, and a planner
//! opened on it. Each bench target is its own crate, so they share this module by path.
#![allow(dead_code)] // each bench uses its own part of it

use ratatui::crossterm::event::Event;
use rungs::date::Date;
use rungs::ladder::{Ladder, PathRequest, plan};
use rungs::profile::rules;
use rungs::profile::{Action, MilestoneProgress, Owner, PlanStep, Profile, Session, Status, Store};
use rungs::tui::App;

pub fn day() -> Date {
    Date::new(2026, 11, 25).expect("a real date")
}

/// A profile on the synthetic ladder of `levels` levels: up to twenty diagonal moves (one level
/// up and one corner across each) dated a quarter apart, progress on the milestones of up to 60
/// levels, and a coaching session with ten action items.
pub fn planned_profile(levels: usize) -> Profile {
    let mut p = Profile::new(
        "bench".into(),
        "Bench Person".into(),
        "synthetic".into(),
        "r0-0".into(),
    );
    let steps = (levels - 1).min(20);
    for i in 1..=steps {
        p.plan.push(PlanStep {
            role: format!("r{i}-{i}"),
            target_date: day().plus_days(90 * i as i64),
            note: format!("step {i}, with a note"),
        });
    }
    p.target_role = Some(format!("r{steps}-{steps}"));
    for level in 0..levels.min(60) {
        for m in 0..3 {
            p.milestones.insert(
                format!("l{level}-m{m}"),
                MilestoneProgress {
                    seq: 0,
                    status: [Status::Todo, Status::Doing, Status::Done][m],
                    changed: day(),
                    due: day().plus_days(level as i64 * 10),
                    note: format!("evidence for level {level}"),
                },
            );
        }
    }
    let session = day().to_string();
    p.sessions.push(Session {
        seq: 0,
        id: session.clone(),
        date: day(),
        notes: "shared notes".into(),
        agenda: Vec::new(),
    });
    p.private_notes
        .insert(session.clone(), "private notes".into());
    p.actions = (0..10)
        .map(|i| Action {
            id: 0,
            seq: 0,
            changed: 0,
            text: format!("action item {i}"),
            owner: Owner::Named("Bench".into()),
            due: day().plus_days(i),
            status: Status::Todo,
            added: day(),
            session: Some(session.clone()),
        })
        .collect();
    p
}

/// A request for `count` paths between two roles given by id.
pub fn request(ladder: &Ladder, from: &str, to: &str, count: usize) -> PathRequest {
    PathRequest {
        from: ladder.role_index(from).expect("start role"),
        to: ladder.role_index(to).expect("target role"),
        count,
        ..PathRequest::default()
    }
}

/// The planner on `ladder` with a profile at `from`, aiming at `to`, the best path planned,
/// in a 200×60 terminal.
pub fn planner(ladder: Ladder, from: &str, to: &str, dir: &std::path::Path) -> App {
    let mut profile = Profile::new(
        "bench".into(),
        "Bench".into(),
        ladder.id().into(),
        from.into(),
    );
    profile.target_role = Some(to.into());
    let path = &plan(&ladder, &request(&ladder, from, to, 1)).unwrap()[0];
    profile.plan = rules::plan_of_path(&profile, &ladder, path).1;
    let mut app = App::new(ladder, Store::new(dir), Some(profile), true);
    app.handle(&Event::Resize(200, 60));
    app
}
