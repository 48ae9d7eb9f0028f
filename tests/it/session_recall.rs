//! Issue 24, item 6, in the planner: a session shows the manager the private note of the
//! person's previous session (never under share-safe), and `/` searches every session of the
//! person — private notes only when share-safe is off.

use insta::assert_snapshot;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers, MouseEvent, MouseEventKind};
use rungs::profile::Store;
use rungs::tui::App;

use crate::coaching::team;
use crate::common::planner::*;

/// Priya's 1:1 of 2026-11-10 (the fixture) holds these shared notes, and the private note
/// "Possible successor for the platform lead".
const LAST_SHARED: &str = "Talked about a move into data";

/// Words of the private note, any of which on screen would give it away.
const PRIVATE_WORDS: [&str; 3] = ["successor", "platform lead", "last time (private)"];

/// Priya's planner at `width` × `height`, in today's new session (the one of 2026-11-10 is
/// before it).
fn in_todays_session(width: u16, height: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", width, height);
    keys(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "n");
    let shown = screen(&app);
    assert!(shown.contains(&format!("Agenda {TODAY}")), "{shown}");
    (app, dir)
}

fn private_words_on(shown: &str) -> Vec<&'static str> {
    PRIVATE_WORDS
        .into_iter()
        .filter(|w| shown.to_lowercase().contains(w))
        .collect()
}

fn footer(shown: &str) -> String {
    let last = shown.lines().last().unwrap_or_default();
    last.trim_matches('"').trim_end().to_string()
}

#[test]
fn the_previous_sessions_private_note_shows_in_the_session_with_its_date() {
    for (width, height) in [(80, 24), (120, 40)] {
        let (app, _dir) = in_todays_session(width, height);
        let shown = screen(&app);
        assert!(
            shown.contains("last time (private) 2026-11-10"),
            "{width}×{height}: {shown}"
        );
        assert!(
            shown.contains("Possible successor"),
            "{width}×{height}: {shown}"
        );
        assert_snapshot!(format!("session_recall_{width}x{height}"), shown);
    }
}

#[test]
fn the_first_session_has_no_previous_private_note() {
    let (mut app, _dir) = in_todays_session(120, 40);
    // The session of 2026-11-10 itself: nothing came before it.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(shown.contains("Agenda 2026-11-10"), "{shown}");
    assert!(shown.contains("Possible successor"), "its own: {shown}");
    assert!(!shown.contains("last time"), "{shown}");
}

#[test]
fn a_long_previous_private_note_scrolls_with_the_arrows_in_the_private_pane() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let store = Store::new(dir.path());
    let mut lock = store.lock("priya-sharma").unwrap();
    let mut priya = store.load("priya-sharma").unwrap();
    let long: Vec<String> = (1..=30)
        .map(|n| format!("Point {n} to follow up"))
        .collect();
    priya
        .private_notes
        .insert("2026-11-10".into(), long.join("\n"));
    store.save(&priya, &mut lock).unwrap();
    drop(lock);
    let mut app = app_on(dir.path(), "priya-sharma", 80, 24);
    keys(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "n");
    let shown = screen(&app);
    assert!(shown.contains("Point 1 to"), "{shown}");
    assert!(!shown.contains("Point 30 to"), "{shown}");
    // To the private notes pane; the end of the note is a few keys away, and back.
    keys(&mut app, "ll");
    press(&mut app, KeyCode::End);
    let shown = screen(&app);
    assert!(shown.contains("Point 30 to"), "{shown}");
    assert!(!shown.contains("Point 1 to"), "{shown}");
    press(&mut app, KeyCode::Up);
    let shown = screen(&app);
    assert!(shown.contains("Point 29 to"), "{shown}");
    assert!(!shown.contains("Point 30 to"), "one line back up: {shown}");
    press(&mut app, KeyCode::Home);
    assert!(screen(&app).contains("Point 1 to"), "{}", screen(&app));
}

#[test]
fn under_share_safe_nothing_of_the_previous_private_note_shows() {
    for (width, height) in [(80, 24), (120, 40)] {
        // Share-safe turned on in the session, and on before the session opens.
        let (mut app, _dir) = in_todays_session(width, height);
        keys(&mut app, "s");
        assert!(app.share_safe());
        let mut screens = vec![screen(&app)];
        for _ in 0..4 {
            keys(&mut app, "l");
            screens.push(screen(&app));
        }
        press(&mut app, KeyCode::Esc);
        keys(&mut app, "n");
        screens.push(screen(&app));
        for shown in &screens {
            assert!(shown.contains(&format!("Agenda {TODAY}")), "{shown}");
            assert_eq!(private_words_on(shown), Vec::<&str>::new(), "{shown}");
        }
        // And off again, it is back: the check above can fail.
        keys(&mut app, "s");
        assert!(
            screen(&app).contains("Possible successor"),
            "{}",
            screen(&app)
        );
    }
}

#[test]
fn slash_finds_a_word_of_an_earlier_sessions_shared_notes_and_enter_opens_that_session() {
    let (mut app, _dir) = in_todays_session(120, 40);
    keys(&mut app, "/");
    let shown = screen(&app);
    assert!(shown.contains("Search Priya Sharma's 1:1s"), "{shown}");
    // Only the search's keys: the letters that are keys elsewhere are typed here.
    assert!(!footer(&shown).contains("quit"), "{}", footer(&shown));
    assert!(footer(&shown).contains("⏎ open"), "{}", footer(&shown));
    // Any case; letters that are keys elsewhere (q, s, e) go into the search.
    keys(&mut app, "MOVE into");
    let shown = screen(&app);
    assert!(shown.contains("1 found"), "{shown}");
    let hit = format!("2026-11-10 · shared · {LAST_SHARED}");
    assert!(shown.contains(&hit), "{shown}");
    assert!(!app.share_safe());
    // The wheel moves the selection only over what was found: Enter still opens the one hit.
    for _ in 0..3 {
        app.handle(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        }));
    }
    press(&mut app, KeyCode::Enter);
    let shown = screen(&app);
    assert!(
        shown.contains("Agenda 2026-11-10"),
        "the session opened: {shown}"
    );
    assert!(shown.contains(LAST_SHARED), "{shown}");
    // Esc closes a search without leaving the session.
    keys(&mut app, "/");
    keys(&mut app, "data");
    press(&mut app, KeyCode::Esc);
    let shown = screen(&app);
    assert!(shown.contains("Agenda 2026-11-10"), "{shown}");
    assert!(!shown.contains("Search Priya"), "{shown}");
}

#[test]
fn slash_finds_private_notes_only_when_share_safe_is_off() {
    for (width, height) in [(80, 24), (120, 40)] {
        let (mut app, _dir) = in_todays_session(width, height);
        keys(&mut app, "/");
        keys(&mut app, "successor");
        let shown = screen(&app);
        assert!(
            shown.contains("2026-11-10 · private · Possible successor"),
            "{shown}"
        );
        assert_snapshot!(format!("session_search_{width}x{height}"), shown);
        press(&mut app, KeyCode::Esc);
        keys(&mut app, "s");
        keys(&mut app, "/");
        keys(&mut app, "successor");
        let shown = screen(&app);
        assert!(shown.contains("0 found"), "{shown}");
        assert!(shown.contains("shared words only"), "{shown}");
        assert!(!shown.contains("· private ·"), "{shown}");
        assert!(!shown.contains("platform lead"), "{shown}");
        // The shared notes are still searched.
        for _ in 0.."successor".len() {
            press(&mut app, KeyCode::Backspace);
        }
        keys(&mut app, "data");
        let shown = screen(&app);
        assert!(shown.contains(LAST_SHARED), "{shown}");
        assert!(!shown.contains("platform lead"), "{shown}");
    }
}
