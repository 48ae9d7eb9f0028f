//! The planner, driven through its real key handling and drawn into a test buffer.

use std::path::PathBuf;

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use rungs::ladder::{BUNDLED, load_str};
use rungs::profile::{Status, Store};
use rungs::tui::App;
use rungs::tui::view;

fn fixture_profile() -> rungs::profile::Profile {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/profiles/format-1.ron");
    rungs::profile::parse(&std::fs::read_to_string(&path).unwrap(), &path).unwrap()
}

/// An app on the bundled ladder with the fixture profile saved in a fresh data dir.
fn app_with_profile(width: u16, height: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let profile = fixture_profile();
    store.create(&profile).unwrap();
    let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
    let mut app = App::new(ladder, store, Some(profile), false);
    app.handle(&Event::Resize(width, height));
    (app, dir)
}

fn first_run_app(width: u16, height: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
    let mut app = App::new(ladder, Store::new(dir.path()), None, false);
    app.handle(&Event::Resize(width, height));
    (app, dir)
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|frame| view::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

fn press(app: &mut App, code: KeyCode) {
    app.handle(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The status of a milestone in the fixture profile as saved on disk.
fn saved_status(store: &Store, milestone: &str) -> Status {
    store.load("priya-sharma").unwrap().milestones[milestone].status
}

fn ctrl(app: &mut App, c: char) {
    app.handle(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

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
    // From the current role (Tech lead in development), up to the Manager row and right once.
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::Right);
    let selected = app.ladder.role(app.selected).id.clone();
    assert_eq!(selected, "analytics-manager");
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

    keys(&mut app, "p");
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
    // Up through the infrastructure corner, the IT manager and IT director rows, to the CIO.
    for _ in 0..6 {
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
    let graph = app.areas().graph;
    let click = |x: u16, y: u16| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    // The first box of the second row of boxes (a corner role at the executive level).
    app.handle(&click(graph.x + 3, graph.y + 4));
    assert_eq!(app.ladder.role(app.selected).id, "svp-infra");
    let (_, plan_tab) = app.areas().tabs[1];
    app.handle(&click(plan_tab.x + 1, plan_tab.y));
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
    assert_eq!(app.ladder.role(app.selected).id, "cdo");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn a_second_planner_on_the_same_profile_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    Store::new(dir.path()).create(&fixture_profile()).unwrap();
    let options = rungs::tui::Options {
        data_dir: dir.path().to_path_buf(),
        profile: None,
        ladder: None,
        color: false,
    };
    let first = App::open(options.clone()).unwrap();
    assert!(first.read_only.is_none());
    let mut second = App::open(options.clone()).unwrap();
    assert!(second.read_only.is_some());
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
        App::open(options).unwrap().read_only.is_none(),
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
        screen(&app).contains("not saved (kept in memory)"),
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
    let senior = shown.find("Senior").expect("the next level is listed");
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
    while app.saving() && std::time::Instant::now() < deadline {
        app.poll_saves();
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
    app.flush().unwrap();
    let saved = store.load("priya-sharma").unwrap();
    assert_eq!(
        saved.milestones["ic-conflict-resolution"].status,
        Status::Done
    );
}
