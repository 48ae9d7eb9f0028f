//! The Team view of the Coaching tab (`b` from the roster): the bench and team coverage drawn
//! from what the domain works out, through the planner's real keys, and hidden under
//! share-safe because it shows other people.

use std::path::Path;

use crate::common;

use common::planner::*;
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use rungs::ladder::{BUNDLED, load_str};
use rungs::profile::{Profile, Store};

use crate::succession::with_record;

/// Reports at different levels: (name, role, target, years in the role, tenths of the level's
/// training done). Ada is trained and long in her role (ready now), Ben trained but two years
/// in (1–2 years), Dev two moves from his target (3+ years); Gus wants to go back to coding,
/// where Ivy is the only developer, so no one could follow him there, and Ivy alone could
/// step into the tech lead role Ada and Ben hold.
const TEAM: &[(&str, &str, &str, i64, u64)] = &[
    ("Ada Brook", "dev-lead", "engineering-manager", 5, 10),
    ("Ben Cole", "dev-lead", "engineering-manager", 2, 10),
    ("Cara Diaz", "infra-manager", "director-infra", 1, 5),
    ("Dev Patel", "engineering-manager", "cio", 6, 10),
    ("Eli Ford", "director-engineering", "cio", 5, 10),
    ("Gus Hill", "engineering-manager", "developer", 3, 10),
    ("Ivy Jones", "developer", "dev-lead", 1, 3),
];

/// The team, made as the succession tests make their reports (history, milestones done,
/// ratings and the best path to the target as the plan); the id of the first.
fn generated_team(dir: &Path) -> String {
    let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
    let store = Store::new(dir);
    let mut rng = common::Lcg(7);
    for (name, role, target, years, tenths) in TEAM {
        let id = rungs::profile::profile_id(name).unwrap();
        let p = Profile::new(id, (*name).into(), "it-leadership".into(), (*role).into());
        let p = with_record(&ladder, p, Some(target), Some(*years), *tenths, &mut rng);
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
        // Every band and flag shows, the flags in full, at both sizes; a title too long for
        // its column wraps whole rather than being cut.
        let row = |shown: &str, title: &str| {
            let start = format!("\"│ {title}");
            let found = shown.lines().find(|l| l.starts_with(&start));
            found.unwrap_or("").to_string()
        };
        assert!(row(&shown, "Engineering").contains("Ada Brook"), "{shown}");
        assert!(row(&shown, "Engineering").contains("Ben Cole"), "{shown}");
        assert!(
            row(&shown, "Tech lead").contains("⚠ only one successor"),
            "{shown}"
        );
        let whole = shown.contains("│ Chief Information Officer ")
            || shown.contains("│ Chief Information ") && shown.contains("│ Officer ");
        assert!(whole, "{shown}");
        assert_snapshot!(format!("team_bench_{width}x{height}"), shown);
        // A role takes a line per candidate: the rest of the bench is a scroll away.
        keys(&mut app, "G");
        let end = screen(&app);
        assert!(row(&end, "Software").contains("⚠ no successor"), "{end}");
        assert!(end.contains("⚠ no one behind"), "{end}");
        if height < 40 {
            assert!(
                !end.contains("Chief Information"),
                "scrolled past the first role: {end}"
            );
        }
        keys(&mut app, "g");
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
fn the_team_covers_every_band_and_flag_as_rungs_bench_works_them_out() {
    let dir = tempfile::tempdir().unwrap();
    generated_team(dir.path());
    let bench = common::json(rungs_cmd(dir.path()).args(["bench", "--json"]));
    let seats = bench["roles"].as_array().unwrap();
    let seat = |role: &str| seats.iter().find(|s| s["role"] == role).unwrap();
    let band_of = |role: &str, who: &str| {
        seat(role)["candidates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["profile"] == who)
            .map(|c| c["band"].as_str().unwrap().to_string())
    };
    // The bands the snapshots show, as the domain works them out.
    let ready = band_of("engineering-manager", "ada-brook");
    assert_eq!(ready.as_deref(), Some("ready-now"));
    let soon = band_of("engineering-manager", "ben-cole");
    assert_eq!(soon.as_deref(), Some("1-2-years"));
    let later = band_of("cio", "dev-patel");
    assert_eq!(later.as_deref(), Some("3-plus-years"));
    assert_eq!(
        seat("dev-lead")["flags"],
        serde_json::json!(["one-successor"])
    );
    assert_eq!(
        seat("developer")["flags"],
        serde_json::json!(["no-successor"])
    );
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

#[test]
fn the_team_view_scrolls_back_up_at_the_first_press_after_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let open = generated_team(dir.path());
    let mut app = app_on(dir.path(), &open, 80, 24);
    keys(&mut app, "4b");
    // At the end, further presses down change nothing, and each press up shows a row more
    // above: the scroll never runs past the last rows (where Up would take several presses).
    keys(&mut app, "G");
    let end = screen(&app);
    keys(&mut app, "jjj");
    assert_eq!(screen(&app), end);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(screen(&app), end);
    keys(&mut app, "k");
    assert_ne!(screen(&app), end, "one press up scrolls");
    keys(&mut app, "j");
    assert_eq!(screen(&app), end, "and one press down is back at the end");
}

#[test]
fn a_profile_that_cannot_be_read_is_named_whole_in_the_team_view_and_said_cut_in_the_roster() {
    let dir = tempfile::tempdir().unwrap();
    let open = generated_team(dir.path());
    let broken = Store::new(dir.path()).path_of("broken-profile");
    std::fs::write(&broken, "(garbage").unwrap();
    let mut app = app_on(dir.path(), &open, 80, 24);
    keys(&mut app, "4");
    // The roster's reason is cut to its column, and says so.
    let roster = screen(&app);
    let row = roster
        .lines()
        .find(|l| l.contains("broken-p"))
        .unwrap_or("");
    assert!(
        row.contains("cannot be read") && row.contains('…'),
        "{roster}"
    );
    // The Team view names it, at its end, without the file's path: `rungs roster` says why.
    keys(&mut app, "bG");
    let end = screen(&app);
    for part in ["│ broken-profile:", "│ unreadable (see", "│ rungs roster)"] {
        assert!(end.contains(part), "{part}: {end}");
    }
    assert!(!end.contains(".ron"), "{end}");
}
