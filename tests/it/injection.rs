//! Terminal injection: generated strings mixing C0 and C1 controls, ESC/CSI/OSC sequences (a
//! clipboard write, a hyperlink, a title change), DEL, bidi overrides and zero-width characters,
//! each put in every text field of a ladder and of a profile. The ladder loader refuses them,
//! with an error that prints clean; a profile keeps what the person wrote, and no screen of the
//! planner, no export, and nothing printed carries a control character.
//!
//! 1,000 strings by default (a few seconds: every piece of the hostile alphabet turns up in
//! hundreds of them); `RUNGS_INJECTIONS=10000` is the full hunt.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rungs::date::Date;
use rungs::export::{Format, PrivateNotes};
use rungs::ladder::{BUNDLED, Ladder, LadderFile, load_str, ron_options, to_commented_ron};
use rungs::profile::{
    AgendaItem, Owner, PlanChange, PlanEvent, Profile, Rater, Store, TalkingPoint, Topic,
};
use rungs::tui::App;

fn cases() -> u32 {
    common::count_from_env("RUNGS_INJECTIONS", 1_000)
        .try_into()
        .unwrap_or(u32::MAX)
}

/// What a terminal could act on: C0 and C1 controls, DEL, bidi embeddings, overrides and
/// isolates. Newlines and tabs are allowed where text runs over lines (streams and files),
/// never in a screen cell.
fn acts_on_terminal(c: char, lines_allowed: bool) -> bool {
    let layout = c == '\n' || c == '\t';
    (c.is_control() && !(lines_allowed && layout))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn assert_clean(what: &str, text: &str, lines_allowed: bool, input: &str) {
    // A CRLF line end is a line end (iCalendar needs them); only a lone CR can overwrite a line.
    let text = if lines_allowed {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    };
    if let Some(c) = text.chars().find(|&c| acts_on_terminal(c, lines_allowed)) {
        panic!("{what} carries U+{:04X} from input {input:?}", c as u32);
    }
}

fn hostile_piece() -> impl Strategy<Value = String> {
    let sequences = prop::sample::select(vec![
        "\u{1b}[2J",                              // clear the screen
        "\u{1b}[H",                               // cursor home
        "\u{1b}[6n",                              // ask the terminal to type its cursor position
        "\u{1b}]52;c;aGVsbG8=\u{7}",              // OSC 52: write the clipboard
        "\u{1b}]8;;https://evil.example\u{1b}\\", // OSC 8: a hyperlink
        "\u{1b}]0;owned\u{7}",                    // set the window title
        "\u{9b}31m",                              // C1 CSI
        "\u{9d}0;t\u{9c}",                        // C1 OSC ... ST
        "\u{7f}",
        "\u{202e}",
        "\u{2067}",
        "\u{200b}",
        "\u{200d}",
        "\u{2060}",
        "\u{feff}",
        "\r",
        "\n",
        "\t",
    ])
    .prop_map(str::to_string);
    let any_control = prop_oneof![
        prop::char::range('\u{0}', '\u{1f}'),
        prop::char::range('\u{7f}', '\u{9f}'),
        prop::char::range('\u{202a}', '\u{202e}'),
        prop::char::range('\u{2066}', '\u{2069}'),
    ]
    .prop_map(String::from);
    prop_oneof![
        4 => sequences,
        2 => any_control,
        3 => "[a-zA-Zé日本 ]{1,6}",
    ]
}

fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_piece(), 1..8).prop_map(|pieces| pieces.concat())
}

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn ladder_file() -> LadderFile {
    let source =
        std::fs::read_to_string(fixture("tests/fixtures/ladders/valid-small.ron")).unwrap();
    ron_options().from_str(&source).unwrap()
}

/// `file` with `s` in every text field; ids too when `ids` is set.
fn ladder_with(file: &LadderFile, s: &str, ids: bool) -> LadderFile {
    let mut file = file.clone();
    file.name = s.to_string();
    file.summary = s.to_string();
    for level in &mut file.levels {
        level.name = s.to_string();
        level.summary = s.to_string();
        for milestone in &mut level.milestones {
            milestone.title = s.to_string();
            milestone.summary = s.to_string();
            if ids {
                milestone.id = s.to_string();
            }
        }
    }
    for corner in &mut file.corners {
        corner.name = s.to_string();
        corner.summary = s.to_string();
    }
    for role in &mut file.roles {
        role.title = s.into();
        role.summary = s.to_string();
        if ids {
            role.id = s.into();
        }
    }
    for competency in &mut file.competencies {
        competency.name = s.to_string();
        competency.summary = s.to_string();
    }
    if ids {
        file.id = s.to_string();
    }
    file
}

/// `profile` with `s` in every text field; the role, milestone and competency it names too
/// when `ids` is set.
fn profile_with(profile: &Profile, s: &str, ids: bool) -> Profile {
    let mut p = profile.clone();
    let s = s.to_string();
    p.name = s.clone();
    p.history.iter_mut().for_each(|h| h.note = s.clone());
    p.plan.iter_mut().for_each(|step| step.note = s.clone());
    p.milestones.values_mut().for_each(|m| m.note = s.clone());
    p.evidence.iter_mut().for_each(|e| e.text = s.clone());
    for person in p.mentors.iter_mut().chain(p.mentees.iter_mut()) {
        person.name = s.clone();
        person.note = s.clone();
    }
    p.ratings.iter_mut().for_each(|r| r.note = s.clone());
    // The fixture predates agendas and talking points: each gets one to fill.
    let (today, own) = (Date::new(2026, 11, 20).unwrap(), Rater::Own);
    for session in &mut p.sessions {
        session.notes = s.clone();
        session.agenda.push(AgendaItem {
            of: None,
            topic: Topic::Point(own),
            text: String::new(),
            ticked: true,
        });
        session.agenda.iter_mut().for_each(|i| i.text = s.clone());
        p.private_notes.insert(session.id.clone(), s.clone());
    }
    for action in &mut p.actions {
        action.text = s.clone();
        action.owner = Owner::Named(s.clone());
    }
    p.talking_points.push(TalkingPoint {
        id: 0,
        seq: 0,
        text: s.clone(),
        by: own,
        added: today,
        closed_in: None,
    });
    if ids {
        p.target_role = Some(s.clone());
        p.history.iter_mut().for_each(|h| h.role = s.clone());
        p.plan.iter_mut().for_each(|step| step.role = s.clone());
        p.milestones = std::mem::take(&mut p.milestones)
            .into_values()
            .map(|m| (s.clone(), m))
            .collect();
        for entry in &mut p.evidence {
            entry.milestone = Some(s.clone());
            entry.competency = Some(s.clone());
        }
        p.ratings.iter_mut().for_each(|r| r.competency = s.clone());
        for session in &mut p.sessions {
            session.agenda.push(AgendaItem {
                of: None,
                topic: Topic::Gap(s.clone()),
                text: s.clone(),
                ticked: false,
            });
        }
        p.plan_changes.push(PlanChange {
            seq: 0,
            date: today,
            change: PlanEvent::Added(s.clone()),
        });
        p.plan_changes.push(PlanChange {
            seq: 0,
            date: today,
            change: PlanEvent::Target(Some(s.clone())),
        });
    }
    p
}

/// The planner after each of `keys`, drawn, as the text of its cells.
fn screens(app: &mut App, keys: &[KeyCode]) -> Vec<String> {
    let mut shown = Vec::new();
    for &key in keys {
        app.handle(&Event::Key(KeyEvent::new(key, KeyModifiers::NONE)));
        let (width, height) = app.size();
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| app.draw(frame)).unwrap();
        let buffer = terminal.backend().buffer();
        shown.push(buffer.content().iter().map(|cell| cell.symbol()).collect());
    }
    shown
}

fn check_ladder(file: &LadderFile, s: &str, ids: bool) -> Option<Ladder> {
    let source = to_commented_ron(&ladder_with(file, s, ids), &[]);
    match load_str(&source, "hostile.ron") {
        Err(e) => {
            assert_clean(
                "the loader's error",
                &rungs::cli::failure_text(&e.to_string()),
                true,
                s,
            );
            None
        }
        Ok(ladder) => {
            for role in ladder.roles() {
                assert_clean("a loaded role title", &role.title, true, s);
                assert_clean("a loaded role summary", &role.summary, true, s);
            }
            assert_clean(
                "the printed ladder",
                &rungs::print::render(&ladder, 100),
                true,
                s,
            );
            Some(ladder)
        }
    }
}

/// `tabs`: the planner's tabs to draw (the Ladder tab shows the profile only as marks, so it
/// is drawn when the ladder itself came from the hostile string).
fn check_profile(profile: &Profile, ladder: &Ladder, s: &str, tabs: &[char]) {
    let today = Date::new(2026, 11, 25).unwrap();
    let json = |value: &serde_json::Value| {
        let mut out = Vec::new();
        rungs::cli::write_json(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    };
    let clock = rungs::date::Clock::Pinned(today);
    let input = rungs::export::ExportInput::new(profile, ladder, &clock);
    // With the private notes too, as `--include-private` asks.
    let everything = input.clone().with_private_notes(PrivateNotes::Included);
    let exports = [
        ("the text export", rungs::export::text(profile, ladder)),
        ("the plan", rungs::export::plan_text(profile, ladder)),
        ("the JSON export", json(&rungs::export::json(&everything))),
        (
            "the plan as JSON",
            json(&rungs::export::plan_json(profile, ladder)),
        ),
    ];
    for (what, text) in &exports {
        assert_clean(what, text, true, s);
    }
    for format in Format::ALL {
        let carries = matches!(format, Format::Markdown | Format::Json);
        for input in [&input, &everything]
            .into_iter()
            .take(if carries { 2 } else { 1 })
        {
            let what = format!("the {} export ({:?})", format.name(), input.private);
            assert_clean(&what, &rungs::export::render(format, input), true, s);
        }
    }
    let dir = crate::common::scratch_dir();
    let mut app = App::new(
        ladder.clone(),
        Store::new(dir.path()),
        Some(profile.clone()),
        false,
    );
    app.handle(&Event::Resize(100, 30));
    // Every tab, then the coaching tab: the roster, the sessions, and the session with its
    // notes, private notes, agenda and action items. (Its competencies are the Profile tab's.)
    let mut keys: Vec<KeyCode> = tabs.iter().map(|&t| KeyCode::Char(t)).collect();
    keys.extend([KeyCode::Char('4'), KeyCode::Enter, KeyCode::Enter]);
    for screen in screens(&mut app, &keys) {
        assert_clean("a screen of the planner", &screen, false, s);
    }
}

#[test]
fn hostile_text_in_every_field_never_reaches_the_terminal_or_an_export() {
    let small = ladder_file();
    let bundled = load_str(BUNDLED[0].1, "bundled").unwrap();
    let profile = common::planner::fixture_profile();
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&(hostile(), any::<bool>()), |(s, ids)| {
            let hostile_ladder = check_ladder(&small, &s, ids);
            let tabs: &[char] = if hostile_ladder.is_some() {
                &['1', '2', '3', '5']
            } else {
                &['2', '3', '5']
            };
            let ladder = hostile_ladder.unwrap_or_else(|| bundled.clone());
            // A profile keeps what was typed: it must survive a save and a load unchanged...
            let hostile_profile = rungs::profile::settled(profile_with(&profile, &s, ids));
            let saved = rungs::profile::to_ron(&hostile_profile).unwrap();
            let mut loaded = rungs::profile::parse(&saved, Path::new("hostile.ron")).unwrap();
            // The private notes are saved apart, and survive the same way.
            let private =
                rungs::profile::private::to_ron(&profile.id, &hostile_profile.private_notes)
                    .unwrap();
            loaded.private_notes =
                rungs::profile::private::parse(&private, Path::new("p.private.ron"))
                    .unwrap()
                    .sessions;
            prop_assert_eq!(&loaded, &hostile_profile);
            // ...and reach the screen and the exports only cleaned.
            check_profile(&loaded, &ladder, &s, tabs);
            // Whatever is printed passes the gate, however the writes split the text.
            let mut gate = rungs::cli::Gate::new(Vec::new());
            for byte in s.as_bytes() {
                gate.write_all(&[*byte]).unwrap();
            }
            let printed = String::from_utf8(gate.into_inner().unwrap()).unwrap();
            assert_clean("text printed through the gate", &printed, true, &s);
            Ok(())
        })
        .unwrap();
}

/// Markdown a viewer would act on, put in every field of a ladder and of a profile, never
/// acts in the Markdown export: no raw `<` (many viewers render HTML), and no line that starts
/// a block (a heading, a list, a quote, a rule, a code fence) with text from the input, even
/// inside the quoted notes of a 1:1.
#[test]
fn markdown_syntax_in_every_field_is_shown_as_written_never_as_markup() {
    let small = ladder_file();
    let bundled = load_str(BUNDLED[0].1, "bundled").unwrap();
    let profile = common::planner::fixture_profile();
    let today = Date::new(2026, 11, 25).unwrap();
    let clock = rungs::date::Clock::Pinned(today);
    let starts = [
        "# hostile",
        "> hostile",
        "1. hostile",
        "2) hostile",
        "- hostile",
        "+ hostile",
        "* hostile",
        "---",
        "```",
        "=== hostile",
        "    hostile code",
        "<b onmouseover=x>Senior</b>",
    ];
    for start in starts {
        for s in [start.to_string(), format!("fine\n{start}\nfine")] {
            let ladder = load_str(
                &to_commented_ron(&ladder_with(&small, &s, false), &[]),
                "h.ron",
            )
            .unwrap_or_else(|_| bundled.clone());
            let hostile = profile_with(&profile, &s, false);
            let input = rungs::export::ExportInput::new(&hostile, &ladder, &clock)
                .with_private_notes(PrivateNotes::Included);
            let markdown = rungs::export::render(Format::Markdown, &input);
            assert!(!markdown.contains('<'), "raw < from {s:?}:\n{markdown}");
            for line in markdown.lines() {
                let mut rest = line;
                while let Some(inner) = rest.strip_prefix("> ") {
                    rest = inner;
                }
                // An indented line is a code block as it stands; anything else, indented or not.
                let block = if start.starts_with(' ') {
                    rest.starts_with(start)
                } else {
                    rest.trim_start().starts_with(start)
                };
                assert!(
                    !block,
                    "a block from {s:?} in the line {line:?}:\n{markdown}"
                );
            }
        }
    }
}
