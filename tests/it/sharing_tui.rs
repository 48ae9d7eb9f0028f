//! Sharing a plan in the planner: compare marks and the compare view, the learning-path view,
//! the export menu, and the role diff agreeing with `rungs diff`.

use std::path::PathBuf;

use crate::common;

use assert_cmd::Command;
use common::planner::*;
use insta::assert_snapshot;
use ratatui::crossterm::event::{Event, KeyCode};
use rungs::date::{Clock, Date};
use rungs::ladder::{BUNDLED, load_str};
use rungs::profile::Store;
use rungs::tui::App;

const TODAY: &str = "2026-11-25";

/// The fixture profile in the planner on a pinned day.
fn planner(width: u16, height: u16) -> (App, tempfile::TempDir) {
    let (mut app, dir) = app_with_profile(width, height);
    app.set_clock(Clock::Pinned(TODAY.parse::<Date>().unwrap()));
    (app, dir)
}

/// Selects the role titled `title` with the search, and closes the search.
fn select(app: &mut App, title: &str) {
    keys(app, &format!("/{title}"));
    press(app, KeyCode::Esc);
}

fn mark_three(app: &mut App) {
    for title in [
        "chief information officer",
        "chief technology officer",
        "director of data",
    ] {
        select(app, title);
        keys(app, "m");
    }
}

#[test]
fn snapshots_of_the_compare_view() {
    for (width, height) in [(80, 24), (120, 40)] {
        let (mut app, _dir) = planner(width, height);
        mark_three(&mut app);
        keys(&mut app, "C");
        assert_snapshot!(format!("compare_{width}x{height}"), screen(&app));
    }
}

#[test]
fn snapshots_of_the_learning_path_view() {
    for (width, height) in [(80, 24), (120, 40)] {
        let (mut app, _dir) = planner(width, height);
        keys(&mut app, "3v");
        assert_snapshot!(format!("learning_path_{width}x{height}"), screen(&app));
    }
}

#[test]
fn compare_marks_show_on_the_graph_at_every_zoom_and_a_fourth_is_refused() {
    let (mut app, _dir) = planner(120, 40);
    mark_three(&mut app);
    for _ in 0..3 {
        let shown = screen(&app);
        for mark in ["◆1", "◆2", "◆3"] {
            assert!(shown.contains(mark), "{mark} on\n{shown}");
        }
        keys(&mut app, "z");
    }
    select(&mut app, "chief data officer");
    keys(&mut app, "m");
    assert!(screen(&app).contains("3 roles are marked already"));
    select(&mut app, "chief technology officer");
    keys(&mut app, "m");
    let shown = screen(&app);
    assert!(
        shown.contains("unmarked") && !shown.contains("◆3"),
        "{shown}"
    );
}

#[test]
fn compare_without_marks_says_how_to_mark() {
    let (mut app, _dir) = planner(120, 40);
    keys(&mut app, "C");
    assert!(screen(&app).contains("mark up to three roles with m first"));
}

#[test]
fn the_diff_popup_and_rungs_diff_say_the_same() {
    let (mut app, dir) = planner(120, 40);
    select(&mut app, "engineering manager");
    keys(&mut app, "d");
    // The first page, then the last (the popup scrolls when the diff is longer than it).
    let mut shown = screen(&app);
    keys(&mut app, "G");
    shown.push_str(&screen(&app));
    let cli = Command::cargo_bin("rungs")
        .unwrap()
        .env("RUNGS_DATA_DIR", dir.path())
        .env("RUNGS_TODAY", TODAY)
        .env(
            "RUNGS_CONFIG",
            std::env::temp_dir().join("rungs-tests-no-config.ron"),
        )
        .env_remove("RUNGS_LADDERS")
        .args([
            "diff",
            "dev-lead",
            "engineering-manager",
            "--profile",
            "priya-sharma",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let cli = String::from_utf8(cli).unwrap();
    assert!(cli.lines().count() > 8, "{cli}");
    // Every line the command prints shows in the popup, in the same order.
    let mut from = 0;
    for line in cli.lines() {
        let at = shown[from..].find(line.trim()).unwrap_or_else(|| {
            panic!("{line:?} is not in the popup after the lines before it:\n{shown}")
        });
        from += at + line.trim().len();
    }
}

#[test]
fn accepting_a_learning_path_date_saves_it_as_the_milestones_due_date() {
    let (mut app, dir) = planner(120, 40);
    let store = Store::new(dir.path());
    let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
    let today: Date = TODAY.parse().unwrap();
    let path = rungs::profile::learning_path(&store.load("priya-sharma").unwrap(), &ladder, today);
    let first = path.iter().find(|i| !i.due_set).unwrap();
    let cursor = path.iter().position(|i| i == first).unwrap();
    keys(&mut app, "3v");
    for _ in 0..cursor {
        press(&mut app, KeyCode::Down);
    }
    keys(&mut app, "a");
    let saved = store.load("priya-sharma").unwrap();
    assert_eq!(saved.milestones[&first.milestone].due, Some(first.due));
    assert!(screen(&app).contains(&format!("due {}", first.due)));
    keys(&mut app, "u");
    let undone = store.load("priya-sharma").unwrap();
    assert_eq!(
        undone.milestones.get(&first.milestone).and_then(|p| p.due),
        None
    );
}

#[test]
fn the_export_menu_writes_into_the_exports_folder_and_says_where() {
    let (mut app, dir) = planner(120, 40);
    keys(&mut app, "X");
    assert!(screen(&app).contains("Export"), "{}", screen(&app));
    keys(&mut app, "s");
    let expected: PathBuf = dir
        .path()
        .join("exports")
        .join(format!("priya-sharma-{TODAY}.svg"));
    let svg = std::fs::read_to_string(&expected).expect("the export is written");
    assert!(svg.contains("<svg"));
    let shown = screen(&app);
    assert!(shown.contains("exported to"), "{shown}");
    assert!(shown.contains("open it in a browser"), "{shown}");
    // Enter writes the selected format; Esc closes without writing.
    keys(&mut app, "X");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(
        dir.path()
            .join("exports")
            .join(format!("priya-sharma-{TODAY}.json"))
            .exists()
    );
    keys(&mut app, "X");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        std::fs::read_dir(dir.path().join("exports"))
            .unwrap()
            .count(),
        2
    );
    app.handle(&Event::Resize(60, 16));
    keys(&mut app, "X");
    let _ = screen(&app);
}
