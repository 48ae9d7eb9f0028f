//! Issue 24 in the planner: the roster drives the 1:1 (the highlighted person is the one whose
//! session starts, and today's session opens rather than a second one), without touching what
//! `rungs use` chose.

use std::path::Path;

use crate::coaching::{roster_order, team};
use crate::common::planner::*;
use ratatui::crossterm::event::KeyCode;
use rungs::profile::{Profile, Store};

fn saved(dir: &Path, id: &str) -> Profile {
    Store::new(dir).load(id).unwrap()
}

fn sessions_on(dir: &Path, id: &str, day: &str) -> Vec<String> {
    saved(dir, id)
        .sessions
        .iter()
        .filter(|s| s.date.to_string() == day)
        .map(|s| s.id.clone())
        .collect()
}

#[test]
fn n_on_the_second_person_of_the_roster_starts_their_session_and_again_opens_the_same() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let store = Store::new(dir.path());
    store.choose("sam").unwrap();
    let state = store.choice_path();
    let chosen = std::fs::read(&state).unwrap();
    let sam_before = std::fs::read(dir.path().join("profiles/sam-okafor.ron")).unwrap();

    let mut app = app_on(dir.path(), "sam-okafor", 120, 40);
    keys(&mut app, "4");
    // Overdue first: Sam (open, highlighted), then Priya, then Lee.
    let shown = screen(&app);
    let row = |name: &str| shown.lines().position(|l| l.contains(name)).unwrap();
    assert!(row("Sam Okafor") < row("Priya Sharma"), "{shown}");
    assert!(row("Priya Sharma") < row("Lee Chen"), "{shown}");
    press(&mut app, KeyCode::Down);
    keys(&mut app, "n");

    let shown = screen(&app);
    assert!(shown.contains("rungs · Priya Sharma"), "{shown}");
    let today = sessions_on(dir.path(), "priya-sharma", TODAY);
    assert_eq!(today.len(), 1, "one session started for Priya");
    assert!(shown.contains(&today[0]), "the session is open: {shown}");
    assert_eq!(
        std::fs::read(dir.path().join("profiles/sam-okafor.ron")).unwrap(),
        sam_before,
        "nothing of Sam's changed"
    );

    // Again the same day, from the roster: the same session opens.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "h");
    keys(&mut app, "n");
    assert_eq!(sessions_on(dir.path(), "priya-sharma", TODAY), today);
    let shown = screen(&app);
    assert!(
        shown.contains("today's 1:1 with Priya Sharma opened"),
        "{shown}"
    );
    // And from the sessions pane.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "n");
    assert_eq!(sessions_on(dir.path(), "priya-sharma", TODAY), today);

    // A second one the same day only by saying so.
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "N");
    press(&mut app, KeyCode::Esc);
    assert_eq!(sessions_on(dir.path(), "priya-sharma", TODAY), today);
    keys(&mut app, "N");
    keys(&mut app, "no");
    press(&mut app, KeyCode::Enter);
    assert_eq!(sessions_on(dir.path(), "priya-sharma", TODAY), today);
    ctrl(&mut app, 'u');
    keys(&mut app, "yes");
    press(&mut app, KeyCode::Enter);
    assert_eq!(sessions_on(dir.path(), "priya-sharma", TODAY).len(), 2);

    // Opening people from the roster never changed what `rungs use` chose.
    assert_eq!(std::fs::read(&state).unwrap(), chosen);
}

#[test]
fn enter_on_a_highlighted_report_opens_them_at_once_without_starting_a_session() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "sam-okafor", 120, 40);
    keys(&mut app, "4");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(shown.contains("rungs · Priya Sharma"), "{shown}");
    assert!(sessions_on(dir.path(), "priya-sharma", TODAY).is_empty());
}

/// Whether anything of Sam's or Lee's (names, ids) or the team's size is on `shown`.
fn others_on(shown: &str) -> Vec<&'static str> {
    [
        "Sam Okafor",
        "sam-okafor",
        "Lee Chen",
        "lee-chen",
        "3 people",
    ]
    .into_iter()
    .filter(|w| shown.contains(w))
    .collect()
}

#[test]
fn share_safe_hides_every_other_report_on_every_tab_and_the_roster_says_so() {
    for (width, height) in [(120, 40), (80, 24)] {
        let dir = tempfile::tempdir().unwrap();
        team(dir.path());
        let mut app = app_on(dir.path(), "priya-sharma", width, height);
        keys(&mut app, "4");
        assert_eq!(
            others_on(&screen(&app)),
            ["Sam Okafor", "Lee Chen", "3 people"],
            "without share-safe the roster shows the team: {}",
            screen(&app)
        );
        keys(&mut app, "s");
        assert!(app.share_safe());
        let mut screens = Vec::new();
        for tab in ["1", "2", "3", "4", "5"] {
            keys(&mut app, tab);
            screens.push(screen(&app));
            keys(&mut app, "?");
            for _ in 0..40 {
                screens.push(screen(&app));
                press(&mut app, KeyCode::PageDown);
            }
            press(&mut app, KeyCode::Esc);
        }
        // The roster itself: only Priya, and it says the others are hidden.
        keys(&mut app, "4");
        let roster = screen(&app);
        assert!(roster.contains("Priya Sharma"), "{roster}");
        assert!(roster.contains("others are hidden"), "{roster}");
        // Moving in the roster finds nobody else to open.
        press(&mut app, KeyCode::End);
        press(&mut app, KeyCode::Enter);
        screens.push(screen(&app));
        assert!(screen(&app).contains("rungs · Priya Sharma"));
        // The sessions and a session of hers.
        keys(&mut app, "n");
        screens.push(screen(&app));
        press(&mut app, KeyCode::Esc);
        screens.push(screen(&app));
        for shown in &screens {
            assert!(
                others_on(shown).is_empty(),
                "{:?} on\n{shown}",
                others_on(shown)
            );
        }
        // Off again: the team is back.
        keys(&mut app, "s");
        keys(&mut app, "h");
        assert!(screen(&app).contains("Sam Okafor"), "{}", screen(&app));
    }
}

fn file_of(dir: &Path, id: &str) -> Vec<u8> {
    std::fs::read(dir.join(format!("profiles/{id}.ron"))).unwrap()
}

#[test]
fn in_the_ladder_tab_browsing_paths_never_writes_until_the_use_this_path_key() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    let before = file_of(dir.path(), "priya-sharma");
    keys(&mut app, "1");
    assert!(screen(&app).contains("y use path"), "{}", screen(&app));
    keys(&mut app, "p");
    let shown = screen(&app);
    assert!(shown.contains("path 1 of"), "{shown}");
    assert!(shown.contains("your plan unchanged"), "{shown}");
    for _ in 0..3 {
        keys(&mut app, "n");
        assert_eq!(file_of(dir.path(), "priya-sharma"), before, "n wrote");
    }
    assert!(screen(&app).contains("path 4 of"), "{}", screen(&app));
    // The next path from the plan shown, written only now.
    keys(&mut app, "y");
    assert_ne!(file_of(dir.path(), "priya-sharma"), before);
    assert!(screen(&app).contains("planned"), "{}", screen(&app));
    // Undo puts back the plan agreed before.
    keys(&mut app, "u");
    assert_eq!(
        saved(dir.path(), "priya-sharma").plan,
        fixture_profile().plan
    );
}

#[test]
fn after_a_path_is_planned_n_on_the_ladder_tab_shows_the_one_after_it_as_the_status_says() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    keys(&mut app, "1pn");
    assert!(screen(&app).contains("path 2 of"), "{}", screen(&app));
    keys(&mut app, "y");
    let said = screen(&app);
    assert!(
        said.contains("n on the Ladder tab shows the next"),
        "{said}"
    );
    keys(&mut app, "n");
    assert!(screen(&app).contains("path 3 of"), "{}", screen(&app));
}

#[test]
fn a_path_shown_for_another_target_does_not_come_back_with_an_undo() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    keys(&mut app, "1p");
    assert!(screen(&app).contains("path 1 of"), "{}", screen(&app));
    // Another target, then undo back to the one the path was shown for.
    keys(&mut app, "kt");
    assert_ne!(
        saved(dir.path(), "priya-sharma").target_role,
        fixture_profile().target_role
    );
    keys(&mut app, "u");
    assert_eq!(
        saved(dir.path(), "priya-sharma").target_role,
        fixture_profile().target_role
    );
    let before = file_of(dir.path(), "priya-sharma");
    keys(&mut app, "y");
    assert!(
        screen(&app).contains("no path is shown"),
        "{}",
        screen(&app)
    );
    assert_eq!(
        file_of(dir.path(), "priya-sharma"),
        before,
        "y planned a path not shown"
    );
}

#[test]
fn a_kept_filter_that_matches_nobody_says_how_to_clear_it_and_that_way_works() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    keys(&mut app, "4/zz");
    let typing = screen(&app);
    assert!(
        typing.contains("nobody matches — Esc clears the filter"),
        "{typing}"
    );
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(
        shown.contains("/ changes it, Esc there clears it"),
        "{shown}"
    );
    keys(&mut app, "/");
    press(&mut app, KeyCode::Esc);
    assert_eq!(roster_order(&screen(&app)).len(), 3, "{}", screen(&app));
}

#[test]
fn in_the_ladder_tab_c_asks_first_with_the_day_and_writes_only_once_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    let before = file_of(dir.path(), "priya-sharma");
    keys(&mut app, "1");
    keys(&mut app, "k"); // a role above the current one
    let role = saved(dir.path(), "priya-sharma").current_role;
    keys(&mut app, "c");
    let shown = screen(&app);
    assert!(shown.contains("your current role?"), "{shown}");
    assert!(shown.contains(TODAY), "the day defaults to today: {shown}");
    assert_eq!(file_of(dir.path(), "priya-sharma"), before, "c wrote");
    press(&mut app, KeyCode::Esc);
    assert_eq!(file_of(dir.path(), "priya-sharma"), before, "Esc wrote");

    // A day after today is refused; an earlier one is taken.
    keys(&mut app, "c");
    ctrl(&mut app, 'u');
    keys(&mut app, "2027-01-05");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("is after today"), "{}", screen(&app));
    assert_eq!(file_of(dir.path(), "priya-sharma"), before);
    ctrl(&mut app, 'u');
    keys(&mut app, "2026-11-02");
    press(&mut app, KeyCode::Enter);
    let p = saved(dir.path(), "priya-sharma");
    assert_ne!(p.current_role, role);
    let held = p.history.last().unwrap();
    assert_eq!(held.role, role);
    assert_eq!(held.to.unwrap().to_string(), "2026-11-02");
}

fn opened(dir: &Path, me: Option<&str>) -> rungs::tui::App {
    opened_with_me(dir, me, 120, 40)
}

#[test]
fn with_several_profiles_and_none_chosen_the_planner_opens_the_roster_without_choosing() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let state = Store::new(dir.path()).choice_path();
    let mut app = opened(dir.path(), None);
    let shown = screen(&app);
    assert!(shown.contains("[4 Coaching]"), "{shown}");
    for name in ["Sam Okafor", "Priya Sharma", "Lee Chen"] {
        assert!(shown.contains(name), "{name} in the roster: {shown}");
    }
    assert!(shown.contains("rungs · nobody open"), "{shown}");
    // The other tabs cope with nobody open, and write nothing.
    let files = |dir: &Path| -> Vec<Vec<u8>> {
        ["priya-sharma", "sam-okafor", "lee-chen"]
            .iter()
            .map(|id| file_of(dir, id))
            .collect()
    };
    let before = files(dir.path());
    for tab in ["1", "2", "3", "5"] {
        keys(&mut app, tab);
        keys(&mut app, "cpnyta ");
        press(&mut app, KeyCode::Esc);
    }
    assert_eq!(files(dir.path()), before);
    keys(&mut app, "4");
    press(&mut app, KeyCode::Home);
    // Opening one from the roster is not a choice for the shell.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(
        screen(&app).contains("rungs · Priya Sharma"),
        "{}",
        screen(&app)
    );
    for tab in ["1", "2", "3", "5", "4"] {
        keys(&mut app, tab);
        assert!(screen(&app).contains("rungs · Priya Sharma"), "tab {tab}");
    }
    assert!(!state.exists(), "the planner wrote a choice");
}

#[test]
fn with_several_profiles_and_me_in_the_config_the_planner_opens_me() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let app = opened(dir.path(), Some("lee"));
    let shown = screen(&app);
    assert!(shown.contains("rungs · Lee Chen"), "{shown}");
    assert!(!Store::new(dir.path()).choice_path().exists());
}

#[test]
fn the_action_form_names_the_person_as_owner_not_self() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "sam-okafor", 120, 40);
    keys(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "a");
    let shown = screen(&app);
    assert!(shown.contains("Owner: their name"), "{shown}");
    let owner_line = shown
        .lines()
        .skip_while(|l| !l.contains("Owner: their name"))
        .nth(1)
        .unwrap();
    assert!(owner_line.contains("Sam"), "{shown}");
    assert!(!owner_line.contains("self"), "{shown}");
    keys(&mut app, "Write the threat model");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let p = saved(dir.path(), "sam-okafor");
    assert_eq!(p.actions.last().unwrap().owner, rungs::profile::Owner::Own);
}

#[test]
fn e_on_an_action_item_opens_it_filled_in_and_saves_the_edit() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "sam-okafor", 120, 40);
    keys(&mut app, "4");
    keys(&mut app, "n");
    keys(&mut app, "a");
    keys(&mut app, "Write the threat model");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "e");
    let shown = screen(&app);
    assert!(shown.contains("Action item"), "{shown}");
    assert!(!shown.contains("New action item"), "{shown}");
    assert!(shown.contains("Write the threat model"), "{shown}");
    let owner_line = shown
        .lines()
        .skip_while(|l| !l.contains("Owner: their name"))
        .nth(1)
        .unwrap();
    assert!(owner_line.contains("Sam"), "{shown}");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "2027-01-15");
    press(&mut app, KeyCode::Enter);
    let edited = saved(dir.path(), "sam-okafor").actions.pop().unwrap();
    assert_eq!(edited.text, "Write the threat model");
    assert_eq!(edited.owner, rungs::profile::Owner::Own);
    assert_eq!(
        edited.due.map(|d| d.to_string()).as_deref(),
        Some("2027-01-15")
    );
}

#[test]
fn the_roster_cursor_stays_on_the_person_highlighted_when_the_order_changes() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    keys(&mut app, "4");
    // Overdue first (Sam, Priya, Lee), the cursor on Priya, who is open: down is Lee.
    assert_eq!(
        roster_order(&screen(&app)),
        ["Sam Okafor", "Priya Sharma", "Lee Chen"]
    );
    press(&mut app, KeyCode::Down);
    // By name, Lee comes first and Sam takes Lee's old place: Enter opens Lee, not Sam.
    keys(&mut app, "o");
    assert_eq!(
        roster_order(&screen(&app)),
        ["Lee Chen", "Priya Sharma", "Sam Okafor"]
    );
    press(&mut app, KeyCode::Enter);
    assert!(
        screen(&app).contains("rungs · Lee Chen"),
        "{}",
        screen(&app)
    );
}

#[test]
fn replanning_on_the_plan_tab_points_to_where_the_other_paths_are() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    keys(&mut app, "2p");
    let shown = screen(&app);
    // The Plan tab has no key for the next path: the words name the tab that has.
    assert!(
        shown.contains("n on the Ladder tab shows the next"),
        "{shown}"
    );
}
