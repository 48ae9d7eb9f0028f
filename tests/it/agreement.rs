//! One truth: readiness, the milestones a move asks that are left, and the competency gaps
//! are the same figure in `profile show --json` (the JSON export), `plan show --json`,
//! `compare --json`, `learning-path --json`, `ratings --json` and the planner's drawn tabs
//! (Plan, Milestones, the Ladder tab's details pane, a new 1:1's session view), over generated
//! profiles on the bundled ladder and on generated ladders. The many generated cases call the
//! functions each command prints; a few fixed ones go through the real binary.

use std::collections::BTreeSet;

use proptest::prelude::*;
use ratatui::crossterm::event::{Event, KeyCode};
use serde_json::Value;

use crate::common;
use common::planner::{keys, press, screen};
use rungs::date::{Clock, Date};
use rungs::export::{self, ExportInput, PrivateNotes};
use rungs::ladder::{BUNDLED, Ladder, PathRequest, load_str, plan, synthetic_ladder_source};
use rungs::profile::{
    self, HeldRole, MilestoneProgress, PlanStep, Profile, Readiness, Status, Store,
};

const TODAY: &str = "2026-11-25";

fn today() -> Date {
    TODAY.parse().unwrap()
}

fn bundled() -> Ladder {
    load_str(BUNDLED[0].1, "bundled").unwrap()
}

/// What a person asked for: the roles by id, and the statuses by milestone index.
#[derive(Debug, Clone)]
struct Person {
    current: String,
    target: Option<String>,
    /// Plan the best path to the target (else no plan).
    planned: bool,
    history: Vec<String>,
    statuses: Vec<(String, Status)>,
}

fn profile_of(ladder: &Ladder, person: &Person) -> Profile {
    let mut p = Profile::new(
        "someone".into(),
        "Someone".into(),
        ladder.id().to_string(),
        person.current.clone(),
    );
    p.target_role = person.target.clone();
    p.history = person
        .history
        .iter()
        .map(|role| HeldRole {
            role: role.clone(),
            from: None,
            to: None,
            note: String::new(),
        })
        .collect();
    for (id, status) in &person.statuses {
        p.milestones.insert(
            id.clone(),
            MilestoneProgress {
                seq: 0,
                status: *status,
                changed: "2026-01-01".parse().unwrap(),
                due: None,
                note: String::new(),
            },
        );
    }
    if let (true, Some(target)) = (person.planned, &person.target) {
        let from = ladder.role_index(&person.current).unwrap();
        let to = ladder.role_index(target).unwrap();
        let req = PathRequest {
            from,
            to,
            count: 1,
            ..PathRequest::default()
        };
        if let Ok(paths) = plan(ladder, &req) {
            p.plan = paths[0].roles[1..]
                .iter()
                .map(|&r| PlanStep {
                    role: ladder.role(r).id.to_string(),
                    target_date: None,
                    note: String::new(),
                })
                .collect();
        }
    }
    p
}

/// The open milestones a readiness counts, by id.
fn open_ids(r: &Readiness, ladder: &Ladder, p: &Profile) -> BTreeSet<String> {
    r.milestone_ids(ladder)
        .into_iter()
        .filter(|id| p.status_of(id) != Status::Done)
        .map(str::to_string)
        .collect()
}

fn counts(v: &Value) -> (u64, u64) {
    (v["done"].as_u64().unwrap(), v["total"].as_u64().unwrap())
}

/// The JSON figures of one profile agree with each other and with the domain's rule.
fn json_agrees(ladder: &Ladder, p: &Profile) {
    let input = ExportInput {
        profile: p,
        ladder,
        today: today(),
        stamp: "20261125T093000Z".into(),
        private: PrivateNotes::LeftOut,
    };
    let exported = export::json(&input);
    let planned = export::plan_json(p, ladder);
    let next = profile::readiness(p, ladder);
    let shown = &exported["derived"]["next_level_readiness"];
    assert_eq!(shown, &planned["readiness"], "export vs plan show");
    assert_eq!(
        shown, &exported["derived"]["plan"]["readiness"],
        "export's plan vs its own readiness"
    );
    match &next {
        Some(r) => {
            assert_eq!(
                counts(shown),
                (r.progress.done as u64, r.progress.total as u64)
            );
        }
        None => assert!(shown.is_null()),
    }
    let current = ladder.role_index(&p.current_role).unwrap();
    // Every role the plan passes through and the target, as compare sees it.
    let mut roles: Vec<String> = p.plan.iter().map(|s| s.role.clone()).collect();
    roles.extend(p.target_role.clone());
    roles.dedup();
    for role in &roles {
        let to = ladder.role_index(role).unwrap();
        let compared = profile::compare(p, ladder, &[to], today()).unwrap();
        let c = export::comparison_json(ladder, &compared[0]);
        let r = profile::readiness_for_move(p, ladder, current, to);
        assert_eq!(
            counts(&c["milestones"]),
            (r.progress.done as u64, r.progress.total as u64),
            "compare's milestones for {role}"
        );
        assert_eq!(
            c["milestones"]["left"].as_u64().unwrap() as usize,
            r.progress.left(),
            "{role}"
        );
        assert_eq!(counts(&c["readiness"]), counts(&c["milestones"]), "{role}");
        let gaps: Vec<(String, u64)> = profile::competency_gaps(p, ladder, current, to)
            .iter()
            .map(|g| (g.competency.clone(), u64::from(g.size())))
            .collect();
        let shown_gaps: Vec<(String, u64)> = c["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                (
                    g["competency"].as_str().unwrap().to_string(),
                    g["size"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(shown_gaps, gaps, "compare's gaps for {role}");
    }
    // The learning path: the milestones left before the target (or, with no plan, the next
    // level), each once.
    let path: Vec<Value> = profile::learning_path(p, ladder, today())
        .iter()
        .map(|i| export::learning_item_json(p, ladder, i))
        .collect();
    assert_eq!(
        &Value::Array(path.clone()),
        &exported["derived"]["learning_path"],
        "learning-path --json vs the export"
    );
    let on_path: BTreeSet<String> = path
        .iter()
        .map(|i| i["milestone"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(on_path.len(), path.len(), "each milestone once");
    let expected = match (&p.target_role, p.plan.is_empty()) {
        (Some(target), false) => {
            let to = ladder.role_index(target).unwrap();
            Some(open_ids(
                &profile::readiness_for_move(p, ladder, current, to),
                ladder,
                p,
            ))
        }
        (_, true) => next.as_ref().map(|r| open_ids(r, ladder, p)),
        _ => None,
    };
    if let Some(expected) = expected {
        assert_eq!(on_path, expected, "learning path vs milestones left");
    }
    // Each item's gaps are among the compare gaps for the step it serves.
    for item in &path {
        let to = match item["step"]["role"].as_str() {
            Some(role) => ladder.role_index(role).unwrap(),
            None => continue,
        };
        let gaps: BTreeSet<String> = profile::competency_gaps(p, ladder, current, to)
            .into_iter()
            .map(|g| g.competency)
            .collect();
        for g in item["gaps"].as_array().unwrap() {
            assert!(gaps.contains(g.as_str().unwrap()), "{item}");
        }
    }
}

/// The screen with its rows joined, so a phrase wrapped over two rows still reads whole.
fn joined(app: &rungs::tui::App) -> String {
    screen(app)
        .lines()
        .map(|l| l.trim_matches('"').trim().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The planner's Plan, Milestones, Ladder (details) and Coaching (session) tabs draw the same
/// figures.
fn tabs_agree(ladder: &Ladder, p: &Profile) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.create(p).unwrap();
    let mut app = rungs::tui::App::new(ladder.clone(), store, Some(p.clone()), false);
    app.set_clock(Clock::Pinned(today()));
    app.handle(&Event::Resize(160, 60));
    let next = profile::readiness(p, ladder);
    keys(&mut app, "3");
    let shown = joined(&app);
    if let Some(r) = &next {
        // The readiness gauge's label: what it is for and the fraction done.
        let heading = format!("{} {}", r.label(ladder), r.progress.fraction());
        assert!(
            shown.contains(&heading),
            "{heading:?} in Milestones:\n{shown}"
        );
    }
    keys(&mut app, "2");
    let shown = screen(&app);
    let current = ladder.role_index(&p.current_role).unwrap();
    let lines: Vec<&str> = shown.lines().collect();
    for (i, step) in p.plan.iter().enumerate() {
        let to = ladder.role_index(&step.role).unwrap();
        let r = profile::readiness_for_move(p, ladder, current, to);
        // The line under the step's own.
        let at = lines
            .iter()
            .position(|l| l.contains(&format!("{} ", rungs::text::step_number(i + 1))))
            .unwrap_or_else(|| panic!("step {} on the Plan tab:\n{shown}", i + 1));
        let line = lines[at + 1];
        if r.progress.total == 0 {
            assert!(line.contains("no new training"), "{line}");
        } else {
            assert!(
                line.contains(&format!("readiness {}", r.progress.fraction())),
                "step {} to {}: {line}\n{shown}",
                i + 1,
                step.role
            );
        }
    }
    ladder_details_agree(&mut app, ladder, p);
    session_view_agrees(&mut app, ladder, p);
}

/// The text of the pane framed under a title that starts with `title`, its rows joined; `None`
/// when no such pane is drawn.
fn pane(app: &rungs::tui::App, title: &str) -> Option<String> {
    let rows: Vec<Vec<char>> = screen(app)
        .lines()
        .map(|l| l.trim_matches('"').chars().collect())
        .collect();
    let head: Vec<char> = format!("┌ {title}").chars().collect();
    for (y, row) in rows.iter().enumerate() {
        let Some(x) = (0..row.len()).find(|&x| row[x..].starts_with(&head)) else {
            continue;
        };
        let end = (x + 1..row.len()).find(|&e| row[e] == '┐')?;
        let mut text = Vec::new();
        for r in &rows[y + 1..] {
            if r.get(x) == Some(&'└') {
                break;
            }
            let inner: String = r.get(x + 1..end)?.iter().collect();
            text.push(
                inner
                    .trim_matches(|c| matches!(c, '│' | '█' | '▲' | '▼' | ' '))
                    .to_string(),
            );
        }
        return Some(text.join(" "));
    }
    None
}

/// The Ladder tab's details pane beside each role the plan passes, the target and the current
/// role shows the readiness `profile show` (for the current role) or `compare` (for any
/// other) gives. Roles whose title another title contains, or too long for the pane's frame,
/// cannot be picked by a search and are left out.
fn ladder_details_agree(app: &mut rungs::tui::App, ladder: &Ladder, p: &Profile) {
    let current = ladder.role_index(&p.current_role).unwrap();
    let mut roles: Vec<usize> = vec![current];
    roles.extend(p.plan.iter().filter_map(|s| ladder.role_index(&s.role)));
    roles.extend(p.target_role.as_deref().and_then(|t| ladder.role_index(t)));
    let titles: Vec<String> = ladder
        .roles()
        .iter()
        .map(|r| r.title.to_lowercase().to_string())
        .collect();
    keys(app, "1");
    // Enter opens the details pane.
    press(app, KeyCode::Enter);
    for role in roles {
        let title = ladder.role(role).title.to_string();
        let lower = title.to_lowercase();
        let unique = titles.iter().filter(|t| t.contains(&lower)).count() == 1;
        if !unique || title.chars().count() > 30 {
            continue;
        }
        keys(app, &format!("/{lower}"));
        press(app, KeyCode::Esc);
        let shown = pane(app, &title).unwrap_or_else(|| panic!("details of {title}"));
        let r = if role == current {
            profile::readiness(p, ladder)
        } else {
            let compared = profile::compare(p, ladder, &[role], today()).unwrap();
            let c = export::comparison_json(ladder, &compared[0]);
            let r = profile::readiness_for_move(p, ladder, current, role);
            assert_eq!(
                counts(&c["milestones"]),
                (r.progress.done as u64, r.progress.total as u64)
            );
            Some(r)
        };
        match r {
            Some(r) if r.counted.is_empty() => {
                assert!(shown.contains("no new training"), "{title}: {shown}");
                assert!(!shown.contains("readiness"), "{title}: {shown}");
            }
            Some(r) => {
                let gauge = format!("{} {}", r.gauge(10), r.progress.fraction());
                assert!(shown.contains(&gauge), "{title}: {gauge:?} in {shown}");
                assert!(shown.contains(&r.label(ladder)), "{title}: {shown}");
            }
            None => assert!(!shown.contains("readiness"), "{title}: {shown}"),
        }
    }
}

/// A new 1:1's session view shows the readiness `profile show --json` gives and the widest
/// competency gaps with the figures `ratings --json` gives.
fn session_view_agrees(app: &mut rungs::tui::App, ladder: &Ladder, p: &Profile) {
    keys(app, "4");
    press(app, KeyCode::Enter);
    keys(app, "n");
    let shown = pane(app, "Agenda").unwrap_or_else(|| panic!("the agenda:\n{}", screen(app)));
    let input = ExportInput {
        profile: p,
        ladder,
        today: today(),
        stamp: "20261125T093000Z".into(),
        private: PrivateNotes::LeftOut,
    };
    let next = &export::json(&input)["derived"]["next_level_readiness"];
    if shown.contains("Next step:") && !next.is_null() {
        let figure = format!(
            "{} % ({} of {})",
            next["percent"], next["done"], next["total"]
        );
        assert!(shown.contains(&figure), "{figure:?} in {shown}");
    }
    // Each competency the agenda names: the gap `ratings --json` gives; the widest drawn.
    let rated: Vec<(String, i64)> = profile::competence::standings(p, ladder)
        .iter()
        .map(|s| {
            let json = export::standing_json(s);
            (s.name.clone(), json["gap"].as_i64().unwrap_or(0))
        })
        .collect();
    let mut drawn = Vec::new();
    for (name, gap) in &rated {
        let Some(at) = shown.find(&format!("{name}: the next role expects")) else {
            continue;
        };
        let after = &shown[at..];
        let figure = after.find("— gap ").map(|g| {
            after[g + "— gap ".len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        });
        assert_eq!(figure, Some(gap.to_string()), "{name} in {shown}");
        drawn.push(*gap);
    }
    let mut widest: Vec<i64> = rated.iter().map(|(_, g)| *g).filter(|&g| g > 0).collect();
    widest.sort_unstable_by(|a, b| b.cmp(a));
    widest.truncate(profile::agenda::WIDEST_GAPS);
    drawn.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(
        drawn, widest,
        "the widest gaps, as ratings --json measures them"
    );
}

fn person_strategy(ladder: &Ladder) -> impl Strategy<Value = Person> + use<> {
    let roles: Vec<String> = ladder.roles().iter().map(|r| r.id.to_string()).collect();
    let milestones: Vec<String> = ladder
        .levels()
        .iter()
        .flat_map(|l| l.milestones.iter().map(|m| m.id.clone()))
        .collect();
    let n = roles.len();
    let statuses = prop::collection::vec(0u8..4, milestones.len());
    (
        0..n,
        prop::option::of(0..n),
        any::<bool>(),
        prop::collection::vec(0..n, 0..4),
        statuses,
    )
        .prop_map(
            move |(current, target, planned, history, statuses)| Person {
                current: roles[current].clone(),
                target: target.map(|t| roles[t].clone()),
                planned,
                history: history.iter().map(|&h| roles[h].clone()).collect(),
                statuses: milestones
                    .iter()
                    .zip(statuses)
                    .filter_map(|(id, s)| {
                        let status = match s {
                            0 => return None,
                            1 => Status::Todo,
                            2 => Status::Doing,
                            _ => Status::Done,
                        };
                        Some((id.clone(), status))
                    })
                    .collect(),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(common::count_from_env("RUNGS_AGREEMENT", 48) as u32))]

    #[test]
    fn every_front_end_gives_the_same_figures_on_the_bundled_ladder(
        person in person_strategy(&bundled()),
    ) {
        let ladder = bundled();
        let p = profile_of(&ladder, &person);
        json_agrees(&ladder, &p);
    }

    #[test]
    fn every_front_end_gives_the_same_figures_on_generated_ladders(
        (ladder_src, person) in (1usize..6, 1usize..5).prop_flat_map(|(levels, corners)| {
            let src = synthetic_ladder_source(levels, corners);
            let ladder = load_str(&src, "synthetic").unwrap();
            (Just(src), person_strategy(&ladder))
        }),
    ) {
        let ladder = load_str(&ladder_src, "synthetic").unwrap();
        let p = profile_of(&ladder, &person);
        json_agrees(&ladder, &p);
    }
}

proptest! {
    // Drawing is slower: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(common::count_from_env("RUNGS_AGREEMENT", 48) as u32 / 4))]

    #[test]
    fn the_planner_draws_the_same_figures(person in person_strategy(&bundled())) {
        let ladder = bundled();
        let p = profile_of(&ladder, &person);
        tabs_agree(&ladder, &p);
    }
}

fn person(current: &str, target: Option<&str>, history: &[&str], done: &[&str]) -> Person {
    Person {
        current: current.into(),
        target: target.map(str::to_string),
        planned: true,
        history: history.iter().map(|s| s.to_string()).collect(),
        statuses: done
            .iter()
            .map(|id| (id.to_string(), Status::Done))
            .collect(),
    }
}

/// The fixed cases the issue names.
fn fixed() -> Vec<(&'static str, Person)> {
    vec![
        (
            "CTO → CIO",
            person("cto", Some("cio"), &["dev-lead"], &["exec-board-reporting"]),
        ),
        (
            "a skip: enterprise architect to head of enterprise architecture",
            person(
                "enterprise-architect",
                Some("head-of-architecture"),
                &[],
                &["tl-delegation", "ic-find-mentor"],
            ),
        ),
        (
            "two levels up",
            person(
                "dev-lead",
                Some("director-engineering"),
                &["developer"],
                &["tl-delegation", "mgr-hiring"],
            ),
        ),
        (
            "no target",
            person("data-lead", None, &[], &["tl-motivation"]),
        ),
        (
            "history in three corners",
            person(
                "engineering-manager",
                Some("it-director"),
                &["sysadmin", "security-lead", "developer"],
                &["ic-find-mentor", "mgr-hiring", "dir-negotiation"],
            ),
        ),
    ]
}

/// The profile of a named case: the skip is planned as the one step the ladder's bridge allows.
fn named_profile(ladder: &Ladder, name: &str, person: &Person) -> Profile {
    let mut p = profile_of(ladder, person);
    if name.starts_with("a skip") {
        p.plan = vec![PlanStep {
            role: "head-of-architecture".into(),
            target_date: None,
            note: String::new(),
        }];
        let planned = profile::planned_steps(&p, ladder);
        assert_eq!(
            planned[0].kind,
            Some(rungs::ladder::MoveKind::Skip),
            "the bridge is a skip"
        );
    }
    p
}

#[test]
fn the_named_cases_agree_in_process_and_on_the_planner() {
    let ladder = bundled();
    for (name, person) in fixed() {
        let p = named_profile(&ladder, name, &person);
        json_agrees(&ladder, &p);
        tabs_agree(&ladder, &p);
    }
}

#[test]
fn the_named_cases_agree_through_the_binary() {
    let ladder = bundled();
    for (name, person) in fixed() {
        let dir = tempfile::tempdir().unwrap();
        let mut p = named_profile(&ladder, name, &person);
        p.ladder = "it-leadership".into();
        Store::new(dir.path()).create(&p).unwrap();
        let run = |args: &[&str]| common::json(common::rungs_on(dir.path(), TODAY).args(args));
        let shown = run(&["profile", "show", "--json"]);
        let planned = run(&["plan", "show", "--json"]);
        let exported = run(&["export", "--format", "json"]);
        let path = run(&["learning-path", "--json"]);
        let next = &shown["derived"]["next_level_readiness"];
        assert_eq!(next, &planned["readiness"], "{name}");
        assert_eq!(next, &exported["derived"]["next_level_readiness"], "{name}");
        let path = path["items"].clone();
        assert_eq!(path, exported["derived"]["learning_path"], "{name}");
        let current = ladder.role_index(&p.current_role).unwrap();
        if let Some(target) = &p.target_role {
            let compared = run(&["compare", target, "--json"]);
            let to = ladder.role_index(target).unwrap();
            let r = profile::readiness_for_move(&p, &ladder, current, to);
            assert_eq!(
                counts(&compared[0]["milestones"]),
                (r.progress.done as u64, r.progress.total as u64),
                "{name}"
            );
            let on_path: BTreeSet<String> = path
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["milestone"].as_str().unwrap().to_string())
                .collect();
            assert_eq!(on_path, open_ids(&r, &ladder, &p), "{name}");
            assert_eq!(
                compared[0]["milestones"]["left"].as_u64().unwrap() as usize,
                on_path.len(),
                "{name}: milestones left vs the learning path"
            );
        }
        // Corners worked in, each once (the current role's corner is in the history too).
        assert_eq!(planned["corners"], shown["derived"]["breadth"], "{name}");
        if name == "history in three corners" {
            assert_eq!(
                planned["corners"],
                serde_json::json!(["infra", "security", "dev"])
            );
        }
    }
}
