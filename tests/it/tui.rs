//! The planner, driven through its real key handling and drawn into a test buffer.

use std::path::PathBuf;

use crate::common;

use common::planner::*;
use insta::assert_snapshot;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use rungs::ladder::load_str;
use rungs::profile::{Status, Store};
use rungs::tui::App;

#[test]
fn snapshots_of_every_tab_and_the_help_overlay() {
    for (width, height) in [(80, 24), (120, 40)] {
        let (mut app, _dir) = app_with_profile(width, height);
        assert_snapshot!(format!("ladder_{width}x{height}"), screen(&app));
        keys(&mut app, "2");
        assert_snapshot!(format!("plan_{width}x{height}"), screen(&app));
        keys(&mut app, "3");
        assert_snapshot!(format!("milestones_{width}x{height}"), screen(&app));
        keys(&mut app, "5");
        assert_snapshot!(format!("profile_{width}x{height}"), screen(&app));
        keys(&mut app, "?");
        assert_snapshot!(format!("help_{width}x{height}"), screen(&app));
    }
}

#[test]
fn snapshots_of_the_first_run_screen() {
    let (mut app, _dir) = first_run_app(120, 40);
    assert_snapshot!("first_run_pick_current", screen(&app));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('s'));
    assert_snapshot!("first_run_name", screen(&app));
}

#[test]
fn selecting_a_target_auto_planning_toggling_a_milestone_and_undo_are_saved() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    // Found by search: arrows through the enterprise-wide rows depend on the layout.
    keys(&mut app, "/analytics manager");
    press(&mut app, KeyCode::Esc);
    assert_eq!(selected_title(&app), "Analytics manager");
    keys(&mut app, "t");
    assert!(
        screen(&app).contains("target ★ Analytics manager"),
        "{}",
        screen(&app)
    );
    assert_eq!(
        store.load("priya-sharma").unwrap().target_role.as_deref(),
        Some("analytics-manager")
    );

    // `p` shows the path on the graph; only `y` makes it the plan.
    let plan_before = store.load("priya-sharma").unwrap().plan;
    keys(&mut app, "p");
    assert!(screen(&app).contains("①↗"), "{}", screen(&app));
    assert_eq!(store.load("priya-sharma").unwrap().plan, plan_before);
    keys(&mut app, "y");
    let saved = store.load("priya-sharma").unwrap();
    assert_eq!(saved.plan.len(), 1, "{:?}", saved.plan);
    assert_eq!(saved.plan[0].role, "analytics-manager");
    assert!(screen(&app).contains("①↗"), "{}", screen(&app));

    keys(&mut app, "3");
    // The first listed milestone is Emotional intelligence, done in the fixture: done → todo.
    keys(&mut app, " ");
    assert_eq!(
        saved_status(&store, "ic-emotional-intelligence"),
        Status::Todo
    );
    assert!(screen(&app).contains("○ Emotional intelligence"));

    keys(&mut app, "u");
    assert_eq!(
        saved_status(&store, "ic-emotional-intelligence"),
        Status::Done
    );
    assert!(screen(&app).contains("✓ Emotional intelligence"));
    keys(&mut app, "u");
    assert!(
        store.load("priya-sharma").unwrap().plan.len() == 2,
        "the plan is back"
    );
}

#[test]
fn a_capture_from_the_shell_is_kept_when_the_planner_saves() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    store
        .update("priya-sharma", |p| {
            p.evidence.push(rungs::profile::Evidence {
                id: 0,
                seq: 0,
                date: "2026-11-20".parse().unwrap(),
                text: "logged from the shell".into(),
                milestone: None,
                competency: None,
            });
            Ok(())
        })
        .unwrap();
    keys(&mut app, "3 ");
    let saved = store.load("priya-sharma").unwrap();
    assert!(
        saved
            .evidence
            .iter()
            .any(|e| e.text == "logged from the shell")
    );
}

#[test]
fn plan_steps_reorder_delete_and_edit() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    keys(&mut app, "2J");
    let plan = store.load("priya-sharma").unwrap().plan;
    assert_eq!(plan[0].role, "director-security");
    keys(&mut app, "e");
    ctrl(&mut app, 'u');
    keys(&mut app, "2028-01-31");
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "after the audit");
    app.handle(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    let plan = store.load("priya-sharma").unwrap().plan;
    assert_eq!(plan[1].target_date.unwrap().to_string(), "2028-01-31");
    assert!(
        plan[1].note.ends_with("after the audit"),
        "{:?}",
        plan[1].note
    );
    keys(&mut app, "x");
    assert_eq!(store.load("priya-sharma").unwrap().plan.len(), 1);
}

#[test]
fn a_bad_date_in_a_form_is_refused_in_place() {
    let (mut app, dir) = app_with_profile(120, 40);
    keys(&mut app, "2e");
    ctrl(&mut app, 'u');
    keys(&mut app, "someday");
    ctrl(&mut app, 's');
    assert!(screen(&app).contains("is not a date"), "{}", screen(&app));
    press(&mut app, KeyCode::Esc);
    let plan = Store::new(dir.path()).load("priya-sharma").unwrap().plan;
    assert_eq!(
        plan[0].target_date.unwrap().to_string(),
        "2027-09-01",
        "nothing changed"
    );
}

#[test]
fn profile_tab_adds_mentors_and_evidence() {
    let (mut app, dir) = app_with_profile(120, 40);
    keys(&mut app, "5");
    press(&mut app, KeyCode::Right);
    keys(&mut app, "a");
    keys(&mut app, "Margaret");
    press(&mut app, KeyCode::Enter);
    app.handle(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Right);
    keys(&mut app, "a");
    keys(&mut app, "Shipped the migration");
    app.handle(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    let saved = Store::new(dir.path()).load("priya-sharma").unwrap();
    assert!(saved.mentors.iter().any(|m| m.name == "Margaret"));
    assert_eq!(saved.evidence.last().unwrap().text, "Shipped the migration");
}

#[test]
fn first_run_creates_a_profile_from_the_graph() {
    let (mut app, dir) = first_run_app(120, 40);
    press(&mut app, KeyCode::Enter); // the selected IC role is current
    // Up through the infrastructure corner and the enterprise-wide rows between (enterprise
    // architect, IT manager, IT director) to the CIO.
    for _ in 0..8 {
        press(&mut app, KeyCode::Up);
    }
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "Ada Lovelace");
    press(&mut app, KeyCode::Enter);
    let saved = Store::new(dir.path()).load("ada-lovelace").unwrap();
    assert_eq!(saved.current_role, "sysadmin");
    assert_eq!(saved.target_role.as_deref(), Some("cio"));
    assert!(screen(&app).contains("[1 Ladder]"));
}

#[test]
fn mouse_clicks_select_roles_and_tabs() {
    let (mut app, _dir) = app_with_profile(120, 40);
    let click = |x: u16, y: u16| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    // The first box of the second row of boxes (a corner role at the executive level).
    let (x, y) = position_of(&screen(&app), "SVP infra");
    app.handle(&click(x, y));
    assert_eq!(selected_title(&app), "SVP infrastructure & operations");
    let (x, y) = position_of(&screen(&app), "2 Plan");
    app.handle(&click(x, y));
    assert!(screen(&app).contains("[2 Plan]"));
}

#[test]
fn below_the_minimum_size_it_says_so() {
    let (mut app, _dir) = app_with_profile(40, 10);
    app.handle(&Event::Resize(40, 10));
    assert!(screen(&app).contains("terminal too small (need 60×16"));
}

#[test]
fn search_jumps_to_matching_titles() {
    let (mut app, _dir) = app_with_profile(120, 40);
    keys(&mut app, "/chief data");
    assert_eq!(selected_title(&app), "Chief Data Officer");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "q");
    assert!(app.should_quit());
}

#[test]
fn a_second_planner_on_the_same_profile_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    Store::new(dir.path()).create(&fixture_profile()).unwrap();
    let options = rungs::tui::Options {
        color: false,
        ..rungs::tui::Options::new(dir.path().to_path_buf())
    };
    let mut first = App::open(options.clone()).unwrap();
    assert!(first.sync().read_only().is_none());
    let mut second = App::open(options.clone()).unwrap();
    assert!(second.sync().read_only().is_some());
    second.handle(&Event::Resize(120, 40));
    assert!(screen(&second).contains("READ-ONLY"), "{}", screen(&second));
    keys(&mut second, "3 ");
    assert!(screen(&second).contains("not changed"));
    let saved = Store::new(dir.path()).load("priya-sharma").unwrap();
    assert_eq!(
        saved.milestones["ic-emotional-intelligence"].status,
        Status::Done
    );
    drop(first);
    drop(second);
    assert!(
        App::open(options).unwrap().sync().read_only().is_none(),
        "writable once the others close"
    );
}

#[test]
fn a_change_made_while_another_writer_holds_the_lock_is_kept_and_saved_later() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    let lock = store.lock("priya-sharma").unwrap();
    keys(&mut app, "3 "); // Emotional intelligence: done → todo, but the file is locked
    assert!(
        screen(&app).contains("not saved (kept in memory"),
        "{}",
        screen(&app)
    );
    assert!(
        screen(&app).contains("○ Emotional intelligence"),
        "memory keeps the change"
    );
    drop(lock);
    keys(&mut app, "j "); // Conflict resolution: todo → doing
    assert_eq!(
        saved_status(&store, "ic-emotional-intelligence"),
        Status::Todo
    );
    assert_eq!(
        saved_status(&store, "ic-conflict-resolution"),
        Status::Doing
    );
}

#[test]
fn a_level_without_milestones_says_so_in_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ladders/valid-small.ron"),
    )
    .unwrap()
    .replace(
        "milestones: [\n            (id: \"j-course\", title: \"A course\", stage: Preliminary, kind: Course),\n        ]",
        "milestones: []",
    );
    let ladder = load_str(&src, "small").unwrap();
    let profile = rungs::profile::Profile::new(
        "solo".into(),
        "Solo".into(),
        "small".into(),
        "operator".into(),
    );
    let store = Store::new(dir.path());
    store.create(&profile).unwrap();
    let mut app = App::new(ladder, store, Some(profile), false);
    app.handle(&Event::Resize(80, 24));
    keys(&mut app, "3");
    let shown = screen(&app);
    let junior = shown
        .find("Junior  no milestones")
        .expect("the empty level is listed");
    let senior = shown
        .find("Senior  progress")
        .expect("the next level is listed");
    assert!(junior < senior, "levels stay in order:\n{shown}");
    keys(&mut app, " "); // the only milestone, on the senior level
    assert_eq!(
        Store::new(dir.path()).load("solo").unwrap().milestones["s-project"].status,
        Status::Doing
    );
}

#[test]
fn saving_in_the_background_reaches_the_file_and_quitting_flushes_the_rest() {
    let (mut app, dir) = app_with_profile(120, 40);
    app.save_in_background();
    let store = Store::new(dir.path());
    keys(&mut app, "3 j "); // two changes in quick succession
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.sync().saving() && std::time::Instant::now() < deadline {
        app.tick();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(
        saved_status(&store, "ic-emotional-intelligence"),
        Status::Todo
    );
    assert_eq!(
        saved_status(&store, "ic-conflict-resolution"),
        Status::Doing
    );
    assert!(screen(&app).contains("milestone saved"), "{}", screen(&app));

    keys(&mut app, " "); // and one more, flushed on quit without waiting for the loop
    app.sync().flush().unwrap();
    let saved = store.load("priya-sharma").unwrap();
    assert_eq!(
        saved.milestones["ic-conflict-resolution"].status,
        Status::Done
    );
}

#[test]
fn the_help_overlay_scrolls_to_its_last_key_at_80x24_and_lists_every_one() {
    let (mut app, _dir) = app_with_profile(80, 24);
    keys(&mut app, "?");
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&screen(&app));
        press(&mut app, KeyCode::PageDown);
    }
    assert_snapshot!("help_80x24_end", screen(&app));
    for section in app.key_sections() {
        assert!(seen.contains(section.title), "section {}", section.title);
        for row in section.rows {
            let line = format!("{:<11} {}", row.keys, row.help);
            assert!(seen.contains(&line), "the help never showed {line:?}");
        }
    }
    press(&mut app, KeyCode::Esc);
    assert!(!screen(&app).contains("Keys (Esc closes"));
}

#[test]
fn a_pasted_newline_never_submits_a_form() {
    let (mut app, dir) = app_with_profile(120, 40);
    keys(&mut app, "5l"); // Mentors
    keys(&mut app, "a");
    app.handle(&Event::Paste("Grace\nHopper".into()));
    assert!(
        screen(&app).contains("Add a mentor"),
        "the form is still open"
    );
    ctrl(&mut app, 's');
    let saved = Store::new(dir.path()).load("priya-sharma").unwrap();
    assert!(
        saved.mentors.iter().any(|m| m.name == "Grace Hopper"),
        "{:?}",
        saved.mentors
    );
}

#[test]
fn a_key_override_in_the_config_changes_what_the_key_does_and_what_help_shows() {
    let (mut app, dir) = app_with_profile(120, 40);
    let (config, warnings) = rungs::config::parse(
        r#"(format: 1, keys: {"set-target": ["T"], "ladder.diff": ["ctrl-d"], "nonsense": ["x"]})"#,
        "test-config.ron",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    let unknown = app.configure(&config, "test-config.ron");
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert!(unknown[0].contains("nonsense"), "{unknown:?}");
    // The old key no longer sets the target; the new one does.
    press(&mut app, KeyCode::Down);
    keys(&mut app, "t");
    let store = Store::new(dir.path());
    assert_eq!(
        store.load("priya-sharma").unwrap().target_role.as_deref(),
        Some("cio")
    );
    keys(&mut app, "T");
    assert_ne!(
        store.load("priya-sharma").unwrap().target_role.as_deref(),
        Some("cio")
    );
    keys(&mut app, "?");
    assert_snapshot!("help_with_overrides_120x40", screen(&app));
    let help = screen(&app);
    assert!(
        help.contains("T           make the selected role your target"),
        "{help}"
    );
    assert!(help.contains("^D          what changes"), "{help}");
}
