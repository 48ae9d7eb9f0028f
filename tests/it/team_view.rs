//! The Team view of the Coaching tab (`b` from the roster): the bench and team coverage drawn
//! from what the domain works out, through the planner's real keys, and hidden under
//! share-safe because it shows other people.

use std::path::Path;

use crate::common;

use common::planner::*;
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use rungs::profile::{Profile, Store};

/// Reports at different levels, each aiming one level up (and one with no one behind them).
const TEAM: &[(&str, &str, &str)] = &[
    ("Ada Brook", "developer", "dev-lead"),
    ("Ben Cole", "developer", "dev-lead"),
    ("Cara Diaz", "sysadmin", "infra-lead"),
    ("Dev Patel", "dev-lead", "engineering-manager"),
    ("Eli Ford", "infra-lead", "infra-manager"),
    ("Fay Gomez", "engineering-manager", "cio"),
];

fn generated_team(dir: &Path) -> String {
    let store = Store::new(dir);
    for (name, role, target) in TEAM {
        let id = rungs::profile::profile_id(name).unwrap();
        let mut p = Profile::new(id, (*name).into(), "it-leadership".into(), (*role).into());
        p.target_role = Some((*target).into());
        store.create(&p).unwrap();
    }
    rungs::profile::profile_id(TEAM[0].0).unwrap()
}

#[test]
fn the_team_view_shows_the_bench_and_coverage_and_esc_returns_to_the_roster() {
    for (width, height) in [(80, 24), (120, 40)] {
        let dir = tempfile::tempdir().unwrap();
        let open = generated_team(dir.path());
        let mut app = app_on(dir.path(), &open, width, height);
        keys(&mut app, "4");
        if width >= 120 {
            // The footer has room for the key that opens the view.
            assert!(screen(&app).contains("b bench"), "{}", screen(&app));
        }
        keys(&mut app, "b");
        let shown = screen(&app);
        assert!(shown.contains("Bench"), "{shown}");
        assert!(shown.contains("ready now"), "{shown}");
        assert!(shown.contains("Fay Gomez"), "{shown}");
        assert_snapshot!(format!("team_bench_{width}x{height}"), shown);
        press(&mut app, KeyCode::Tab);
        let shown = screen(&app);
        assert!(shown.contains("Team coverage"), "{shown}");
        assert!(shown.contains("Ada Brook"), "{shown}");
        assert_snapshot!(format!("team_coverage_{width}x{height}"), shown);
        press(&mut app, KeyCode::Esc);
        let shown = screen(&app);
        assert!(shown.contains("Roster"), "{shown}");
        assert!(!shown.contains("Team coverage"), "{shown}");
    }
}

#[test]
fn share_safe_hides_the_team_view_and_its_key_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let open = generated_team(dir.path());
    let mut app = app_on(dir.path(), &open, 120, 40);
    keys(&mut app, "4");
    keys(&mut app, "s");
    let shown = screen(&app);
    // The footer says the key is hidden (the header says share-safe is why).
    assert!(shown.contains("b bench: hidden"), "{shown}");
    keys(&mut app, "b");
    let shown = screen(&app);
    assert!(!shown.contains("Bench ·"), "{shown}");
    assert!(!shown.contains("ready now"), "{shown}");
    // Open, then share-safe: the view closes.
    keys(&mut app, "s");
    keys(&mut app, "b");
    assert!(screen(&app).contains("Bench ·"), "{}", screen(&app));
    keys(&mut app, "s");
    let shown = screen(&app);
    assert!(!shown.contains("Bench ·"), "{shown}");
    assert!(!shown.contains("ready now"), "{shown}");
}
