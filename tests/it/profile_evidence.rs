//! Issue 24 in the planner: the evidence log shows what each entry is tied to by title (the
//! words of `rungs evidence list`), an entry is corrected with `e` and removed with `x` by its
//! id (undo brings it back), and the roster shows the manager's own profile (`me`) apart from
//! the reports.

use std::path::Path;

use crate::coaching::team;
use crate::common::planner::*;
use ratatui::crossterm::event::KeyCode;
use rungs::profile::{Profile, Store};
use rungs::tui::App;

fn saved(dir: &Path) -> Profile {
    Store::new(dir).load("priya-sharma").unwrap()
}

/// The evidence on disk as (id, text), in log order.
fn evidence_on_disk(dir: &Path) -> Vec<(u64, String)> {
    saved(dir)
        .evidence
        .iter()
        .map(|e| (e.id, e.text.clone()))
        .collect()
}

/// Priya's profile in the planner, on the Profile tab's evidence section.
fn on_evidence(dir: &Path) -> App {
    team(dir);
    let mut app = app_on(dir, "priya-sharma", 120, 40);
    keys(&mut app, "5lll");
    assert!(screen(&app).contains("[Evidence 2]"), "{}", screen(&app));
    app
}

/// Adds an evidence entry with the planner's `a`.
fn add(app: &mut App, text: &str) {
    keys(app, "a");
    keys(app, text);
    ctrl(app, 's');
}

#[test]
fn evidence_shows_what_it_is_tied_to_by_title_as_rungs_evidence_list_does() {
    let dir = tempfile::tempdir().unwrap();
    let app = on_evidence(dir.path());
    let shown = screen(&app);
    let ladder = rungs::ladder::load_str(rungs::ladder::BUNDLED[0].1, "bundled").unwrap();
    let p = saved(dir.path());
    for e in &p.evidence {
        let raw = e.milestone.as_ref().or(e.competency.as_ref()).unwrap();
        let title = rungs::export::evidence_tag(e, &ladder).unwrap();
        assert_ne!(&title, raw, "the fixture ties it to something with a title");
        assert!(shown.contains(&format!("[{title}]")), "{title}: {shown}");
        assert!(!shown.contains(&format!("[{raw}]")), "{raw}: {shown}");
    }
    // Line for line what the shell lists, ids included.
    let listed = rungs_cmd(dir.path())
        .args(["--profile", "priya", "evidence", "list"])
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    for line in listed.lines().skip(1) {
        assert!(shown.contains(line.trim()), "{line:?} not on: {shown}");
    }
}

#[test]
fn e_corrects_the_text_of_exactly_the_entry_selected() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_evidence(dir.path());
    let before = evidence_on_disk(dir.path());
    press(&mut app, KeyCode::Down);
    keys(&mut app, "e");
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("Correct evidence entry {}", before[1].0)),
        "{shown}"
    );
    assert!(
        shown.contains("Presented the cloud cost review"),
        "pre-filled: {shown}"
    );
    ctrl(&mut app, 'u');
    keys(&mut app, "Presented the cloud cost review to the board");
    // Enter saves, as the footer says: an entry is one line, as `rungs log` takes it.
    press(&mut app, KeyCode::Enter);
    let after = evidence_on_disk(dir.path());
    assert_eq!(after[0], before[0], "the other entry is untouched");
    assert_eq!(
        after[1],
        (
            before[1].0,
            "Presented the cloud cost review to the board".to_string()
        ),
        "same id, new text"
    );
    let p = saved(dir.path());
    assert_eq!(
        p.evidence[1].competency.as_deref(),
        Some("business-acumen"),
        "its tie stays"
    );
    assert!(screen(&app).contains("to the board"), "{}", screen(&app));
    keys(&mut app, "u");
    assert_eq!(
        evidence_on_disk(dir.path()),
        before,
        "undo puts the text back"
    );
}

#[test]
fn x_removes_exactly_the_entry_selected_by_its_id_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_evidence(dir.path());
    // Two entries with the same text and date: only their ids tell them apart.
    add(&mut app, "Ran the incident review");
    add(&mut app, "Ran the incident review");
    let before = evidence_on_disk(dir.path());
    assert_eq!(before.len(), 4);
    assert_eq!(before[2].1, before[3].1);
    assert_ne!(before[2].0, before[3].0);

    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    keys(&mut app, "x");
    let after = evidence_on_disk(dir.path());
    assert_eq!(
        after,
        [before[0].clone(), before[1].clone(), before[3].clone()],
        "entry {} gone, its twin {} kept",
        before[2].0,
        before[3].0
    );
    let shown = screen(&app);
    assert!(shown.contains("evidence removed"), "{shown}");
    assert!(shown.contains("[Evidence 3]"), "{shown}");
    // Gone from the export as well.
    let exported = rungs_cmd(dir.path())
        .args(["--profile", "priya", "evidence", "list", "--json"])
        .output()
        .unwrap();
    let ids: Vec<u64> = serde_json::from_slice::<serde_json::Value>(&exported.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, after.iter().map(|e| e.0).collect::<Vec<_>>());

    keys(&mut app, "u");
    assert_eq!(
        evidence_on_disk(dir.path()),
        before,
        "undo brings it back, id and all"
    );
}

#[test]
fn edit_and_remove_outside_the_evidence_section_change_nothing_and_say_where_to_go() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    let file = || std::fs::read(dir.path().join("profiles/priya-sharma.ron")).unwrap();
    let before = file();
    keys(&mut app, "5");
    for key in ["e", "x"] {
        keys(&mut app, key);
        assert!(
            screen(&app).contains("→ to the evidence section"),
            "{}",
            screen(&app)
        );
    }
    assert_eq!(file(), before);
    let shown = screen(&app);
    assert!(
        shown.contains("e edit") && shown.contains("x remove"),
        "{shown}"
    );
}

/// The planner on the team with `me` naming Lee, as from config.ron, wide enough for the
/// roster's "last 1:1" column.
fn opened_as_lee(dir: &Path) -> App {
    opened_with_me(dir, Some("lee"), 200, 40)
}

#[test]
fn with_me_set_the_roster_shows_the_manager_apart_and_not_as_a_report() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = opened_as_lee(dir.path());
    keys(&mut app, "4");
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    let at = |name: &str| {
        let found: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].contains(name))
            .collect();
        assert_eq!(found.len(), 1, "{name} once: {shown}");
        found[0]
    };
    let me = at("you: Lee Chen");
    assert!(
        me < at("Sam Okafor") && me < at("Priya Sharma"),
        "first: {shown}"
    );
    let blank = |i: usize| lines[i].trim_matches(['"', '│', ' ']).is_empty();
    assert!(
        (me + 1..at("Sam Okafor")).any(blank),
        "a line apart: {shown}"
    );
    assert!(shown.contains("last 1:1"), "the column shows: {shown}");
    assert!(
        !lines[me].contains("never"),
        "no 1:1 alarm with yourself: {shown}"
    );
    assert!(shown.contains("Roster · 2 reports"), "{shown}");
    // Sam and Priya, who never had a 1:1 or had one, read as before.
    assert!(lines[at("Sam Okafor")].contains("ago"), "{shown}");

    // The manager's row opens like any other; the sort orders the reports only.
    keys(&mut app, "o");
    assert!(screen(&app).contains("by name"), "{}", screen(&app));
    let shown = screen(&app);
    let row = |name: &str| shown.lines().position(|l| l.contains(name)).unwrap();
    assert!(row("you: Lee Chen") < row("Priya Sharma"), "{shown}");
    assert!(row("Priya Sharma") < row("Sam Okafor"), "{shown}");
    press(&mut app, KeyCode::Home);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(
        screen(&app).contains("rungs · Priya Sharma"),
        "{}",
        screen(&app)
    );

    // Rating from a report's Profile tab is the manager's rating unless said otherwise.
    keys(&mut app, "5");
    for _ in 0..4 {
        press(&mut app, KeyCode::Right);
    }
    keys(&mut app, "r");
    let form = screen(&app);
    assert!(form.contains("Rated by"), "{form}");
    assert!(form.contains("› manager"), "{form}");
    assert!(!form.contains("› self"), "{form}");
    press(&mut app, KeyCode::Esc);
    // Setting the current role on the Ladder tab names whose role it is.
    keys(&mut app, "1c");
    let shown = screen(&app);
    assert!(
        shown.contains("already Priya Sharma's current role"),
        "{shown}"
    );

    // Share-safe: only the open person, never the manager's own row beside them.
    keys(&mut app, "s");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "4h");
    let shown = screen(&app);
    assert!(!shown.contains("Lee Chen"), "{shown}");
    assert!(!shown.contains("Sam Okafor"), "{shown}");
    assert!(shown.contains("Priya Sharma"), "{shown}");
}

#[test]
fn without_me_everyone_is_listed_alike() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "lee-chen", 200, 40);
    keys(&mut app, "4");
    let shown = screen(&app);
    assert!(!shown.contains("you:"), "{shown}");
    assert!(shown.contains("Roster · 3 people"), "{shown}");
    let lee = shown.lines().find(|l| l.contains("● Lee Chen")).unwrap();
    assert!(lee.contains("never"), "{shown}");
}
