//! Helpers for driving the planner in tests: an app on the bundled ladder with the fixture
//! profile, keys, and reading the screen.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rungs::ladder::{BUNDLED, load_str};
use rungs::profile::{Status, Store};
use rungs::tui::App;

pub fn fixture_profile() -> rungs::profile::Profile {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/profiles/format-1.ron");
    rungs::profile::parse(&std::fs::read_to_string(&path).unwrap(), &path).unwrap()
}

/// An app on the bundled ladder with the fixture profile saved in a fresh data dir.
pub fn app_with_profile(width: u16, height: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let profile = fixture_profile();
    store.create(&profile).unwrap();
    let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
    let mut app = App::new(ladder, store, Some(profile), false);
    app.handle(&Event::Resize(width, height));
    (app, dir)
}

pub fn first_run_app(width: u16, height: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
    let mut app = App::new(ladder, Store::new(dir.path()), None, false);
    app.handle(&Event::Resize(width, height));
    (app, dir)
}

pub fn screen(app: &App) -> String {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    terminal.backend().to_string()
}

/// The title of the role selected on the graph, read from the screen: the selected role is
/// the one drawn in reverse video inside the graph, its lines joined and words broken with a
/// hyphen put back together, the marks before the title left out.
pub fn selected_title(app: &App) -> String {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut lines = Vec::new();
    // Below the header and tab bar, above the legend, status and footer.
    for y in 3..height.saturating_sub(4) {
        let line: String = (0..width)
            .filter_map(|x| buffer.cell((x, y)))
            .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
            // A plan connector may run up behind the selected title.
            .filter(|c| !"║╫╬╔╗╚╝═╥╨".contains(c.symbol()))
            .map(|c| c.symbol().to_string())
            .collect();
        let line = line.trim().to_string();
        if !line.is_empty() {
            lines.push(line);
        }
    }
    let mut title = String::new();
    for line in lines {
        if title.ends_with('-') {
            title.pop();
        } else if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(&line);
    }
    let marks = |c: char| "●★✓↑→↗↓⇑".contains(c) || ('\u{2460}'..='\u{2473}').contains(&c);
    title
        .trim_start_matches(|c: char| marks(c) || c == ' ')
        .to_string()
}

/// The screen column and row where `text` first shows.
pub fn position_of(shown: &str, text: &str) -> (u16, u16) {
    for (row, line) in shown.lines().enumerate() {
        let line = line.trim_matches('"');
        if let Some(at) = line.find(text) {
            let column = unicode_width::UnicodeWidthStr::width(&line[..at]);
            return (column as u16, row as u16);
        }
    }
    panic!("{text:?} is not on the screen:\n{shown}");
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// The status of a milestone in the fixture profile as saved on disk.
pub fn saved_status(store: &Store, milestone: &str) -> Status {
    store.load("priya-sharma").unwrap().milestones[milestone].status
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

pub fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The day the coaching tests live on.
pub const TODAY: &str = "2026-11-25";

/// An app at `width` × `height` on profile `id` of the data folder `dir`, on the bundled
/// ladder, with today pinned to [`TODAY`].
pub fn app_on(dir: &std::path::Path, id: &str, width: u16, height: u16) -> App {
    let store = Store::new(dir);
    let profile = store.load(id).unwrap();
    let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
    let mut app = App::new(ladder, store, Some(profile), false);
    app.set_clock(rungs::date::Clock::Pinned(TODAY.parse().unwrap()));
    app.handle(&Event::Resize(width, height));
    app
}

/// The planner opened as `rungs` opens it on the data folder `dir` (no profile named, so the
/// choice, the config's `me` or the roster decides), on [`TODAY`], at `width` × `height`.
pub fn opened_with_me(dir: &std::path::Path, me: Option<&str>, width: u16, height: u16) -> App {
    let mut options = rungs::tui::Options::new(dir.to_path_buf());
    options.clock = rungs::date::Clock::Pinned(TODAY.parse().unwrap());
    options.config.me = me.map(str::to_string);
    let mut app = App::open(options).expect("the planner opens on a team");
    app.handle(&Event::Resize(width, height));
    app
}

/// `rungs` on the data folder `dir`, on [`TODAY`], with no config or team ladders.
pub fn rungs_cmd(dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("rungs").unwrap();
    cmd.env("RUNGS_DATA_DIR", dir)
        .env("RUNGS_TODAY", TODAY)
        .env_remove("RUNGS_LADDERS")
        .env("RUNGS_CONFIG", dir.join("no-config.ron"));
    cmd
}
