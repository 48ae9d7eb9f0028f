//! The plan for a calendar (iCalendar, RFC 5545): milestone due dates and coaching action items
//! as to-dos (VTODO), plan steps with a target date as all-day events (VEVENT). Every item has a
//! UID made from what it is — the profile, the milestone, the step's role — never from when it
//! was exported, so importing a newer export updates the items instead of adding copies.
//!
//! Written here rather than with a calendar crate: the one we tried (icalendar 0.17) folds
//! continuation lines to 76 octets, and the rules are few — CRLF line ends, lines folded at
//! 75 octets on a character boundary, TEXT values with `\`, `;` and `,` escaped.

use std::fmt::Write;

use super::formats::ExportInput;
use crate::date::Date;
use crate::profile::{Profile, Status, planned_steps};
use crate::text;

/// The most octets a line may hold, line break excluded.
const LINE_OCTETS: usize = 75;

/// A calendar being written, line by line.
#[derive(Default)]
struct Calendar {
    out: String,
}

impl Calendar {
    /// Adds one content line, folded: a line longer than 75 octets continues on lines that
    /// start with a space, cut between characters, never inside one.
    fn line(&mut self, content: &str) {
        let mut rest = content;
        let mut room = LINE_OCTETS;
        while rest.len() > room {
            let mut cut = room;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.out.push_str(&rest[..cut]);
            self.out.push_str("\r\n ");
            rest = &rest[cut..];
            // The leading space counts.
            room = LINE_OCTETS - 1;
        }
        self.out.push_str(rest);
        self.out.push_str("\r\n");
    }

    /// A TEXT property: one line, with `\`, `;` and `,` escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.escaped(name, &text::one_line(value));
    }

    /// A TEXT property whose line breaks are kept, written as `\n` as RFC 5545 says: a
    /// description (a multi-line evidence note) reads in a calendar as it was written.
    fn text_lines(&mut self, name: &str, value: &str) {
        let lines: Vec<String> = value.lines().map(text::one_line).collect();
        self.escaped(name, &lines.join("\n"));
    }

    fn escaped(&mut self, name: &str, value: &str) {
        let mut line = format!("{name}:");
        for c in value.chars() {
            match c {
                '\\' => line.push_str("\\\\"),
                ';' => line.push_str("\\;"),
                ',' => line.push_str("\\,"),
                '\n' => line.push_str("\\n"),
                _ => line.push(c),
            }
        }
        self.line(&line);
    }

    /// A DATE property: `DUE;VALUE=DATE:20261215`.
    fn date(&mut self, name: &str, date: Date) {
        let mut line = format!("{name};VALUE=DATE:");
        let _ = write!(
            line,
            "{:04}{:02}{:02}",
            date.year(),
            date.month(),
            date.day()
        );
        self.line(&line);
    }

    /// Opens a component with what every one carries: UID, DTSTAMP, SUMMARY.
    fn begin(&mut self, kind: &str, uid: &str, stamp: &str, summary: &str) {
        self.line(&format!("BEGIN:{kind}"));
        self.text("UID", uid);
        self.line(&format!("DTSTAMP:{stamp}"));
        self.text("SUMMARY", summary);
    }
}

/// A stable UID: `<profile>.<what>.<key>@rungs`.
fn uid(profile: &Profile, what: &str, key: &str) -> String {
    format!("{}.{what}.{}@rungs", profile.id, text::one_line(key))
}

fn status(status: Status) -> &'static str {
    match status {
        Status::Todo => "NEEDS-ACTION",
        Status::Doing => "IN-PROCESS",
        Status::Done => "COMPLETED",
    }
}

pub fn render(input: &ExportInput) -> String {
    let (profile, ladder) = (input.profile, input.ladder);
    let stamp = input.stamp.as_str();
    let mut cal = Calendar::default();
    cal.line("BEGIN:VCALENDAR");
    cal.line("VERSION:2.0");
    cal.line(&format!(
        "PRODID:-//rungs//rungs {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    cal.line("CALSCALE:GREGORIAN");
    cal.line("METHOD:PUBLISH");
    cal.text("X-WR-CALNAME", &format!("Career plan — {}", profile.name));

    for (id, progress) in &profile.milestones {
        let Some(due) = progress.due else { continue };
        let (title, mut description) = match ladder.milestone(id) {
            Some((level, m)) => (
                m.title.clone(),
                format!(
                    "{} milestone ({}, {}).",
                    text::one_line(&ladder.levels()[level].name),
                    m.stage.label(),
                    m.kind.label()
                ),
            ),
            None => (
                id.clone(),
                "A milestone this ladder no longer has.".to_string(),
            ),
        };
        if !progress.note.is_empty() {
            description.push_str(&format!(" Evidence: {}", progress.note));
        }
        cal.begin("VTODO", &uid(profile, "milestone", id), stamp, &title);
        cal.date("DUE", due);
        cal.line(&format!("STATUS:{}", status(progress.status)));
        if progress.status == Status::Done {
            cal.line("PERCENT-COMPLETE:100");
        }
        cal.text_lines("DESCRIPTION", &description);
        cal.line("END:VTODO");
    }

    for action in &profile.actions {
        let number = action.id;
        cal.begin(
            "VTODO",
            &uid(profile, "action", &number.to_string()),
            stamp,
            &action.text,
        );
        if let Some(due) = action.due {
            cal.date("DUE", due);
        }
        cal.line(&format!("STATUS:{}", status(action.status)));
        let agreed = action
            .session
            .as_ref()
            .and_then(|id| profile.sessions.iter().find(|s| &s.id == id));
        let mut description = match agreed {
            Some(session) => format!("Action item {number}, from the 1:1 on {}.", session.date),
            None => format!("Action item {number}, added on {}.", action.added),
        };
        description.push_str(&format!(
            " Owner: {}.",
            action.owner.describe(&profile.name)
        ));
        cal.text_lines("DESCRIPTION", &description);
        cal.line("END:VTODO");
    }

    // Each step the ladder can judge, numbered and matched to its move by the one rule
    // (`planned_steps`); a role planned twice gets a second UID.
    let mut seen: Vec<&str> = Vec::new();
    for (i, planned) in planned_steps(profile, ladder).into_iter().enumerate() {
        let (step, number) = (planned.step, i + 1);
        let (Some(role), Some(kind)) = (planned.role, planned.kind) else {
            continue;
        };
        let times = seen.iter().filter(|r| **r == step.role).count();
        seen.push(&step.role);
        let Some(date) = step.target_date else {
            continue;
        };
        let key = if times == 0 {
            step.role.clone()
        } else {
            format!("{}.{}", step.role, times + 1)
        };
        let title = text::one_line(&ladder.role(role).title);
        let summary = format!("Move {}: {title}", text::step_number(number));
        cal.begin("VEVENT", &uid(profile, "step", &key), stamp, &summary);
        cal.date("DTSTART", date);
        cal.date("DTEND", date.plus_days(1).unwrap_or(date));
        cal.line("TRANSP:TRANSPARENT");
        let mut description = format!(
            "Step {number} of the career plan: {kind} move to {title} ({}, {}).",
            text::one_line(ladder.corner_name_of(role)),
            text::one_line(&ladder.levels()[ladder.role_level(role)].name)
        );
        if !step.note.is_empty() {
            description.push_str(&format!(" Note: {}", step.note));
        }
        cal.text_lines("DESCRIPTION", &description);
        cal.line("END:VEVENT");
    }
    cal.line("END:VCALENDAR");
    cal.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut cal = Calendar::default();
        let summary = "é".repeat(60);
        cal.text("SUMMARY", &summary);
        let lines: Vec<&str> = cal.out.split_terminator("\r\n").collect();
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.len() <= LINE_OCTETS), "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, format!("SUMMARY:{summary}"));
    }

    #[test]
    fn text_escapes_backslash_semicolon_and_comma_and_joins_lines() {
        let mut cal = Calendar::default();
        cal.text("SUMMARY", "a\\b;c,d\nnext");
        assert_eq!(cal.out, "SUMMARY:a\\\\b\\;c\\,d next\r\n");
    }

    #[test]
    fn a_description_keeps_its_line_breaks_as_escaped_newlines() {
        let mut cal = Calendar::default();
        cal.text_lines(
            "DESCRIPTION",
            "Ran the review;\nwrote it up\r\nand \\ shared it",
        );
        assert_eq!(
            cal.out,
            "DESCRIPTION:Ran the review\\;\\nwrote it up\\nand \\\\ shared it\r\n"
        );
    }
}
