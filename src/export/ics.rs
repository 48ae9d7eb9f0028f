//! The plan for a calendar (iCalendar, RFC 5545): milestone due dates and coaching action items
//! as to-dos (VTODO), plan steps with a target date as all-day events (VEVENT). Every item has a
//! UID made from what it is — the profile, the milestone, the step's role — never from when it
//! was exported, so importing a newer export updates the items instead of adding copies.
//! The `icalendar` crate writes the lines: CRLF endings, folding at 75 octets, TEXT escaping.

use icalendar::{Calendar, Component, Event, Property, Todo};

use super::formats::{ExportInput, PlanMarks};
use crate::date::Date;
use crate::profile::{Profile, Status};
use crate::text;

/// `date` as an iCalendar DATE: `20261215`.
fn ics_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

fn date_property(key: &str, date: Date) -> Property {
    Property::new(key, ics_date(date))
        .add_parameter("VALUE", "DATE")
        .done()
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

/// The properties every item starts with.
fn stamped<C: Component>(item: &mut C, uid: String, stamp: &str, summary: &str) {
    item.add_property("UID", uid);
    item.add_property("DTSTAMP", stamp);
    item.add_property("SUMMARY", text::one_line(summary));
}

pub fn render(input: &ExportInput) -> String {
    let (profile, ladder) = (input.profile, input.ladder);
    let mut calendar = Calendar::empty();
    calendar.append_property(Property::new("VERSION", "2.0"));
    calendar.append_property(Property::new(
        "PRODID",
        format!("-//rungs//rungs {}//EN", env!("CARGO_PKG_VERSION")),
    ));
    calendar.append_property(Property::new("CALSCALE", "GREGORIAN"));
    calendar.append_property(Property::new("METHOD", "PUBLISH"));
    calendar.append_property(Property::new(
        "X-WR-CALNAME",
        format!("Career plan — {}", text::one_line(&profile.name)),
    ));

    for (id, progress) in &profile.milestones {
        let Some(due) = progress.due else { continue };
        let mut todo = Todo::new();
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
            description.push_str(&format!(" Evidence: {}", text::one_line(&progress.note)));
        }
        stamped(
            &mut todo,
            uid(profile, "milestone", id),
            &input.stamp,
            &title,
        );
        todo.append_property(date_property("DUE", due));
        todo.add_property("STATUS", status(progress.status));
        if progress.status == Status::Done {
            todo.add_property("PERCENT-COMPLETE", "100");
        }
        todo.add_property("DESCRIPTION", description);
        calendar.push(todo.done());
    }

    for session in &profile.sessions {
        for (n, action) in session.actions.iter().enumerate() {
            let mut todo = Todo::new();
            let key = format!("{}.{}", session.date, n + 1);
            stamped(
                &mut todo,
                uid(profile, "action", &key),
                &input.stamp,
                &action.text,
            );
            if let Some(due) = action.due {
                todo.append_property(date_property("DUE", due));
            }
            todo.add_property("STATUS", status(action.status));
            let mut description = format!("Action item from the 1:1 on {}.", session.date);
            if !action.owner.is_empty() {
                description.push_str(&format!(" Owner: {}.", text::one_line(&action.owner)));
            }
            todo.add_property("DESCRIPTION", description);
            calendar.push(todo.done());
        }
    }

    // Each known step with its number and move kind; a role planned twice gets a second UID.
    let marks = PlanMarks::of(profile, ladder);
    let known = profile
        .plan
        .iter()
        .filter(|s| ladder.role_index(&s.role).is_some());
    let mut seen: Vec<&str> = Vec::new();
    for (step, &(role, number, kind)) in known.zip(&marks.steps) {
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
        let mut event = Event::new();
        stamped(
            &mut event,
            uid(profile, "step", &key),
            &input.stamp,
            &format!("Move {}: {title}", text::step_number(number)),
        );
        event.append_property(date_property("DTSTART", date));
        event.append_property(date_property("DTEND", date.plus_days(1).unwrap_or(date)));
        event.add_property("TRANSP", "TRANSPARENT");
        let mut description = format!(
            "Step {number} of the career plan: {} {} move to {title} ({}, {}).",
            kind.arrow(),
            kind.name(),
            text::one_line(ladder.corner_name_of(role)),
            text::one_line(&ladder.levels()[ladder.role_level(role)].name)
        );
        if !step.note.is_empty() {
            description.push_str(&format!(" Note: {}", text::one_line(&step.note)));
        }
        event.add_property("DESCRIPTION", description);
        calendar.push(event.done());
    }
    calendar.to_string()
}
