//! The export menu's minutes and promotion case (issues 24 and 25, `X` in the planner): the
//! minutes are the very document `rungs session show --format markdown` prints, of the 1:1 open
//! in the Coaching tab or else the latest; the case is the very document `rungs case --format
//! markdown` prints for the next role. Private notes go in only when the menu's toggle is on,
//! and under share-safe it cannot be turned on.

use std::path::Path;

use crate::common::planner::*;
use crate::common::with_fixture;
use ratatui::crossterm::event::KeyCode;
use rungs::tui::App;

const MARKER: &str = "PRIVATE-MARKER-9b2d";
/// The fixture's own 1:1 and its private note.
const OLDER: &str = "2026-11-10";
const OLDER_NOTE: &str = "Possible successor for the platform lead";

/// The fixture profile (Priya, tech lead) with a second 1:1 today whose private notes hold the
/// marker, and the planner open on it.
fn planner() -> (App, tempfile::TempDir) {
    let dir = with_fixture();
    rungs_cmd(dir.path())
        .args(["session", "add", "--notes", "The on-call rota"])
        .args(["--private", &format!("{MARKER}: watch for burnout")])
        .args(["--action", "Draft the on-call proposal"])
        .assert()
        .success();
    let app = app_on(dir.path(), "priya-sharma", 120, 40);
    (app, dir)
}

/// What `rungs ARGS` prints on stdout, on the same day as the planner.
fn printed(dir: &Path, args: &[&str]) -> String {
    let out = rungs_cmd(dir).args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The export named `name`, which must have been written.
fn exported(dir: &Path, name: &str) -> String {
    let path = dir.join("exports").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn export_count(dir: &Path) -> usize {
    std::fs::read_dir(dir.join("exports")).map_or(0, |d| d.count())
}

#[test]
fn the_minutes_from_the_menu_are_what_session_show_prints_private_notes_only_when_asked() {
    let (mut app, dir) = planner();
    let latest = TODAY;
    keys(&mut app, "X");
    let shown = screen(&app);
    assert!(
        shown.contains(&format!(
            "write the minutes of the 1:1 of {latest} (Markdown)"
        )),
        "the menu says which 1:1: {shown}"
    );
    keys(&mut app, "o");
    let minutes = exported(dir.path(), &format!("priya-sharma-minutes-{latest}.md"));
    assert_eq!(
        minutes,
        printed(dir.path(), &["session", "show", "--format", "markdown"])
    );
    assert!(!minutes.contains(MARKER), "not asked for: {minutes}");
    let shown = screen(&app);
    assert!(
        shown.contains("exported to"),
        "the status line says where: {shown}"
    );
    assert!(
        shown.contains(&format!("priya-sharma-minutes-{latest}.md")),
        "{shown}"
    );

    // Asked for this once: the private note is in, under a name that says so.
    keys(&mut app, "Xpo");
    let private = exported(
        dir.path(),
        &format!("priya-sharma-minutes-{latest}-private.md"),
    );
    assert_eq!(
        private,
        printed(
            dir.path(),
            &[
                "session",
                "show",
                "--format",
                "markdown",
                "--include-private"
            ]
        )
    );
    assert!(private.contains(MARKER));
    let shown = screen(&app);
    assert!(
        shown.contains("keep it to yourself"),
        "no advice to paste it: {shown}"
    );
    // The menu forgot the choice: the next minutes leave it out again.
    std::fs::remove_file(
        dir.path()
            .join(format!("exports/priya-sharma-minutes-{latest}.md")),
    )
    .unwrap();
    keys(&mut app, "Xo");
    let again = exported(dir.path(), &format!("priya-sharma-minutes-{latest}.md"));
    assert!(!again.contains(MARKER));
}

#[test]
fn the_minutes_are_of_the_session_open_in_the_coaching_tab() {
    let (mut app, dir) = planner();
    keys(&mut app, "4");
    // The sessions pane, newest first: the fixture's own 1:1 is the second.
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(shown.contains(OLDER), "the older 1:1 is open: {shown}");
    keys(&mut app, "X");
    let shown = screen(&app);
    assert!(
        shown.contains(&format!("minutes of the 1:1 of {OLDER}")),
        "{shown}"
    );
    keys(&mut app, "po");
    let minutes = exported(
        dir.path(),
        &format!("priya-sharma-minutes-{OLDER}-private.md"),
    );
    assert_eq!(
        minutes,
        printed(
            dir.path(),
            &[
                "session",
                "show",
                OLDER,
                "--format",
                "markdown",
                "--include-private"
            ]
        )
    );
    assert!(minutes.contains(OLDER_NOTE), "{minutes}");
    assert!(!minutes.contains(MARKER), "today's note is another 1:1's");
}

#[test]
fn the_case_from_the_menu_is_what_rungs_case_prints_private_notes_only_when_asked() {
    let (mut app, dir) = planner();
    keys(&mut app, "X");
    let shown = screen(&app);
    // Priya is a tech lead: her next role is the one `rungs case` picks.
    let case = printed(dir.path(), &["case", "--format", "markdown"]);
    let json: serde_json::Value =
        serde_json::from_str(&printed(dir.path(), &["case", "--format", "json"])).unwrap();
    let role = json["target"].as_str().unwrap().to_string();
    let title = json["target_title"].as_str().unwrap();
    assert!(
        shown.contains(&format!("write the promotion case for {title}")),
        "{shown}"
    );
    keys(&mut app, "c");
    let name = format!("priya-sharma-case-{role}-{TODAY}");
    let written = exported(dir.path(), &format!("{name}.md"));
    assert_eq!(written, case);
    assert!(!written.contains(MARKER) && !written.contains(OLDER_NOTE));
    assert!(
        screen(&app).contains(&format!("{name}.md")),
        "{}",
        screen(&app)
    );
    assert!(
        screen(&app).contains("bring it to the promotion talk"),
        "{}",
        screen(&app)
    );

    keys(&mut app, "Xpc");
    let private = exported(dir.path(), &format!("{name}-private.md"));
    assert_eq!(
        private,
        printed(
            dir.path(),
            &["case", "--format", "markdown", "--include-private"]
        )
    );
    assert!(private.contains(MARKER), "asked for, it is there");
}

#[test]
fn under_share_safe_neither_the_minutes_nor_the_case_carry_a_private_note() {
    let (mut app, dir) = planner();
    keys(&mut app, "s");
    for key in ["o", "c"] {
        keys(&mut app, "X");
        keys(&mut app, "p");
        let shown = screen(&app);
        assert!(shown.contains("share-safe is on"), "{shown}");
        assert!(!shown.contains("INCLUDED"), "{shown}");
        keys(&mut app, key);
    }
    let folder = dir.path().join("exports");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !text.contains(MARKER) && !text.contains(OLDER_NOTE),
            "{name}"
        );
        assert!(!name.contains("private"), "{name}");
        names.push(name);
    }
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].starts_with("priya-sharma-case-"), "{names:?}");
    assert_eq!(names[1], format!("priya-sharma-minutes-{TODAY}.md"));
}

/// A data folder with one new profile, Sam, in `role`: no 1:1 yet.
fn sam(role: &str) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    rungs_cmd(dir.path())
        .args(["profile", "new", "Sam Okafor", "--role", role])
        .assert()
        .success();
    let app = app_on(dir.path(), "sam-okafor", 120, 40);
    (app, dir)
}

#[test]
fn with_no_1on1_the_minutes_entry_says_so_and_writes_nothing() {
    let (mut app, dir) = sam("developer");
    keys(&mut app, "X");
    let shown = screen(&app);
    assert!(
        shown.contains("minutes of a 1:1 — there is none yet"),
        "{shown}"
    );
    keys(&mut app, "o");
    let shown = screen(&app);
    assert!(
        shown.contains("no 1:1 yet to write the minutes of"),
        "{shown}"
    );
    assert_eq!(export_count(dir.path()), 0);
}

#[test]
fn at_the_top_of_the_ladder_the_case_entry_says_there_is_no_next_role_and_writes_nothing() {
    let (mut app, dir) = sam("cio");
    keys(&mut app, "X");
    let shown = screen(&app);
    assert!(
        shown.contains("promotion case — there is no next role"),
        "{shown}"
    );
    keys(&mut app, "c");
    let shown = screen(&app);
    assert!(shown.contains("no next role to make a case for"), "{shown}");
    assert_eq!(export_count(dir.path()), 0);
}
