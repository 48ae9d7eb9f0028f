//! The manager's side, driven through the planner's real keys and the real binary: the roster,
//! sessions with a built agenda, action items carried over, the "since last 1:1" digest,
//! talking points from the shell, and private notes that never leave their own file.

use std::path::Path;

use crate::common;

use common::planner::*;
use insta::assert_snapshot;
use predicates::prelude::PredicateBooleanExt;
use ratatui::crossterm::event::KeyCode;
use rungs::date::Date;
use rungs::ladder::{BUNDLED, load_str};
use rungs::profile::{
    Evidence, MilestoneProgress, Moved, PlanChange, PlanEvent, PlanStep, Profile, Rater, Rating,
    RatingLevel, Session, Status, Store, Topic,
};
use rungs::tui::App;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn person(name: &str, role: &str) -> Profile {
    let id = rungs::profile::profile_id(name).unwrap();
    let mut p = Profile::new(id, name.into(), "it-leadership".into(), role.into());
    p.target_role = Some("cio".into());
    p
}

/// A manager's team: Priya (the format-1 fixture: a session on 2026-11-10 with a private note
/// and an open action), Sam (an overdue milestone, a 1:1 in October) and Lee (nothing yet).
pub fn team(dir: &Path) {
    let store = Store::new(dir);
    store.create(&fixture_profile()).unwrap();
    let mut sam = person("Sam Okafor", "security-analyst");
    sam.milestones.insert(
        "ic-skill-gap".into(),
        MilestoneProgress {
            seq: 0,
            status: Status::Doing,
            changed: date("2026-10-01"),
            due: Some(date("2026-11-01")),
            note: String::new(),
        },
    );
    sam.sessions.push(Session {
        seq: 0,
        id: "2026-10-14".into(),
        date: date("2026-10-14"),
        notes: String::new(),
        agenda: Vec::new(),
    });
    store.create(&sam).unwrap();
    store.create(&person("Lee Chen", "data-analyst")).unwrap();
}

fn saved(dir: &Path, id: &str) -> Profile {
    Store::new(dir).load(id).unwrap()
}

/// The agenda of the newest session of profile `id` on disk.
fn newest_agenda(dir: &Path, id: &str) -> Vec<rungs::profile::AgendaItem> {
    let p = saved(dir, id);
    let newest = p
        .sessions
        .iter()
        .max_by_key(|s| (s.date, s.id.clone()))
        .unwrap();
    newest.agenda.clone()
}

/// The people of the team in the order the roster lists them on screen.
pub fn roster_order(shown: &str) -> Vec<&'static str> {
    let rows: Vec<&str> = shown.lines().skip(3).collect();
    let row_of = |name: &str| rows.iter().position(|r| r.contains(name));
    let mut names = vec!["Sam Okafor", "Priya Sharma", "Lee Chen"];
    names.retain(|n| row_of(n).is_some());
    names.sort_by_key(|n| row_of(n));
    names
}

/// Opens tab 4 and the open profile's sessions, and starts a session.
fn start_session(app: &mut App) {
    keys(app, "4");
    press(app, KeyCode::Enter);
    keys(app, "n");
}

#[test]
fn snapshots_of_the_roster_a_new_session_and_share_safe() {
    for (width, height) in [(80, 24), (120, 40)] {
        let dir = tempfile::tempdir().unwrap();
        team(dir.path());
        let mut app = app_on(dir.path(), "priya-sharma", width, height);
        keys(&mut app, "4");
        assert_snapshot!(format!("coaching_roster_{width}x{height}"), screen(&app));
        press(&mut app, KeyCode::Enter);
        assert_snapshot!(format!("coaching_sessions_{width}x{height}"), screen(&app));
        keys(&mut app, "n");
        assert_snapshot!(
            format!("coaching_new_session_{width}x{height}"),
            screen(&app)
        );
        // A private note, written in its pane.
        keys(&mut app, "lle");
        keys(&mut app, "Ready to lead the platform team");
        press(&mut app, KeyCode::Esc);
        let shown = screen(&app);
        assert!(shown.contains("Ready to lead"), "{shown}");
        assert_snapshot!(format!("coaching_session_private_{width}x{height}"), shown);
        keys(&mut app, "s");
        let shown = screen(&app);
        assert!(shown.contains("SHARE-SAFE"), "{shown}");
        assert!(!shown.contains("Ready to lead"), "{shown}");
        assert_snapshot!(
            format!("coaching_session_share_safe_{width}x{height}"),
            shown
        );
    }
}

#[test]
fn the_roster_sorts_filters_and_opens_another_person_after_saving_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    keys(&mut app, "4");
    // Overdue first: Sam, who is a milestone behind.
    assert_eq!(
        roster_order(&screen(&app)),
        ["Sam Okafor", "Priya Sharma", "Lee Chen"]
    );
    keys(&mut app, "o");
    assert!(screen(&app).contains("by name"));
    assert_eq!(
        roster_order(&screen(&app)),
        ["Lee Chen", "Priya Sharma", "Sam Okafor"]
    );
    keys(&mut app, "/sam");
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(
        !shown.contains("Lee Chen") && shown.contains("Sam Okafor"),
        "{shown}"
    );

    // A change to Priya, not yet seen by the roster: switching saves it first.
    keys(&mut app, "l");
    keys(&mut app, "n");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "h");
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(shown.contains("rungs · Sam Okafor"), "{shown}");
    assert!(shown.contains("Sessions · Sam Okafor"), "{shown}");
    assert_eq!(saved(dir.path(), "priya-sharma").sessions.len(), 2);
    // Undo belongs to the profile it was made in: nothing of Priya's is undone in Sam's.
    keys(&mut app, "u");
    assert_eq!(saved(dir.path(), "priya-sharma").sessions.len(), 2);
    assert_eq!(saved(dir.path(), "sam-okafor").sessions.len(), 1);
}

#[test]
fn a_profile_open_in_another_planner_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let store = Store::new(dir.path());
    let _elsewhere = store.open_session("lee-chen").unwrap().unwrap();
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    keys(&mut app, "4");
    keys(&mut app, "/lee");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert!(app.sync().read_only().is_some());
    let shown = screen(&app);
    assert!(shown.contains("READ-ONLY"), "{shown}");
    keys(&mut app, "n");
    assert!(saved(dir.path(), "lee-chen").sessions.is_empty());
}

#[test]
fn a_session_with_two_actions_one_done_carries_exactly_the_open_one_to_the_next() {
    let dir = tempfile::tempdir().unwrap();
    Store::new(dir.path())
        .create(&person("Ada Lovelace", "sysadmin"))
        .unwrap();
    let mut app = app_on(dir.path(), "ada-lovelace", 120, 40);
    start_session(&mut app);
    keys(&mut app, "a");
    keys(&mut app, "Book the negotiation course");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "2026-12-15");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "a");
    keys(&mut app, "Shadow the CIO for a day");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'u');
    keys(&mut app, "manager");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    // The first is done: the actions pane has the cursor on it.
    press(&mut app, KeyCode::Home);
    keys(&mut app, " ");

    let p = saved(dir.path(), "ada-lovelace");
    let first = p.sessions[0].id.clone();
    assert_eq!(p.actions.len(), 2);
    assert_eq!(p.actions[0].status, Status::Done);
    assert_eq!(p.actions[0].due, Some(date("2026-12-15")));
    assert_eq!(p.actions[1].status, Status::Todo);
    assert_eq!(p.actions[1].owner, rungs::profile::Owner::Manager);
    assert!(
        p.actions
            .iter()
            .all(|a| a.session.as_deref() == Some(&first))
    );

    press(&mut app, KeyCode::Esc);
    // A second 1:1 the same day, by saying so (`n` would open today's again).
    keys(&mut app, "N");
    keys(&mut app, "yes");
    press(&mut app, KeyCode::Enter);
    let carried: Vec<String> = newest_agenda(dir.path(), "ada-lovelace")
        .into_iter()
        .filter(|i| i.topic == Topic::Action)
        .map(|i| i.text)
        .collect();
    // In the words every front end uses for an action item.
    assert_eq!(
        carried,
        [format!(
            "Shadow the CIO for a day — manager · from the 1:1 of {first}"
        )]
    );
    // The shell's agenda agrees.
    let out = rungs_cmd(dir.path()).args(["agenda"]).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("Shadow the CIO for a day"), "{text}");
    assert!(!text.contains("Book the negotiation course"), "{text}");

    // Marked done in this 1:1, the carried-over item reads done on the agenda at once, in the
    // minutes' words, and `–` (not reached), never `[x]`, marks an item not discussed.
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    for _ in 0..3 {
        press(&mut app, KeyCode::Right);
    }
    // The pane lists the one done since the last 1:1 first, then the open one.
    press(&mut app, KeyCode::End);
    keys(&mut app, " ");
    let p = saved(dir.path(), "ada-lovelace");
    assert_eq!(p.actions[1].status, Status::Done, "{}", screen(&app));
    let shown = screen(&app);
    assert!(shown.contains("– Shadow the CIO"), "{shown}");
    assert!(shown.contains("action 2 [x] done"), "{shown}");

    // Opened again later, the 1:1 still shows the action completed in it (the minutes' rule).
    drop(app);
    let mut app = app_on(dir.path(), "ada-lovelace", 120, 40);
    keys(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(shown.contains("[x] 2. Shadow the CIO"), "{shown}");
}

#[test]
fn the_digest_lists_exactly_what_changed_after_the_previous_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = person("Ada Lovelace", "sysadmin");
    let before = date("2026-11-10");
    p.sessions.push(Session {
        seq: 0,
        id: "2026-11-10".into(),
        date: before,
        notes: String::new(),
        agenda: Vec::new(),
    });
    for (id, status, changed) in [
        ("ic-emotional-intelligence", Status::Done, "2026-11-09"),
        ("ic-conflict-resolution", Status::Done, "2026-11-10"),
        ("ic-difficult-conversations", Status::Doing, "2026-11-12"),
    ] {
        p.milestones.insert(
            id.into(),
            MilestoneProgress {
                seq: 0,
                status,
                changed: date(changed),
                due: None,
                note: String::new(),
            },
        );
    }
    for (day, text) in [("2026-11-05", "before"), ("2026-11-20", "ran the DR drill")] {
        p.evidence.push(Evidence {
            id: 0,
            seq: 0,
            date: date(day),
            text: text.into(),
            milestone: None,
            competency: None,
        });
    }
    for (day, by, level) in [
        ("2026-11-10", Rater::Own, RatingLevel::Meeting),
        ("2026-11-11", Rater::Manager, RatingLevel::WorkingTowards),
    ] {
        p.ratings.push(Rating {
            seq: 0,
            competency: "leadership".into(),
            by,
            level,
            date: date(day),
            note: String::new(),
        });
    }
    p.plan = ["data-lead", "analytics-manager"]
        .iter()
        .map(|role| PlanStep {
            role: role.to_string(),
            target_date: None,
            note: String::new(),
        })
        .collect();
    for (day, change) in [
        ("2026-11-01", PlanEvent::Added("data-lead".into())),
        ("2026-11-15", PlanEvent::Target(Some("cio".into()))),
    ] {
        p.plan_changes.push(PlanChange {
            seq: 0,
            date: date(day),
            change,
        });
    }
    Store::new(dir.path()).create(&p).unwrap();
    let mut app = app_on(dir.path(), "ada-lovelace", 120, 40);
    // A plan change made today in the planner: it is dated, so it shows too.
    keys(&mut app, "2J");
    start_session(&mut app);

    let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
    let title = |id: &str| ladder.title_of(id);
    let digest: Vec<(Moved, String)> = newest_agenda(dir.path(), "ada-lovelace")
        .into_iter()
        .filter_map(|i| match i.topic {
            Topic::Since(moved) => Some((moved, i.text)),
            _ => None,
        })
        .collect();
    assert_eq!(
        digest,
        // In the order it happened (the entries of a file without sequence numbers are
        // given theirs by date; one dated the session's day counts before it).
        [
            (
                Moved::Rating,
                "Leadership: manager rated working towards (2026-11-11)".to_string()
            ),
            (
                Moved::Milestone,
                "◐ Difficult conversations: doing (2026-11-12)".into()
            ),
            (
                Moved::Plan,
                "Plan: target set to Chief Information Officer (2026-11-15)".into()
            ),
            (
                Moved::Evidence,
                "Logged 2026-11-20: ran the DR drill".into()
            ),
            (
                Moved::Plan,
                format!("Plan: moved {} ({TODAY})", title("data-lead"))
            ),
        ]
    );
}

#[test]
fn a_talking_point_from_the_shell_comes_first_and_is_closed_by_the_session_that_discussed_it() {
    let dir = tempfile::tempdir().unwrap();
    Store::new(dir.path())
        .create(&person("Ada Lovelace", "sysadmin"))
        .unwrap();
    rungs_cmd(dir.path())
        .args(["action", "add", "Read the board papers"])
        .assert()
        .success();
    let mut app = app_on(dir.path(), "ada-lovelace", 120, 40);
    // Raised from the shell while the planner is open, the manager's first, then the report's.
    rungs_cmd(dir.path())
        .args(["agenda", "add", "Feedback on the review", "--by", "manager"])
        .assert()
        .success();
    rungs_cmd(dir.path())
        .args(["agenda", "add", "Can I lead the cloud migration?"])
        .assert()
        .success();
    app.check_disk();
    start_session(&mut app);
    let agenda = newest_agenda(dir.path(), "ada-lovelace");
    assert_eq!(agenda[0].topic, Topic::Point(Rater::Own));
    assert_eq!(agenda[0].text, "Can I lead the cloud migration?");
    assert_eq!(agenda[1].topic, Topic::Point(Rater::Manager));
    assert_eq!(agenda[2].topic, Topic::Action);

    keys(&mut app, " ");
    let p = saved(dir.path(), "ada-lovelace");
    let session = p.sessions[0].id.clone();
    assert!(p.sessions[0].agenda[0].ticked);
    let point = |text: &str| p.talking_points.iter().find(|t| t.text == text).unwrap();
    assert_eq!(
        point("Can I lead the cloud migration?")
            .closed_in
            .as_deref(),
        Some(session.as_str())
    );
    assert_eq!(point("Feedback on the review").closed_in, None);
    let out = rungs_cmd(dir.path())
        .args(["agenda", "--json"])
        .assert()
        .success();
    let next: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let texts: Vec<&str> = next["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    assert!(
        !texts.contains(&"Can I lead the cloud migration?"),
        "{texts:?}"
    );
    assert_eq!(texts[0], "Feedback on the review");
}

#[test]
fn agenda_done_closes_a_topic_by_the_number_the_agenda_shows_and_refuses_unknown_ones() {
    let dir = tempfile::tempdir().unwrap();
    Store::new(dir.path())
        .create(&person("Ada Lovelace", "sysadmin"))
        .unwrap();
    let run = |args: &[&str]| rungs_cmd(dir.path()).args(args).assert();
    run(&["agenda", "add", "Budget for the course", "--by", "manager"]).success();
    run(&["agenda", "add", "Can I lead the cloud migration?"]).success();
    // The person's own topic comes first, under the number it was given when raised.
    run(&["agenda"])
        .success()
        .stdout(predicates::str::contains(
            "  • 2. Can I lead the cloud migration?",
        ))
        .stdout(predicates::str::contains("  • 1. Budget for the course"));
    // Scripts get the same number from --json; items that are not topics have none.
    let out = rungs_cmd(dir.path())
        .args(["agenda", "--json"])
        .output()
        .unwrap();
    let agenda: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = agenda["items"].as_array().unwrap();
    let number_of = |text: &str| {
        items
            .iter()
            .find(|i| i["text"] == text)
            .map(|i| i["number"].clone())
    };
    assert_eq!(number_of("Can I lead the cloud migration?"), Some(2.into()));
    assert_eq!(number_of("Budget for the course"), Some(1.into()));
    assert!(
        items
            .iter()
            .filter(|i| !i["kind"].as_str().unwrap().starts_with("topic-"))
            .all(|i| i["number"].is_null()),
        "{agenda}"
    );

    run(&["agenda", "done", "2"])
        .success()
        .stdout(predicates::str::contains("closed (1 still open)"));
    let p = saved(dir.path(), "ada-lovelace");
    assert!(!p.talking_points[1].is_open());
    assert!(p.talking_points[0].is_open());
    run(&["agenda"])
        .success()
        .stdout(predicates::str::contains("cloud migration").not());
    run(&["agenda", "done", "2"])
        .success()
        .stdout(predicates::str::contains("closed already"));

    for wrong in ["3", "0"] {
        run(&["agenda", "done", wrong])
            .code(2)
            .stderr(predicates::str::contains(format!("no topic {wrong}")))
            .stderr(predicates::str::contains("the topics have ids 1, 2"));
    }
    assert_eq!(saved(dir.path(), "ada-lovelace"), p, "nothing written");
}

const MARKER: &str = "PRIVATE-MARKER-7f3a";

/// Every file under `dir` but the private ones, with its text.
fn shared_files(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(shared_files(&path));
        } else if !path.to_string_lossy().ends_with(".private.ron") {
            found.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    found
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn a_private_marker_stays_in_the_private_file_and_out_of_every_output_and_shared_screen() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    // Through the planner: the private notes of a new session.
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    start_session(&mut app);
    keys(&mut app, "lle");
    keys(&mut app, &format!("{MARKER} from the planner"));
    press(&mut app, KeyCode::Esc);
    // Through the shell: another person's session.
    rungs_cmd(dir.path())
        .args([
            "session",
            "add",
            "--profile",
            "sam-okafor",
            "--notes",
            "shared words",
            "--private",
            &format!("{MARKER} from the shell"),
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains(MARKER).not());
    // From an earlier rungs: a format-1 profile with the note in the file itself, migrated
    // by its first write (the old file is kept, and must not be kept where it can be shared).
    let format_1 = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/profiles/format-1.ron"),
    )
    .unwrap()
    .replace(
        "Possible successor for the platform lead",
        &format!("{MARKER} from format 1"),
    );
    assert!(format_1.contains(MARKER));
    std::fs::write(dir.path().join("profiles/old-hand.ron"), format_1).unwrap();
    rungs_cmd(dir.path())
        .args(["log", "--profile", "old-hand", "ran the DR drill"])
        .assert()
        .success();

    // Written, and only where it belongs.
    assert_eq!(
        saved(dir.path(), "priya-sharma")
            .private_notes
            .values()
            .filter(|n| n.contains(MARKER))
            .count(),
        1
    );
    assert!(
        saved(dir.path(), "sam-okafor")
            .private_notes
            .values()
            .any(|n| n.contains(MARKER))
    );
    assert!(
        saved(dir.path(), "old-hand")
            .private_notes
            .values()
            .any(|n| n.contains(MARKER))
    );
    let files = shared_files(dir.path());
    assert!(files.iter().any(|(p, _)| p.ends_with("priya-sharma.ron")));
    for (path, bytes) in &files {
        assert!(
            !contains(bytes, MARKER),
            "{} holds the marker",
            path.display()
        );
    }

    // No command prints it unless asked.
    for profile in ["priya-sharma", "sam-okafor", "old-hand"] {
        let exports: &[&[&str]] = &[&["export"], &["export", "--format", "json"]];
        for &args in common::PROFILE_PRINTS.iter().chain(exports) {
            let out = rungs_cmd(dir.path())
                .args(args)
                .args(["--profile", profile])
                .output()
                .unwrap();
            assert!(out.status.success(), "{args:?}: {out:?}");
            assert!(!contains(&out.stdout, MARKER), "{args:?} printed it");
            assert!(!contains(&out.stderr, MARKER), "{args:?} said it");
        }
        let out = rungs_cmd(dir.path())
            .args(["session", "list", "--include-private", "--profile", profile])
            .output()
            .unwrap();
        assert!(contains(&out.stdout, MARKER), "asked for, it shows");
    }

    // The planner in share-safe mode: no tab, pane or popup shows it.
    keys(&mut app, "s");
    let mut screens = Vec::new();
    for tab in ["1", "2", "3", "5"] {
        keys(&mut app, tab);
        screens.push(screen(&app));
    }
    keys(&mut app, "5");
    for _ in 0..5 {
        keys(&mut app, "l");
        screens.push(screen(&app));
    }
    // Tab 4 again: the session, the sessions, the roster, the session reopened pane by pane.
    keys(&mut app, "4");
    screens.push(screen(&app));
    press(&mut app, KeyCode::Esc);
    screens.push(screen(&app));
    keys(&mut app, "h");
    screens.push(screen(&app));
    keys(&mut app, "l");
    press(&mut app, KeyCode::Enter);
    for _ in 0..4 {
        screens.push(screen(&app));
        keys(&mut app, "l");
    }
    keys(&mut app, "c");
    screens.push(screen(&app));
    keys(&mut app, "c?");
    screens.push(screen(&app));
    press(&mut app, KeyCode::Esc);
    for shown in &screens {
        assert!(!shown.contains(MARKER), "share-safe showed it:\n{shown}");
    }
    // And without share-safe the same session shows it: the check above can fail.
    keys(&mut app, "s");
    assert!(screen(&app).contains(MARKER), "{}", screen(&app));
}

#[test]
fn every_view_of_tab_4_draws_at_every_size_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    let sizes: Vec<(u16, u16)> = (1..=130)
        .step_by(4)
        .flat_map(|w| (1..=45).step_by(3).map(move |h| (w, h)))
        .collect();
    let sweep = |app: &mut App| {
        for &(w, h) in &sizes {
            app.handle(&ratatui::crossterm::event::Event::Resize(w, h));
            let area = ratatui::layout::Rect::new(0, 0, w, h);
            let mut buf = ratatui::buffer::Buffer::empty(area);
            app.render(area, &mut buf);
        }
        app.handle(&ratatui::crossterm::event::Event::Resize(120, 40));
    };
    keys(&mut app, "4");
    sweep(&mut app);
    keys(&mut app, "/pri");
    sweep(&mut app);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    sweep(&mut app);
    keys(&mut app, "n");
    sweep(&mut app);
    keys(&mut app, "le");
    keys(
        &mut app,
        "a note long enough to wrap in a narrow pane, 工程师 🚀 and all",
    );
    sweep(&mut app);
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "c");
    sweep(&mut app);
    keys(&mut app, "5hhh");
    sweep(&mut app);
}

#[test]
fn unknown_numbers_competencies_and_ratings_exit_2_saying_what_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    Store::new(dir.path())
        .create(&person("Ada Lovelace", "sysadmin"))
        .unwrap();
    let fails = |args: &[&str], says: &[&str]| {
        let out = rungs_cmd(dir.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        for words in says {
            assert!(err.contains(words), "{args:?} said {err}");
        }
        assert!(out.stdout.is_empty(), "{args:?}");
    };
    fails(
        &["action", "done", "1"],
        &["no action item 1", "no action items yet"],
    );
    rungs_cmd(dir.path())
        .args([
            "action",
            "add",
            "Read the board papers",
            "--due",
            "2026-12-01",
        ])
        .assert()
        .success();
    fails(
        &["action", "done", "3"],
        &["no action item 3", "the action items have ids 1 "],
    );
    fails(&["action", "done", "0"], &["no action item 0"]);
    fails(
        &["rate", "leadrship", "meeting", "--by", "self"],
        &["unknown competency \"leadrship\"", "leadership"],
    );
    fails(
        &["rate", "leadership", "great", "--by", "self"],
        &["great", "working-towards"],
    );
    fails(
        &["rate", "leadership", "meeting", "--by", "boss"],
        &["boss", "manager"],
    );
    fails(&["agenda", "add", "  "], &["nothing to add"]);
    rungs_cmd(dir.path())
        .args(["action", "done", "1"])
        .assert()
        .success()
        .stdout(predicates::str::contains("done (0 still open)"));
    rungs_cmd(dir.path())
        .args([
            "rate",
            "leadership",
            "working-towards",
            "--by",
            "self",
            "--note",
            "getting there",
        ])
        .assert()
        .success();
    let out = rungs_cmd(dir.path())
        .args(["ratings", "--json"])
        .output()
        .unwrap();
    let ratings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let leadership = ratings
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "leadership")
        .unwrap();
    assert_eq!(leadership["self"]["level"], "working-towards");
    assert_eq!(leadership["self"]["note"], "getting there");
    assert_eq!(leadership["manager"], serde_json::Value::Null);
}

#[test]
fn the_footer_offers_share_safe_where_private_notes_can_show_and_while_it_is_on() {
    let (mut app, _dir) = app_with_profile(120, 40);
    let footer = |app: &App| screen(app).lines().last().unwrap_or_default().to_string();
    assert!(!footer(&app).contains("share-safe"), "{}", footer(&app));
    keys(&mut app, "4");
    assert!(footer(&app).contains("s share-safe"), "{}", footer(&app));
    keys(&mut app, "1s");
    assert!(app.share_safe());
    assert!(
        footer(&app).contains("s share-safe"),
        "to turn it off: {}",
        footer(&app)
    );
}
