//! Issue 24, ratings in the planner: a level is chosen from a list (never typed over the old
//! one), a note goes with it, Esc saves nothing, and every rating of the selected competency
//! shows with its date, who gave it and its note, under the competencies of the Profile tab and
//! of a 1:1.

use std::path::Path;

use crate::coaching::team;
use crate::common::planner::*;
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use rungs::profile::{Rater, Rating, RatingLevel, Store};
use rungs::tui::App;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn ratings(dir: &Path) -> Vec<Rating> {
    Store::new(dir).load("priya-sharma").unwrap().ratings
}

fn file(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("profiles/priya-sharma.ron")).unwrap()
}

/// The Profile tab's competencies, Leadership (the second) selected and its rating popup open.
/// The fixture rates Leadership: working towards (self, 2026-09-01) and meeting (manager,
/// 2026-09-03, "Strong in incident reviews").
fn rating_leadership(dir: &Path, width: u16, height: u16) -> App {
    let mut app = app_on(dir, "priya-sharma", width, height);
    keys(&mut app, "5");
    press(&mut app, KeyCode::Left);
    press(&mut app, KeyCode::Down);
    keys(&mut app, "r");
    app
}

#[test]
fn choosing_meeting_with_down_and_enter_saves_exactly_that_level_with_the_note_typed() {
    for (width, height) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        team(dir.path());
        let before = ratings(dir.path());
        let mut app = rating_leadership(dir.path(), width, height);
        let shown = screen(&app);
        assert!(shown.contains("Rate Leadership"), "{shown}");
        // The latest self rating is the one chosen at first.
        assert!(shown.contains("› working towards"), "{shown}");
        assert!(shown.contains("› self"), "{shown}");
        assert!(shown.contains("↑↓ select"), "the footer: {shown}");
        press(&mut app, KeyCode::Tab);
        keys(&mut app, "ran the offsite");
        press(&mut app, KeyCode::BackTab);
        press(&mut app, KeyCode::Down);
        assert!(screen(&app).contains("› meeting"), "{}", screen(&app));
        assert_snapshot!(format!("rating_picker_{width}x{height}"), screen(&app));
        press(&mut app, KeyCode::Enter);

        let after = ratings(dir.path());
        assert_eq!(after.len(), before.len() + 1, "{width}×{height}");
        let new = after.last().unwrap();
        assert_eq!(
            (
                new.competency.as_str(),
                new.by,
                new.level,
                new.note.as_str()
            ),
            (
                "leadership",
                Rater::Own,
                RatingLevel::Meeting,
                "ran the offsite"
            )
        );
        assert_eq!(new.date.to_string(), TODAY);
        // A change like any other: undo takes it back.
        keys(&mut app, "u");
        assert_eq!(ratings(dir.path()), before, "{width}×{height}: undone");
    }
}

#[test]
fn letters_typed_never_mix_with_the_old_level_and_the_note_holds_only_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let before = ratings(dir.path());
    let mut app = rating_leadership(dir.path(), 80, 24);
    // Typed at the list, as the old form invited: the level stays the one chosen.
    keys(&mut app, "meets");
    let shown = screen(&app);
    assert!(!shown.contains("meets"), "{shown}");
    assert!(shown.contains("› working towards"), "{shown}");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "meets");
    press(&mut app, KeyCode::Enter);
    let after = ratings(dir.path());
    assert_eq!(after.len(), before.len() + 1);
    let new = after.last().unwrap();
    assert_eq!(new.level, RatingLevel::WorkingTowards);
    assert_eq!(new.note, "meets");
}

#[test]
fn esc_saves_nothing_and_enter_without_a_level_asks_for_one() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let saved = file(dir.path());
    let mut app = rating_leadership(dir.path(), 120, 40);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "half a thought");
    press(&mut app, KeyCode::Esc);
    assert!(screen(&app).contains("nothing changed"), "{}", screen(&app));
    assert_eq!(file(dir.path()), saved, "Esc wrote nothing");

    // Strategic thinking has no rating: nothing is chosen for the person.
    press(&mut app, KeyCode::Up);
    keys(&mut app, "r");
    assert!(!screen(&app).contains("› below"), "{}", screen(&app));
    press(&mut app, KeyCode::Enter);
    assert!(
        screen(&app).contains("choose how it is going with ↑↓"),
        "{}",
        screen(&app)
    );
    assert_eq!(file(dir.path()), saved, "nothing chosen, nothing written");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let first = ratings(dir.path()).into_iter().last().unwrap();
    assert_eq!(
        (first.competency.as_str(), first.level),
        ("strategic-thinking", RatingLevel::Below)
    );
}

#[test]
fn in_a_1on1_the_manager_rates_from_the_same_list() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 80, 24);
    keys(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "nc");
    press(&mut app, KeyCode::Down);
    keys(&mut app, "r");
    let shown = screen(&app);
    assert!(shown.contains("› meeting"), "the manager's latest: {shown}");
    assert!(shown.contains("› manager"), "{shown}");
    keys(&mut app, "j");
    press(&mut app, KeyCode::Enter);
    let new = ratings(dir.path()).into_iter().last().unwrap();
    assert_eq!(
        (new.by, new.level, new.date.to_string()),
        (Rater::Manager, RatingLevel::Exceeding, TODAY.to_string())
    );
}

#[test]
fn every_rating_of_the_selected_competency_shows_with_its_date_rater_and_note() {
    for (width, height) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        team(dir.path());
        rungs_cmd(dir.path())
            .args(["rate", "leadership", "exceeding", "--by", "manager"])
            .args(["--profile", "priya-sharma", "--note", "ran the offsite"])
            .assert()
            .success();
        let mut app = app_on(dir.path(), "priya-sharma", width, height);
        keys(&mut app, "5");
        press(&mut app, KeyCode::Left);
        press(&mut app, KeyCode::Down);
        let shown = screen(&app);
        let rows: Vec<&str> = shown.lines().collect();
        let at = |text: &str| {
            rows.iter()
                .position(|r| r.contains(text))
                .unwrap_or_else(|| panic!("{width}×{height}: no {text:?}:\n{shown}"))
        };
        assert!(
            shown.contains("Leadership · 3 ratings, newest first"),
            "{shown}"
        );
        // Newest first, each on its row with who rated and the level.
        let today = at(&format!("{TODAY} manager exceeding"));
        assert!(rows[today].contains("ran the offsite"), "{shown}");
        let incident = at("2026-09-03 manager meeting");
        assert!(rows[incident].contains("Strong in incident"), "{shown}");
        assert!(
            today < incident && incident < at("2026-09-01 self"),
            "{shown}"
        );
        assert_snapshot!(format!("rating_history_{width}x{height}"), shown);

        // The same list under the competencies of a 1:1.
        keys(&mut app, "4");
        press(&mut app, KeyCode::Enter);
        keys(&mut app, "nc");
        press(&mut app, KeyCode::Down);
        let shown = screen(&app);
        assert!(shown.contains("Leadership · 3 ratings"), "{shown}");
        assert!(shown.contains("ran the"), "{shown}");
        assert!(shown.contains(TODAY), "{shown}");
    }
}
