//! The ladder graph sized from the terminal: every corner and every word of every title at
//! 120×40, off-screen counts when not all fit, each zoom at four sizes, and popups that scroll
//! to their last line.

use crate::common;

use common::planner::*;
use insta::assert_snapshot;
use ratatui::crossterm::event::{Event, KeyCode};
use rungs::ladder::{BUNDLED, Ladder, load_str};
use rungs::profile::{Profile, Store};
use rungs::tui::App;

fn bundled() -> Ladder {
    load_str(BUNDLED[0].1, "bundled").unwrap()
}

/// The screen as rows of cells (a wide character's second cell is empty).
fn cells(app: &App) -> Vec<Vec<String>> {
    let (width, height) = app.size();
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| {
                    buffer
                        .cell((x, y))
                        .map_or(String::new(), |c| c.symbol().to_string())
                })
                .collect()
        })
        .collect()
}

/// Whether `word` shows on the screen: whole on one row, or broken with a hyphen at the end of
/// one row and carried on at the same column of the next.
fn shows(rows: &[Vec<String>], word: &str) -> bool {
    let text: Vec<String> = rows.iter().map(|r| r.concat()).collect();
    if text.iter().any(|t| t.contains(word)) {
        return true;
    }
    let chars: Vec<char> = word.chars().collect();
    // The carried-on part starts a line of the same cell: at or left of where the first part
    // started, after a space or a border.
    let starts_line = |row: &[String], x: usize| x == 0 || matches!(row[x - 1].as_str(), " " | "│");
    for split in 1..chars.len() {
        let head: String = chars[..split].iter().collect::<String>() + "-";
        let tail: String = chars[split..].iter().collect();
        for (y, row) in rows.iter().enumerate().take(rows.len().saturating_sub(1)) {
            for x in 0..row.len() {
                if !row[x..].concat().starts_with(&head) {
                    continue;
                }
                let next = &rows[y + 1];
                let carried = (x.saturating_sub(24)..=x.min(next.len() - 1))
                    .any(|t| starts_line(next, t) && next[t..].concat().starts_with(&tail));
                if carried {
                    return true;
                }
            }
        }
    }
    false
}

fn every_word_shows(app: &App, ladder: &Ladder) {
    let rows = cells(app);
    let screen: String = rows.iter().map(|r| r.concat() + "\n").collect();
    for corner in ladder.corners() {
        for word in corner.name.split_whitespace() {
            assert!(
                shows(&rows, word),
                "corner {:?}: {word:?} missing\n{screen}",
                corner.name
            );
        }
    }
    for role in ladder.roles() {
        for word in role.title.split_whitespace() {
            assert!(
                shows(&rows, word),
                "role {:?}: {word:?} missing\n{screen}",
                role.title
            );
        }
    }
}

#[test]
fn at_120x40_every_corner_and_every_word_of_every_title_shows() {
    let (app, _dir) = app_with_profile(120, 40);
    every_word_shows(&app, &bundled());
}

#[test]
fn at_120x40_the_first_run_screen_shows_them_all_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(bundled(), Store::new(dir.path()), None, false);
    app.handle(&Event::Resize(120, 40));
    every_word_shows(&app, &bundled());
}

#[test]
fn at_80x24_at_least_four_corners_show_and_the_rest_are_counted() {
    let (app, _dir) = app_with_profile(80, 24);
    let shown = screen(&app);
    let ladder = bundled();
    let visible = ladder
        .corners()
        .iter()
        .filter(|c| {
            [&c.name, &c.short].iter().any(|name| {
                let first = name.split_whitespace().next().unwrap_or("\u{0}");
                shown.contains(&first[..first.len().min(7)])
            })
        })
        .count();
    assert!(visible >= 4, "{visible} corners show\n{shown}");
    // "◀ L more · R more ▶": the corners not (wholly) in view on each side.
    let counts = shown
        .lines()
        .find(|l| l.contains("more ▶"))
        .unwrap_or_else(|| panic!("no off-screen count\n{shown}"));
    let number = |text: &str| -> usize {
        text.trim()
            .rsplit(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap_or_else(|_| panic!("{text:?} in {counts:?}"))
    };
    let right_end = counts.find(" more ▶").unwrap();
    let right = number(&counts[..right_end]);
    let left = counts
        .find(" more ·")
        .filter(|&at| at < right_end)
        .map_or(0, |at| number(&counts[..at]));
    let total = ladder.corners().len();
    assert!(right >= 1, "{counts}");
    // A corner cut at the edge counts as off screen but its name may still show in part.
    assert!(
        (total - visible..=total - visible + 1).contains(&(left + right)),
        "{left} + {right} off screen, {visible} of {total} showing\n{shown}"
    );
}

/// The corner names the graph's header shows, left to right, each as its lines joined: a line
/// ending in a hyphen between two letters is joined to the next without a space (and the
/// break must be a hyphenation point of the word), any other with one. Columns whose header
/// is blank (the margin, a column the view cuts) are left out.
fn header_names(rows: &[Vec<String>]) -> Vec<String> {
    let text: Vec<String> = rows.iter().map(|r| r.concat()).collect();
    let top = text
        .iter()
        .position(|t| t.contains("Ladder · fit"))
        .expect("the graph's frame");
    let end = (top + 1..text.len())
        .find(|&y| text[y].contains('├') || text[y].contains('┌'))
        .expect("the first rule under the header");
    let mut columns: Vec<Vec<String>> = Vec::new();
    for line in &text[top + 1..end] {
        let parts: Vec<&str> = line.split('│').collect();
        for (i, part) in parts.iter().enumerate() {
            if columns.len() <= i {
                columns.push(Vec::new());
            }
            let part = part.trim();
            if !part.is_empty() {
                columns[i].push(part.to_string());
            }
        }
    }
    columns
        .into_iter()
        .filter(|lines| !lines.is_empty())
        .map(|lines| {
            let mut name = String::new();
            for line in lines {
                let broken = name
                    .strip_suffix('-')
                    .filter(|head| {
                        head.chars().last().is_some_and(char::is_alphabetic)
                            && line.chars().next().is_some_and(char::is_alphabetic)
                    })
                    .map(str::to_string);
                match broken {
                    Some(head) => {
                        let word_start = head.rfind(' ').map_or(0, |i| i + 1);
                        let word_end = line.find(' ').unwrap_or(line.len());
                        let word = format!("{}{}", &head[word_start..], &line[..word_end]);
                        let split = head.len() - word_start;
                        let mut at = 0;
                        let points: Vec<usize> =
                            hypher::hyphenate(&word, hypher::Lang::English)
                                .map(|s| {
                                    at += s.len();
                                    at
                                })
                                .collect();
                        assert!(
                            points.contains(&split),
                            "{word:?} broken after {split} letters, not at a hyphenation point {points:?}"
                        );
                        name = head + &line;
                    }
                    None if name.is_empty() => name = line,
                    None => name = format!("{name} {line}"),
                }
            }
            name
        })
        .collect()
}

/// The header at `width` × `height` shows every corner name it shows readable whole (the
/// name, or the ladder's short name), never cut with `…`, and counts the rest as off screen.
fn corner_names_read_whole(width: u16, height: u16) -> Vec<String> {
    let (app, _dir) = app_with_profile(width, height);
    let rows = cells(&app);
    let shown = screen(&app);
    let names = header_names(&rows);
    let ladder = bundled();
    let corners = ladder.corners();
    let first = corners
        .iter()
        .position(|c| c.name == names[0] || c.short == names[0])
        .unwrap_or_else(|| panic!("{:?} is no corner's name\n{shown}", names[0]));
    for (name, corner) in names.iter().zip(&corners[first..]) {
        assert!(
            *name == corner.name || *name == corner.short,
            "{name:?} shown for {:?} ({:?})\n{shown}",
            corner.name,
            corner.short
        );
    }
    assert!(first + names.len() <= corners.len(), "{names:?}\n{shown}");
    let off = shown
        .lines()
        .find(|l| l.contains("more ▶") || l.contains("◀"))
        .map_or(0, |l| {
            l.split(" more")
                .filter_map(|part| part.trim().rsplit(' ').next()?.parse::<usize>().ok())
                .sum()
        });
    assert_eq!(
        names.len() + off,
        corners.len(),
        "{names:?} shown, {off} counted off screen\n{shown}"
    );
    names
}

#[test]
fn at_80x24_every_corner_name_the_header_shows_reads_whole_and_the_rest_are_counted() {
    let names = corner_names_read_whole(80, 24);
    assert!(names.len() >= 4, "{names:?}");
}

#[test]
fn at_120x40_every_corner_name_shows_whole_in_the_header() {
    let names = corner_names_read_whole(120, 40);
    let whole: Vec<String> = bundled().corners().iter().map(|c| c.name.clone()).collect();
    assert_eq!(names, whole);
}

#[test]
fn snapshots_of_each_zoom_at_four_sizes() {
    for (width, height) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
        let (mut app, _dir) = app_with_profile(width, height);
        for zoom in ["fit", "detailed", "compact"] {
            assert!(screen(&app).contains(&format!("Ladder · {zoom}")));
            assert_snapshot!(format!("ladder_{zoom}_{width}x{height}"), screen(&app));
            keys(&mut app, "z");
        }
    }
}

#[test]
fn the_selection_stays_in_view_at_every_zoom_and_clicks_select() {
    let (mut app, _dir) = app_with_profile(80, 24);
    for _ in 0..3 {
        for key in [
            KeyCode::Up,
            KeyCode::Up,
            KeyCode::Right,
            KeyCode::Right,
            KeyCode::Right,
        ] {
            press(&mut app, key);
        }
        let title = selected_title(&app);
        assert!(!title.is_empty(), "the selection shows\n{}", screen(&app));
        // Clicking a role selects it, whatever the zoom: the first title on screen whose first
        // word is long and unique enough to find.
        let shown = screen(&app);
        let below: String = shown.lines().skip(6).collect::<Vec<_>>().join("\n");
        let ladder = bundled();
        let word = ladder
            .roles()
            .iter()
            .filter_map(|r| r.title.split_whitespace().find(|w| w.len() >= 8))
            .find(|w| below.matches(w).count() == 1)
            .expect("some title shows whole");
        let (x, y) = position_of(&below, word);
        app.handle(&Event::Mouse(ratatui::crossterm::event::MouseEvent {
            kind: ratatui::crossterm::event::MouseEventKind::Down(
                ratatui::crossterm::event::MouseButton::Left,
            ),
            column: x + 1,
            row: y + 6,
            modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
        }));
        let chosen = selected_title(&app);
        assert!(
            chosen.contains(&word[..5]),
            "clicked {word:?}, selected {chosen:?}\n{shown}"
        );
        keys(&mut app, "z");
    }
}

#[test]
fn the_what_changes_popup_scrolls_from_the_lowest_role_to_the_top_one_to_its_last_line() {
    let ladder = bundled();
    let (mut app, _dir) = app_on(ladder.clone(), "data-analyst", 120, 40);
    keys(&mut app, "/chief information officer");
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "d");
    let from = ladder.role_index("data-analyst").unwrap();
    let to = ladder.role_index("cio").unwrap();
    let lines = rungs::profile::role_diff(None, &ladder, from, to).describe(&ladder);
    let last = lines.last().unwrap().trim();
    assert!(!screen(&app).contains(last), "too long to show at once");
    for _ in 0..lines.len() {
        press(&mut app, KeyCode::PageDown);
    }
    let shown = screen(&app);
    assert!(shown.contains(last), "{last:?} after scrolling\n{shown}");
    assert!(
        shown.contains(&format!("of {}", lines.len())) || shown.contains(" of "),
        "{shown}"
    );
}

#[test]
fn the_mouse_wheel_scrolls_the_first_run_graph() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(bundled(), Store::new(dir.path()), None, false);
    app.handle(&Event::Resize(80, 24));
    let before = screen(&app);
    let wheel = |kind| {
        Event::Mouse(ratatui::crossterm::event::MouseEvent {
            kind,
            column: 40,
            row: 12,
            modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
        })
    };
    // The first run starts at the lowest level (the usual current role), so look up.
    for _ in 0..5 {
        app.handle(&wheel(ratatui::crossterm::event::MouseEventKind::ScrollUp));
    }
    assert_ne!(screen(&app), before, "the graph moved");
    assert!(screen(&app).contains("Executive"), "{}", screen(&app));
}

/// The planner on `ladder` with a new profile whose current role is `current`.
fn app_on(ladder: Ladder, current: &str, width: u16, height: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let profile = Profile::new(
        "sam".into(),
        "Sam".into(),
        ladder.id().into(),
        current.into(),
    );
    store.create(&profile).unwrap();
    let mut app = App::new(ladder, store, Some(profile), false);
    app.handle(&Event::Resize(width, height));
    (app, dir)
}

/// The planner on the company-shaped fixture ladder (enterprise-wide rows between levels, two
/// roles in one cell), its current role the Operations engineer.
fn company_app(width: u16, height: u16) -> (App, tempfile::TempDir) {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ladders/company-stacked.ron");
    app_on(
        rungs::ladder::load_file(&path).unwrap(),
        "ops-engineer",
        width,
        height,
    )
}

/// Presses each arrow and checks the role each one selected: its title as the graph shows it,
/// whole, or cut short with "…" where the cell is too small (the fit zoom at 80×24).
fn walk(app: &mut App, arrows: &[KeyCode], titles: &[&str], context: &str) {
    assert_eq!(arrows.len(), titles.len());
    let mut shown = Vec::new();
    for (&key, &title) in arrows.iter().zip(titles) {
        press(app, key);
        shown.push(selected_title(app));
        let last = shown.last().unwrap();
        let fits = last == title
            || last
                .strip_suffix('…')
                .is_some_and(|start| !start.is_empty() && title.starts_with(start));
        assert!(fits, "{context}: {shown:?}, expected {titles:?}");
    }
}

#[test]
fn arrows_keep_their_column_through_an_enterprise_wide_row_at_every_zoom() {
    use KeyCode::{Down, Up};
    for (width, height) in [(80, 24), (120, 40)] {
        let (mut app, _dir) = app_with_profile(width, height);
        let (mut company, _company_dir) = company_app(width, height);
        for zoom in ["fit", "detailed", "compact"] {
            keys(&mut app, "/systems engineer");
            press(&mut app, KeyCode::Esc);
            walk(
                &mut app,
                &[Up, Up, Up, Down, Down],
                &[
                    "Infrastructure lead",
                    "Enterprise architect",
                    "Infrastructure manager",
                    "Enterprise architect",
                    "Infrastructure lead",
                ],
                &format!("{zoom} at {width}x{height}"),
            );
            keys(&mut company, "/operations engineer");
            press(&mut company, KeyCode::Esc);
            walk(
                &mut company,
                &[Up, Up, Up, Up, Down, Down],
                &[
                    "Operations lead",
                    "Operations manager",
                    "IT manager",
                    "Operations director",
                    "IT manager",
                    "Operations manager",
                ],
                &format!("{zoom} at {width}x{height}"),
            );
            keys(&mut app, "z");
            keys(&mut company, "z");
        }
    }
}

#[test]
fn up_from_beside_a_shared_cell_goes_to_the_level_above_in_the_same_column() {
    use KeyCode::{Down, Up};
    let (mut app, _dir) = company_app(80, 24);
    for zoom in ["fit", "detailed", "compact"] {
        keys(&mut app, "/data engineer");
        press(&mut app, KeyCode::Esc);
        // The Development and Security cells of the lead level hold two roles each; the lower
        // ones are not the level above for the Data engineer.
        walk(&mut app, &[Up, Down], &["Data lead", "Data engineer"], zoom);
        keys(&mut app, "/development lead");
        press(&mut app, KeyCode::Esc);
        walk(
            &mut app,
            &[Down, Up, Up],
            &["Staff engineer", "Development lead", "Development manager"],
            zoom,
        );
        keys(&mut app, "z");
    }
}
