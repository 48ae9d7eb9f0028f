//! The coaching side of the exports: the last 1:1 and the open action items in the Markdown
//! summary; sessions, action items, the agenda and ratings as scripts see them. The coaching
//! commands print the same words and the same JSON, from here.

use std::fmt::Write;

use serde_json::{Value, json};

use super::formats::{ExportInput, PrivateNotes, cell};
use crate::date::Date;
use crate::ladder::Ladder;
use crate::profile::agenda::{self, Agenda};
use crate::profile::competence::{self, Standing};
use crate::profile::{
    Action, AgendaItem, Evidence, Moved, Owner, Profile, Rating, RatingLevel, Topic,
};
use crate::text;

/// The summary's coaching part: the last 1:1's shared notes (its private ones too when asked
/// for), then every open action item as a task to tick. Nothing when there has been no 1:1 and
/// nothing is open.
pub(super) fn one_on_one(out: &mut String, input: &ExportInput) {
    let profile = input.profile;
    let open: Vec<&Action> = profile.actions.iter().filter(|a| a.is_open()).collect();
    let last = profile.last_session();
    if last.is_none() && open.is_empty() {
        return;
    }
    if let Some(session) = last {
        let _ = writeln!(out, "\n## Last 1:1 — {}\n", session.date);
        quoted(out, &session.notes, "No shared notes were written.");
        if input.private == PrivateNotes::Included {
            let _ = writeln!(
                out,
                "\n**Private notes** — asked for with this export; take them out before you share it.\n"
            );
            let private = profile.private_notes.get(&session.id);
            quoted(
                out,
                private.map_or("", String::as_str),
                "None were written.",
            );
        }
    }
    let _ = writeln!(out, "\n## Open action items\n");
    if open.is_empty() {
        let _ = writeln!(out, "None open.");
    }
    for action in open {
        let _ = writeln!(
            out,
            "- [ ] {}. {}",
            action.id,
            cell(&action.words(&profile.name, input.today))
        );
    }
}

/// What an evidence entry is tied to, by its title ("Emotional intelligence") rather than its
/// id; an id the ladder no longer has is shown as it is.
pub fn evidence_tag(e: &Evidence, ladder: &Ladder) -> Option<String> {
    if let Some(id) = &e.milestone {
        return Some(
            ladder
                .milestone(id)
                .map_or_else(|| id.clone(), |(_, m)| m.title.clone()),
        );
    }
    let id = e.competency.as_ref()?;
    Some(
        ladder
            .competencies()
            .iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.clone(), |c| c.name.clone()),
    )
}

/// One evidence entry as a line of text: date, text, and what it is tied to, by title.
pub fn evidence_line(e: &Evidence, ladder: &Ladder) -> String {
    let tag = evidence_tag(e, ladder)
        .map(|t| format!("  [{}]", text::one_line(&t)))
        .unwrap_or_default();
    format!("{}  {}{tag}", e.date, text::one_line(&e.text))
}

/// One evidence entry for scripts (`rungs evidence list --json`): its id (the one `evidence
/// edit` and `evidence remove` take), date, text, the ids it is tied to and their title.
pub fn evidence_json(e: &Evidence, ladder: &Ladder) -> Value {
    json!({
        "id": e.id,
        "date": e.date.to_string(),
        "text": e.text,
        "milestone": e.milestone,
        "competency": e.competency,
        "about": evidence_tag(e, ladder),
    })
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

/// A rating level as scripts see it: `working-towards`.
fn level_id(level: RatingLevel) -> String {
    level.words().replace(' ', "-")
}

/// An agenda item's kind and what it is about, for JSON.
fn topic_json(topic: &Topic) -> (String, Option<String>) {
    match topic {
        Topic::Point(by) => (format!("topic-{}", by.name()), None),
        Topic::Action => ("action".to_string(), None),
        Topic::Milestone(id) => ("milestone".to_string(), Some(id.clone())),
        Topic::NextStep(role) => ("next-step".to_string(), Some(role.clone())),
        Topic::Gap(id) => ("gap".to_string(), Some(id.clone())),
        Topic::Differ(id) => ("ratings-differ".to_string(), Some(id.clone())),
        Topic::Since(moved) => {
            let what = match moved {
                Moved::Milestone => "milestone",
                Moved::Evidence => "evidence",
                Moved::Rating => "rating",
                Moved::Plan => "plan",
                Moved::Action => "action",
                Moved::Topic => "topic",
            };
            (format!("since-{what}"), None)
        }
    }
}

/// One agenda item: its kind, the id of the topic or action item it comes from (null for the
/// rest), what it is about, its heading, text and tick.
pub fn agenda_item_json(item: &AgendaItem, person: &str) -> Value {
    let (kind, about) = topic_json(&item.topic);
    json!({
        "kind": kind,
        "id": item.of,
        "about": about,
        "heading": agenda::heading(&item.topic, person),
        "text": item.text,
        "ticked": item.ticked,
    })
}

/// One action item with its id, the one `rungs action done` takes (`number`, its older name,
/// is the same id, kept for scripts that read it).
pub fn action_json(action: &Action, person: &str) -> Value {
    let owner_kind = match action.owner {
        Owner::Own => "self",
        Owner::Manager => "manager",
        Owner::Named(_) => "named",
    };
    json!({
        "id": action.id,
        "number": action.id,
        "text": action.text,
        "owner": action.owner.describe(person),
        "owner_kind": owner_kind,
        "due": action.due.map(|d| d.to_string()),
        "status": action.status.name(),
        "added": action.added.to_string(),
        "session": action.session,
    })
}

fn rating_json(rating: &Option<Rating>) -> Value {
    rating.as_ref().map_or(Value::Null, |r| {
        json!({
            "level": level_id(r.level),
            "date": r.date.to_string(),
            "note": r.note,
        })
    })
}

/// Where the person stands in one competency, as `rungs ratings --json` prints it.
pub fn standing_json(s: &Standing) -> Value {
    json!({
        "id": s.id,
        "name": s.name,
        "self": rating_json(&s.own),
        "manager": rating_json(&s.manager),
        "expects": {
            "current": s.expects.current,
            "next": s.expects.next,
            "target": s.expects.target,
        },
        "gap": s.gap.as_ref().map(|g| g.steps()),
        "ratings_differ": s.differ,
        "history": s.history.iter().map(|r| json!({
            "by": r.by.name(),
            "level": level_id(r.level),
            "date": r.date.to_string(),
            "note": r.note,
        })).collect::<Vec<_>>(),
    })
}

/// The sessions, newest first, as `rungs session list --json` prints them: each with its
/// agenda and the action items it agreed, and its private notes only when `private` says so.
pub fn sessions_json(p: &Profile, private: PrivateNotes) -> Vec<Value> {
    p.sessions
        .iter()
        .rev()
        .map(|s| {
            let mut value = json!({
                "id": s.id,
                "date": s.date.to_string(),
                "notes": s.notes,
                "agenda": s.agenda.iter().map(|i| agenda_item_json(i, &p.name)).collect::<Vec<_>>(),
                "actions": p.actions_agreed_in(&s.id)
                    .map(|a| action_json(a, &p.name))
                    .collect::<Vec<_>>(),
            });
            if private == PrivateNotes::Included {
                value["private_notes"] =
                    json!(p.private_notes.get(&s.id).cloned().unwrap_or_default());
            }
            value
        })
        .collect()
}

/// The agenda of a 1:1 on `day`, as `rungs agenda --json` prints it: `profile`'s next
/// agenda. A talking point carries its `id`, the one `rungs agenda done` takes, an action item
/// its own (the one `rungs action done` takes); `number`, kept for scripts that read it, is
/// a talking point's id too (null on other items).
pub fn agenda_json(agenda: &Agenda, profile: &Profile, day: Date) -> Value {
    let items = agenda.items.iter().map(|i| {
        let mut item = agenda_item_json(i, &profile.name);
        item["number"] = json!(i.point_id());
        item
    });
    json!({
        "date": day.to_string(),
        "since": agenda.since.map(|d| d.to_string()),
        "items": items.collect::<Vec<_>>(),
    })
}

/// The coaching part of the JSON export: the sessions, every action item, the agenda the
/// next 1:1 would get and the competency ratings, each in the shape its own command prints.
pub(super) fn coaching_json(input: &ExportInput) -> Value {
    let (p, ladder, today) = (input.profile, input.ladder, input.today);
    json!({
        "sessions": sessions_json(p, input.private),
        "actions": p.actions.iter().map(|a| action_json(a, &p.name)).collect::<Vec<_>>(),
        "agenda": agenda_json(&agenda::build(p, ladder, today), p, today),
        "ratings": competence::standings(p, ladder).iter().map(standing_json).collect::<Vec<_>>(),
    })
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
            seq: 0,
            id: id.to_string(),
            date: day(&id[..10]),
            notes: notes.to_string(),
            agenda: Vec::new(),
        }
    }

    fn action(text: &str, status: Status, session: Option<&str>) -> Action {
        Action {
            id: 0,
            seq: 0,
            changed: 0,
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
        // Numbered by their ids, not their places.
        p.actions[1].id = 7;
        let clock = Clock::Pinned(day("2026-11-25"));
        let mut out = String::new();
        one_on_one(&mut out, &ExportInput::new(&p, &ladder, &clock));
        assert_eq!(
            out,
            "\n## Last 1:1 — 2026-11-10\n\n> the newer one\n> second line\n\n## Open action items\n\n\
             - [ ] 7. book the course — Priya · due 2026-11-20 (overdue) · from the 1:1 of 2026-11-10\n"
        );
    }

    #[test]
    fn the_private_notes_of_the_last_session_show_only_when_asked_for() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "dev".into());
        p.sessions.push(session("2026-10-01", "older"));
        p.sessions.push(session("2026-11-10", "newer"));
        p.private_notes
            .insert("2026-10-01".into(), "OLD-PRIVATE".into());
        p.private_notes
            .insert("2026-11-10".into(), "NEW-PRIVATE".into());
        let clock = Clock::Pinned(day("2026-11-25"));
        let input = ExportInput::new(&p, &ladder, &clock);
        let summary = |input: &ExportInput| {
            let mut out = String::new();
            one_on_one(&mut out, input);
            out
        };
        assert!(!summary(&input).contains("PRIVATE"));
        let asked = summary(&input.clone().with_private_notes(PrivateNotes::Included));
        assert!(asked.contains("> NEW-PRIVATE"), "{asked}");
        assert!(
            !asked.contains("OLD-PRIVATE"),
            "the last session's only: {asked}"
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
