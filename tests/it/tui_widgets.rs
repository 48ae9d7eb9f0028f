//! The planner drawn with ratatui's widgets, checked at the sizes people use: no footer cuts a
//! key off, the roster shows now → target whole, a long note shows whole while it is typed, and
//! the ratings chart has its dates, both raters and a legend.

use std::path::Path;

use crate::common;

use common::planner::*;
use ratatui::crossterm::event::KeyCode;
use rungs::profile::{Profile, Store};
use rungs::tui::App;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn person(name: &str, role: &str) -> Profile {
    let id = rungs::profile::profile_id(name).unwrap();
    let mut p = Profile::new(id, name.into(), "it-leadership".into(), role.into());
    p.target_role = Some("cio".into());
    p
}

/// Priya (the fixture), Sam (a security analyst) and Lee (a data analyst), all aiming for CIO.
fn team(dir: &Path) {
    let store = Store::new(dir);
    store.create(&fixture_profile()).unwrap();
    store
        .create(&person("Sam Okafor", "security-analyst"))
        .unwrap();
    store.create(&person("Lee Chen", "data-analyst")).unwrap();
}

fn rows(shown: &str) -> Vec<String> {
    shown
        .lines()
        .map(|l| l.trim_matches('"').to_string())
        .collect()
}

fn footer_of(app: &App) -> String {
    rows(&screen(app)).last().cloned().unwrap_or_default()
}

/// The footer (the last row), checked: never a cut-off hint, and on a tab the help key last.
fn check_footer(app: &App, what: &str, on_a_tab: bool) {
    let shown = screen(app);
    let footer = rows(&shown).last().cloned().unwrap_or_default();
    let footer = footer.trim_end();
    let (w, h) = app.size();
    assert!(
        !footer.ends_with('…') && !footer.contains("…  "),
        "{what} at {w}×{h}: the footer cuts a key: {footer:?}"
    );
    if on_a_tab {
        assert!(
            footer.ends_with("? more") || footer.ends_with("? help"),
            "{what} at {w}×{h}: the footer does not end with the help key: {footer:?}"
        );
    }
    // Every key of what has the focus is in the footer (or beside its entry in a menu), or the
    // footer says `? more` and the help overlay lists it.
    let help = app.key_sections();
    for row in app.focused_keys().rows {
        // A group's hint ("↑↓ PgUp PgDn scroll") names keys whose rows have no hint of their own.
        let first_key = row.keys.split(' ').next().unwrap_or_default();
        let named = !first_key.is_ascii() || first_key.len() > 1;
        let in_footer = row.footer.as_ref().is_some_and(|f| footer.contains(f.as_str()))
            || named && footer.contains(first_key)
            // A menu shows each entry's key in a column of its own before what it does.
            || shown.contains(&format!("  {first_key}  "));
        if in_footer {
            continue;
        }
        assert!(
            footer.ends_with("? more"),
            "{what} at {w}×{h}: {} ({}) is neither in the footer nor behind `? more`: {footer:?}\n{shown}",
            row.keys,
            row.help
        );
        assert!(
            help.iter()
                .flat_map(|s| &s.rows)
                .any(|r| r.name == row.name && r.keys == row.keys),
            "{what} at {w}×{h}: {} ({}) is left out of the footer and missing from help",
            row.keys,
            row.help
        );
    }
}

#[test]
fn no_footer_on_any_tab_pane_or_popup_ends_in_an_ellipsis() {
    for (width, height) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        team(dir.path());
        let mut app = app_on(dir.path(), "priya-sharma", width, height);
        for tab in ['1', '2', '3', '5'] {
            keys(&mut app, &tab.to_string());
            check_footer(&app, &format!("tab {tab}"), true);
        }
        keys(&mut app, "1");
        press(&mut app, KeyCode::Enter);
        check_footer(&app, "the ladder's details", true);
        keys(&mut app, "d");
        assert!(screen(&app).contains("What changes"), "{}", screen(&app));
        check_footer(&app, "the diff popup", false);
        press(&mut app, KeyCode::Esc);
        keys(&mut app, "mC");
        assert!(
            screen(&app).contains("Compare (Esc closes)"),
            "{}",
            screen(&app)
        );
        check_footer(&app, "the compare popup", false);
        press(&mut app, KeyCode::Esc);
        keys(&mut app, "3v");
        assert!(screen(&app).contains("learning path"), "{}", screen(&app));
        check_footer(&app, "the learning path", true);
        keys(&mut app, "v1");
        keys(&mut app, "?");
        check_footer(&app, "the help overlay", false);
        press(&mut app, KeyCode::Esc);
        keys(&mut app, "X");
        check_footer(&app, "the export menu", false);
        press(&mut app, KeyCode::Esc);
        // The Coaching tab: roster, sessions, a session and each of its panes.
        keys(&mut app, "4");
        check_footer(&app, "the roster", true);
        keys(&mut app, "/");
        // Typing: the field's own keys only (letters, `?` among them, are typed).
        check_footer(&app, "the roster's filter", false);
        assert!(!footer_of(&app).contains("quit"), "{}", footer_of(&app));
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Enter);
        check_footer(&app, "the sessions", true);
        keys(&mut app, "n");
        for pane in ["agenda", "notes", "private notes", "action items"] {
            check_footer(&app, &format!("a session's {pane}"), true);
            keys(&mut app, "l");
        }
        keys(&mut app, "le");
        check_footer(&app, "writing notes", false);
        assert!(!footer_of(&app).contains("quit"), "{}", footer_of(&app));
        press(&mut app, KeyCode::Esc);
        keys(&mut app, "c");
        check_footer(&app, "the competencies", true);
        keys(&mut app, "a");
        check_footer(&app, "the action item form", false);
        press(&mut app, KeyCode::Esc);
        // The first run.
        let (mut first, _dir) = first_run_app(width, height);
        check_footer(&first, "the first run", false);
        press(&mut first, KeyCode::Enter);
        check_footer(&first, "the first run's target", false);
        keys(&mut first, "s");
        check_footer(&first, "the first run's name", false);
    }
}

#[test]
fn the_roster_at_120x40_shows_now_and_target_of_every_report_whole() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    keys(&mut app, "4");
    let shown = rows(&screen(&app));
    for (name, now) in [
        ("Sam Okafor", "Security analyst"),
        ("Priya Sharma", "Tech lead"),
        ("Lee Chen", "Data analyst"),
    ] {
        // Below the header and the pane titles (which name the open profile).
        let at = shown
            .iter()
            .skip(3)
            .position(|r| r.contains(name))
            .map(|i| i + 3)
            .unwrap_or_else(|| panic!("{name} is not in the roster:\n{}", shown.join("\n")));
        let row = &shown[at];
        let whole = format!("{now} → Chief Information Officer");
        if row.contains(&whole) {
            continue;
        }
        // Broken after the arrow: the target right under the current role, both whole.
        let byte = row
            .find(&format!("{now} →"))
            .unwrap_or_else(|| panic!("{name}: {now} → is not whole in {row:?}"));
        let column = row[..byte].chars().count();
        let next = &shown[at + 1];
        let under: String = next.chars().skip(column).take(25).collect();
        assert_eq!(
            under, "Chief Information Officer",
            "{name}: the target is not whole under the current role:\n{row}\n{next}"
        );
    }
    // The sessions pane beside it says what the next 1:1 starts with, wrapped, not cut.
    let text = shown.join("\n");
    assert!(text.contains("Next 1:1 — n starts it"), "{text}");
    assert!(!text.contains("agen…"), "{text}");
}

#[test]
fn a_300_character_note_shows_whole_and_wrapped_while_it_is_typed() {
    let note: String = (1..=60)
        .map(|i| format!("n{i:02}x"))
        .collect::<Vec<_>>()
        .join(" ")
        + ".";
    assert_eq!(note.chars().count(), 300);
    for (width, height) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        team(dir.path());
        let mut app = app_on(dir.path(), "priya-sharma", width, height);
        keys(&mut app, "4");
        press(&mut app, KeyCode::Enter);
        keys(&mut app, "nle");
        keys(&mut app, &note);
        let shown = screen(&app);
        assert!(shown.contains("writing, Esc saves"), "{shown}");
        for i in 1..=60 {
            let word = format!("n{i:02}x");
            assert!(
                shown.contains(&word),
                "{width}×{height}: {word} of the note is not on screen while typing:\n{shown}"
            );
        }
        press(&mut app, KeyCode::Esc);
        // Reopened, the caret starts a new line after what is there.
        keys(&mut app, "e");
        keys(&mut app, "Next");
        press(&mut app, KeyCode::Esc);
        let saved = Store::new(dir.path()).load("priya-sharma").unwrap();
        let session = saved.sessions.iter().max_by_key(|s| s.date).unwrap();
        assert_eq!(session.notes, format!("{note}\nNext"), "{width}×{height}");
    }
}

#[test]
fn the_ratings_chart_at_120x40_shows_dates_both_raters_and_a_legend() {
    let dir = tempfile::tempdir().unwrap();
    team(dir.path());
    let mut app = app_on(dir.path(), "priya-sharma", 120, 40);
    keys(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "nc");
    // The fixture rates Leadership twice: working towards (self) and meeting (manager).
    for _ in 0..12 {
        if screen(&app).contains("Leadership over time") {
            break;
        }
        press(&mut app, KeyCode::Down);
    }
    let shown = rows(&screen(&app));
    let title = shown
        .iter()
        .position(|r| r.contains("Leadership over time"))
        .unwrap_or_else(|| panic!("no chart for Leadership:\n{}", shown.join("\n")));
    let legend = shown
        .iter()
        .position(|r| r.contains("• self") && r.contains("█ manager"))
        .unwrap_or_else(|| panic!("no legend:\n{}", shown.join("\n")));
    let chart: Vec<&String> = shown[title + 1..legend].iter().collect();
    let text = chart
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    // The left pane only (55% of the width), where the chart is.
    let plot: String = chart.iter().flat_map(|r| r.chars().take(66)).collect();
    assert!(text.contains("2026-09-01"), "the first date:\n{text}");
    assert!(text.contains("2026-09-03"), "the last date:\n{text}");
    assert!(plot.contains('•'), "the person's own rating:\n{text}");
    assert!(plot.contains('█'), "the manager's rating:\n{text}");
    for scale in ["5", "0"] {
        assert!(
            chart
                .iter()
                .any(|r| r.contains(&format!("│ {scale}")) || r.contains(&format!(" {scale}│"))),
            "the scale's {scale}:\n{text}"
        );
    }
    let legend_text = shown[legend..].join(" ");
    for mark in ["• self", "█ manager", "expects", "△ one step", "⚠"] {
        assert!(
            legend_text.contains(mark),
            "legend {mark:?}:\n{legend_text}"
        );
    }
}
