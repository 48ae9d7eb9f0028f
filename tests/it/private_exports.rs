//! Private notes and the exports (issue 12): a marker written in a session's private notes is
//! in no export of any format and in nothing the command line prints about the profile; only
//! `--include-private` puts it in the Markdown and JSON exports, and the formats made to be
//! shown (dot, svg, ics) refuse the flag. In the planner, the export menu leaves them out
//! unless asked each time, and in share-safe mode cannot be asked.

use crate::common;

use std::path::Path;

use common::planner::{keys, press, screen};
use common::{rungs, with_fixture};
use ratatui::crossterm::event::{Event, KeyCode};
use rungs::date::{Clock, Date};
use rungs::ladder::{BUNDLED, load_str};
use rungs::profile::Store;
use rungs::tui::App;

const MARKER: &str = "PRIVATE-MARKER-c41e";
const FORMATS: [&str; 5] = ["markdown", "json", "dot", "svg", "ics"];

/// A data folder with the fixture profile and a session whose private notes hold the marker.
fn with_private_marker() -> tempfile::TempDir {
    let dir = with_fixture();
    rungs(dir.path())
        .args([
            "session",
            "add",
            "--notes",
            "Shared: the on-call rotation",
            "--private",
            &format!("{MARKER}: ready to lead the platform team"),
            "--action",
            "Draft the on-call proposal",
        ])
        .assert()
        .success();
    // The marker is really there to be found: the checks below can fail.
    let private =
        std::fs::read_to_string(dir.path().join("profiles/priya-sharma.private.ron")).unwrap();
    assert!(private.contains(MARKER));
    dir
}

struct Printed {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Printed {
    let output = rungs(dir).args(args).output().unwrap();
    Printed {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn no_export_of_any_format_carries_a_private_note_unless_asked() {
    let dir = with_private_marker();
    let out_dir = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let printed = run(dir.path(), &["export", "--format", format]);
        assert_eq!(printed.code, Some(0), "{format}: {}", printed.stderr);
        assert!(!printed.stdout.is_empty(), "{format} printed nothing");
        assert!(!printed.stdout.contains(MARKER), "{format} export holds it");
        assert!(!printed.stderr.contains(MARKER), "{format} said it");

        let file = out_dir.path().join(format!("plan.{format}"));
        let written = run(
            dir.path(),
            &[
                "export",
                "--format",
                format,
                "--out",
                &file.to_string_lossy(),
            ],
        );
        assert_eq!(written.code, Some(0), "{format}: {}", written.stderr);
        let contents = std::fs::read_to_string(&file).unwrap();
        assert!(!contents.contains(MARKER), "{} holds it", file.display());
    }
}

#[test]
fn nothing_the_command_line_prints_about_the_profile_carries_a_private_note() {
    let dir = with_private_marker();
    for args in common::PROFILE_PRINTS {
        let printed = run(dir.path(), args);
        assert_eq!(printed.code, Some(0), "{args:?}: {}", printed.stderr);
        assert!(!printed.stdout.contains(MARKER), "{args:?} printed it");
        assert!(!printed.stderr.contains(MARKER), "{args:?} said it");
    }
}

#[test]
fn include_private_puts_the_notes_in_markdown_and_json_only() {
    let dir = with_private_marker();
    for format in ["markdown", "json"] {
        let printed = run(
            dir.path(),
            &["export", "--format", format, "--include-private"],
        );
        assert_eq!(printed.code, Some(0), "{format}: {}", printed.stderr);
        assert!(
            printed.stdout.contains(MARKER),
            "{format}: asked for, it is there"
        );
        assert!(
            printed.stderr.contains("holds private notes"),
            "{format} warns: {}",
            printed.stderr
        );
    }
    let json: serde_json::Value = serde_json::from_str(
        &run(
            dir.path(),
            &["export", "--format", "json", "--include-private"],
        )
        .stdout,
    )
    .unwrap();
    let session = &json["derived"]["coaching"]["sessions"][0];
    let id = session["id"].as_str().unwrap();
    assert!(session["private_notes"].as_str().unwrap().contains(MARKER));
    assert!(json["private_notes"][id].as_str().unwrap().contains(MARKER));

    for format in ["dot", "svg", "ics"] {
        let printed = run(
            dir.path(),
            &["export", "--format", format, "--include-private"],
        );
        assert_eq!(printed.code, Some(2), "{format}: bad usage");
        assert!(
            printed.stdout.is_empty(),
            "{format} printed {}",
            printed.stdout
        );
        assert!(
            printed.stderr.contains("--include-private")
                && printed.stderr.contains("only markdown and json"),
            "{format}: {}",
            printed.stderr
        );
        assert!(!printed.stderr.contains(MARKER));
    }
}

#[cfg(unix)]
#[test]
fn a_file_written_with_private_notes_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = with_private_marker();
    let file = dir.path().join("summary.md");
    let printed = run(
        dir.path(),
        &[
            "export",
            "--include-private",
            "--out",
            &file.to_string_lossy(),
        ],
    );
    assert_eq!(printed.code, Some(0), "{}", printed.stderr);
    assert!(std::fs::read_to_string(&file).unwrap().contains(MARKER));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode();
    assert_eq!(mode & 0o077, 0, "mode {mode:o}");
}

/// The planner on the fixture profile, whose session's private notes hold the marker.
fn planner_with_private_marker() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let mut profile = common::planner::fixture_profile();
    for note in profile.private_notes.values_mut() {
        *note = format!("{MARKER}: ready to lead the platform team");
    }
    store.create(&profile).unwrap();
    let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
    let mut app = App::new(ladder, store, Some(profile), false);
    app.set_clock(Clock::Pinned(common::TODAY.parse::<Date>().unwrap()));
    app.handle(&Event::Resize(120, 40));
    (app, dir)
}

/// Every export written so far, by file name, with its text.
fn exports(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(dir.join("exports")) else {
        return Vec::new();
    };
    let mut found: Vec<(String, String)> = entries
        .map(|e| {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();
    found.sort();
    found
}

/// The menu's letter for each format.
const LETTERS: [&str; 5] = ["m", "j", "d", "s", "i"];

#[test]
fn in_share_safe_mode_the_export_menu_cannot_include_private_notes() {
    let (mut app, dir) = planner_with_private_marker();
    keys(&mut app, "s");
    for letter in LETTERS {
        keys(&mut app, "X");
        // Asking for them is refused, and the menu says why.
        keys(&mut app, "p");
        let shown = screen(&app);
        assert!(shown.contains("share-safe is on"), "{shown}");
        assert!(!shown.contains("INCLUDED"), "{shown}");
        keys(&mut app, letter);
    }
    let written = exports(dir.path());
    assert_eq!(written.len(), 5, "{written:?}");
    for (name, text) in &written {
        assert!(!text.contains(MARKER), "{name} holds a private note");
        assert!(!name.contains("private"), "{name}");
    }
}

#[test]
fn outside_share_safe_the_menu_includes_private_notes_only_when_asked_each_time() {
    let (mut app, dir) = planner_with_private_marker();
    let today = common::TODAY;
    // Asked for: the summary holds them, under a name that says so.
    keys(&mut app, "X");
    keys(&mut app, "p");
    assert!(screen(&app).contains("INCLUDED"), "{}", screen(&app));
    keys(&mut app, "m");
    // Not asked for this time: the menu forgot the last choice.
    keys(&mut app, "Xj");
    // Asked for, but a picture never carries them.
    keys(&mut app, "Xp");
    keys(&mut app, "s");
    let written = exports(dir.path());
    let names: Vec<&str> = written.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            format!("priya-sharma-{today}-private.md"),
            format!("priya-sharma-{today}.json"),
            format!("priya-sharma-{today}.svg"),
        ]
    );
    assert!(written[0].1.contains(MARKER), "asked for, it is there");
    assert!(!written[1].1.contains(MARKER));
    assert!(!written[2].1.contains(MARKER));
    // Esc leaves the menu; nothing else is written.
    keys(&mut app, "Xp");
    press(&mut app, KeyCode::Esc);
    assert_eq!(exports(dir.path()).len(), 3);
}
