//! The planner and the shell writing the same profile at the same time: nothing either of them
//! writes is lost, undo never brings back what the other removed, and every write is noticed.

use crate::common;

use std::time::SystemTime;

use assert_cmd::Command;
use common::planner::*;
use ratatui::crossterm::event::KeyCode;
use rungs::profile::{Person, Store};

const ID: &str = "priya-sharma";

fn plan_roles(store: &Store) -> Vec<String> {
    store
        .load(ID)
        .unwrap()
        .plan
        .into_iter()
        .map(|s| s.role)
        .collect()
}

fn rungs(dir: &std::path::Path) -> Command {
    common::rungs(dir)
}

#[test]
fn a_step_added_from_the_shell_survives_a_reorder_in_the_planner() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    assert_eq!(
        plan_roles(&store),
        ["analytics-manager", "director-security"]
    );
    // The shell adds a step; the planner has not looked at the file since.
    rungs(dir.path())
        .args(["plan", "add", "cio"])
        .assert()
        .success();
    keys(&mut app, "2J"); // move the first step later
    assert_eq!(
        plan_roles(&store),
        ["director-security", "analytics-manager", "cio"],
        "the reorder applied to the file as it is now, the shell's step kept"
    );
    assert!(
        screen(&app).contains("Chief Information Officer"),
        "{}",
        screen(&app)
    );
}

#[test]
fn history_and_mentors_added_on_both_sides_all_survive() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    store
        .update(ID, |p| {
            p.mentors.push(Person {
                name: "From the shell".into(),
                note: String::new(),
            });
            p.history.push(rungs::profile::HeldRole {
                role: "sysadmin".into(),
                from: None,
                to: None,
                note: "shell".into(),
            });
            Ok(())
        })
        .unwrap();
    // The planner adds a mentor and a past role without having reloaded.
    keys(&mut app, "5l");
    keys(&mut app, "a");
    keys(&mut app, "From the planner");
    ctrl(&mut app, 's');
    keys(&mut app, "h");
    keys(&mut app, "a");
    keys(&mut app, "data-analyst");
    ctrl(&mut app, 's');
    let saved = store.load(ID).unwrap();
    let mentors: Vec<&str> = saved.mentors.iter().map(|m| m.name.as_str()).collect();
    assert!(mentors.contains(&"From the shell"), "{mentors:?}");
    assert!(mentors.contains(&"From the planner"), "{mentors:?}");
    let roles: Vec<&str> = saved.history.iter().map(|h| h.role.as_str()).collect();
    assert!(roles.contains(&"sysadmin"), "{roles:?}");
    assert!(roles.contains(&"data-analyst"), "{roles:?}");
}

#[test]
fn undo_after_a_reload_does_not_bring_back_what_the_shell_removed() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    keys(&mut app, "2J"); // the planner reorders: director-security, analytics-manager
    store
        .update(ID, |p| {
            p.plan.retain(|s| s.role != "analytics-manager");
            Ok(())
        })
        .unwrap();
    app.check_disk();
    assert!(screen(&app).contains("reloaded"), "{}", screen(&app));
    keys(&mut app, "u");
    assert_eq!(
        plan_roles(&store),
        ["director-security"],
        "undoing the reorder does not resurrect the step the shell removed"
    );
}

#[test]
fn a_change_to_a_value_someone_else_changed_is_not_forced_and_is_said() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    store
        .update(ID, |p| {
            p.target_role = Some("cto".into());
            Ok(())
        })
        .unwrap();
    // Still showing the old target, the planner sets another one.
    keys(&mut app, "1t");
    assert_eq!(
        store.load(ID).unwrap().target_role.as_deref(),
        Some("cto"),
        "the shell's target is kept"
    );
    let shown = screen(&app);
    assert!(shown.contains("changed on disk meanwhile"), "{shown}");
    assert!(
        shown.contains("target ★ Chief Technology Officer"),
        "{shown}"
    );
}

#[test]
fn a_write_right_after_a_save_is_noticed_even_within_one_clock_tick() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    let path = store.path_of(ID);
    keys(&mut app, "3 "); // the planner saves
    let after_save = std::fs::metadata(&path).unwrap();
    store
        .update(ID, |p| {
            // As long as the old name, so the file's size does not give the write away.
            p.name = "Priya Khanna".into();
            Ok(())
        })
        .unwrap();
    // Make the shell's write look, by its time, like the planner's own.
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(after_save.modified().unwrap_or(SystemTime::UNIX_EPOCH))
        .unwrap();
    drop(file);
    app.check_disk();
    assert!(
        screen(&app).contains("rungs · Priya Khanna"),
        "{}",
        screen(&app)
    );
}

#[test]
fn the_backup_holds_the_previous_version() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    let before = std::fs::read_to_string(store.path_of(ID)).unwrap();
    press(&mut app, KeyCode::Char('3'));
    keys(&mut app, " ");
    let backup = std::fs::read_to_string(dir.path().join("profiles/priya-sharma.ron.bak")).unwrap();
    assert_eq!(backup, before);
    assert_ne!(std::fs::read_to_string(store.path_of(ID)).unwrap(), before);
}

#[test]
fn the_planner_reloads_when_another_program_writes_whatever_the_mouse_does() {
    let (mut app, dir) = app_with_profile(120, 40);
    app.save_in_background();
    let store = Store::new(dir.path());
    store
        .update(ID, |p| {
            p.name = "Renamed elsewhere".into();
            Ok(())
        })
        .unwrap();
    // A stream of mouse movements, as a person moving the pointer around would send.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !screen(&app).contains("Renamed elsewhere") && std::time::Instant::now() < deadline {
        app.handle(&ratatui::crossterm::event::Event::Mouse(
            ratatui::crossterm::event::MouseEvent {
                kind: ratatui::crossterm::event::MouseEventKind::Moved,
                column: 10,
                row: 10,
                modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
            },
        ));
        app.tick();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(
        screen(&app).contains("Renamed elsewhere"),
        "{}",
        screen(&app)
    );
}

#[test]
fn a_form_edits_the_step_it_was_opened_on_or_nothing() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    keys(&mut app, "2e"); // edit step 1 (analytics-manager)
    press(&mut app, KeyCode::Tab);
    keys(&mut app, " x");
    // Meanwhile the shell replaces the plan.
    rungs(dir.path()).args(["plan", "clear"]).assert().success();
    rungs(dir.path())
        .args(["plan", "add", "sysadmin"])
        .assert()
        .success();
    ctrl(&mut app, 's');
    let plan = store.load(ID).unwrap().plan;
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].role, "sysadmin");
    assert!(
        plan[0].note.is_empty(),
        "the note did not land on another step"
    );
    assert!(
        screen(&app).contains("changed on disk meanwhile"),
        "{}",
        screen(&app)
    );
}

#[test]
fn a_milestone_note_never_overwrites_one_written_meanwhile() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    keys(&mut app, "3");
    press(&mut app, KeyCode::Down); // Conflict resolution, never touched
    keys(&mut app, "e");
    keys(&mut app, "planner note");
    rungs(dir.path())
        .args([
            "milestone",
            "ic-conflict-resolution",
            "doing",
            "--note",
            "shell note",
        ])
        .assert()
        .success();
    ctrl(&mut app, 's');
    let saved = store.load(ID).unwrap();
    assert_eq!(
        saved.milestones["ic-conflict-resolution"].note,
        "shell note"
    );
    assert!(
        screen(&app).contains("changed on disk meanwhile"),
        "{}",
        screen(&app)
    );
}

#[test]
fn undoing_a_removal_the_shell_had_already_made_brings_nothing_back() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    rungs(dir.path()).args(["plan", "clear"]).assert().success();
    // The planner has not reloaded yet: it still shows the two steps and removes the first.
    keys(&mut app, "2x");
    keys(&mut app, "u");
    assert!(
        store.load(ID).unwrap().plan.is_empty(),
        "the step the shell removed stays removed"
    );
}

#[test]
fn a_change_that_changes_nothing_leaves_the_file_and_its_backup_alone() {
    let (_app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    rungs(dir.path())
        .args(["profile", "set", "--target", "cto"])
        .assert()
        .success();
    let backup = dir.path().join("profiles/priya-sharma.ron.bak");
    let before = std::fs::read_to_string(&backup).unwrap();
    let generation = store.generation(ID);
    rungs(dir.path())
        .args(["profile", "set", "--target", "cto"])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&backup).unwrap(), before);
    assert!(before.contains("target_role: \"cio\""), "{before}");
    assert_eq!(
        store.generation(ID),
        generation,
        "no write, nothing to notice"
    );
}

#[test]
fn a_save_confirmed_after_the_planner_said_something_newer_leaves_the_newer_words() {
    let (mut app, dir) = app_with_profile(120, 40);
    app.save_in_background();
    let store = Store::new(dir.path());
    let before = store.load(ID).unwrap().milestones;
    // The shell holds the profile's lock, so the planner's save waits until after the planner
    // has said something newer than the change.
    let (release, released) = std::sync::mpsc::channel::<()>();
    let (held, is_held) = std::sync::mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        store
            .update(ID, |_| {
                held.send(()).unwrap();
                released.recv().unwrap();
                Ok(())
            })
            .unwrap();
    });
    is_held.recv().unwrap();
    press(&mut app, KeyCode::Char('3'));
    keys(&mut app, " ");
    keys(&mut app, "f");
    assert!(screen(&app).contains("showing your current and next level"));
    release.send(()).unwrap();
    holder.join().unwrap();

    let store = Store::new(dir.path());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while (app.sync().saving() || store.load(ID).unwrap().milestones == before)
        && std::time::Instant::now() < deadline
    {
        app.tick();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    app.tick();
    assert_ne!(
        store.load(ID).unwrap().milestones,
        before,
        "the change was saved"
    );
    assert!(
        screen(&app).contains("showing your current and next level"),
        "{}",
        screen(&app)
    );
}

#[test]
fn a_path_shown_for_a_target_another_program_changed_does_not_come_back_when_it_changes_back() {
    let (mut app, dir) = app_with_profile(120, 40);
    let store = Store::new(dir.path());
    let target = store.load(ID).unwrap().target_role;
    keys(&mut app, "1p");
    assert!(screen(&app).contains("path 1 of"), "{}", screen(&app));
    for to in [Some("cto".to_string()), target.clone()] {
        store
            .update(ID, |p| {
                p.target_role = to;
                Ok(())
            })
            .unwrap();
        app.check_disk();
    }
    assert_eq!(store.load(ID).unwrap().target_role, target);
    let before = store.load(ID).unwrap().plan;
    keys(&mut app, "y");
    assert!(
        screen(&app).contains("no path is shown"),
        "{}",
        screen(&app)
    );
    assert_eq!(
        store.load(ID).unwrap().plan,
        before,
        "y planned a path not shown"
    );
}
