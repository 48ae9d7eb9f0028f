//! The coaching side of the exports: the last 1:1 and the open action items in the Markdown
//! summary, and the words for one action item, which `rungs action list` prints too.

use std::fmt::Write;

use super::formats::{ExportInput, cell};
use crate::date::Date;
use crate::profile::Action;
use crate::text;

/// One action item in words: what, who, by when (and whether that has passed), and where it
/// came from — "Book the course — Priya · due 2026-12-15 (overdue) · from the 1:1 of 2026-11-10".
pub fn action_words(action: &Action, person: &str, today: Date) -> String {
    let mut line = format!(
        "{} — {}",
        text::one_line(&action.text),
        text::one_line(&action.owner.describe(person))
    );
    if let Some(due) = action.due {
        let late = if action.is_open() && due < today {
            " (overdue)"
        } else {
            ""
        };
        let _ = write!(line, " · due {due}{late}");
    }
    match &action.session {
        Some(session) => {
            let _ = write!(line, " · from the 1:1 of {}", text::one_line(session));
        }
        None => {
            let _ = write!(line, " · added {}", action.added);
        }
    }
    line
}

/// The summary's coaching part: the last 1:1's shared notes, then every open action item as
/// a task to tick. Nothing when there has been no 1:1 and nothing is open.
pub(super) fn one_on_one(out: &mut String, input: &ExportInput) {
    let profile = input.profile;
    let open: Vec<(usize, &Action)> = profile
        .numbered_actions()
        .filter(|(_, a)| a.is_open())
        .collect();
    let last = profile.last_session();
    if last.is_none() && open.is_empty() {
        return;
    }
    if let Some(session) = last {
        let _ = writeln!(out, "\n## Last 1:1 — {}\n", session.date);
        quoted(out, &session.notes, "No shared notes were written.");
    }
    let _ = writeln!(out, "\n## Open action items\n");
    if open.is_empty() {
        let _ = writeln!(out, "None open.");
    }
    for (number, action) in open {
        let _ = writeln!(
            out,
            "- [ ] {number}. {}",
            cell(&action_words(action, &profile.name, input.today))
        );
    }
}

/// `notes` as a Markdown quote, line by line, or `none` in italics when there are none.
fn quoted(out: &mut String, notes: &str, none: &str) {
    let lines: Vec<&str> = notes.lines().filter(|l| text::has_content(l)).collect();
    if lines.is_empty() {
        let _ = writeln!(out, "*{none}*");
    }
    for line in lines {
        let _ = writeln!(out, "> {}", cell(line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Clock;
    use crate::ladder::{BUNDLED, load_str};
    use crate::profile::{Owner, Profile, Session, Status};

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn session(id: &str, notes: &str) -> Session {
        Session {
            id: id.to_string(),
            date: day(&id[..10]),
            notes: notes.to_string(),
            agenda: Vec::new(),
        }
    }

    fn action(text: &str, status: Status, session: Option<&str>) -> Action {
        Action {
            text: text.to_string(),
            owner: Owner::Own,
            due: Some(day("2026-11-20")),
            status,
            added: day("2026-11-01"),
            session: session.map(str::to_string),
        }
    }

    #[test]
    fn the_summary_quotes_the_latest_session_and_lists_only_the_open_actions() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let mut p = Profile::new("p".into(), "Priya Sharma".into(), "l".into(), "dev".into());
        // Kept in the order they were started, not by date: the later date wins.
        p.sessions
            .push(session("2026-11-10", "the newer one\n\nsecond line"));
        p.sessions.push(session("2026-10-01", "the older one"));
        p.actions.push(action("done already", Status::Done, None));
        p.actions
            .push(action("book the course", Status::Todo, Some("2026-11-10")));
        let clock = Clock::Pinned(day("2026-11-25"));
        let mut out = String::new();
        one_on_one(&mut out, &ExportInput::new(&p, &ladder, &clock));
        assert_eq!(
            out,
            "\n## Last 1:1 — 2026-11-10\n\n> the newer one\n> second line\n\n## Open action items\n\n\
             - [ ] 2. book the course — Priya · due 2026-11-20 (overdue) · from the 1:1 of 2026-11-10\n"
        );
    }

    #[test]
    fn nothing_is_written_without_a_session_or_an_open_action() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "dev".into());
        p.actions.push(action("done already", Status::Done, None));
        let clock = Clock::Pinned(day("2026-11-25"));
        let mut out = String::new();
        one_on_one(&mut out, &ExportInput::new(&p, &ladder, &clock));
        assert_eq!(out, "");
    }
}
