//! The minutes of one 1:1, as `rungs session show` prints them (and the planner's session
//! export will): the date, the agenda with what was discussed, the shared notes, the actions
//! agreed, the actions completed since the previous 1:1, the ratings given that day — and the
//! private notes only when asked for.
//!
//! Marks never mean two things: on the agenda `✓` is "discussed" and `–` "not reached"; an
//! action item is `[x]` done or `[ ] ` open. An agenda item carried over from an action item
//! that is done by now says so, and is never shown as open.

use std::fmt::Write;

use serde_json::{Value, json};

use super::coaching::{action_json, agenda_item_json};
use super::formats::{PrivateNotes, cell};
use crate::date::Date;
use crate::ladder::Ladder;
use crate::profile::{Action, Profile, Rating, Session};
use crate::profile::{agenda, recall};
use crate::text;

/// What the minutes of one session hold, worked out once for both formats.
pub struct Minutes<'a> {
    profile: &'a Profile,
    ladder: &'a Ladder,
    pub session: &'a Session,
    /// The session before this one, if any.
    pub previous: Option<&'a Session>,
    /// Agreed in this session.
    pub agreed: Vec<&'a Action>,
    /// Marked done after the previous session was saved (and before the next one).
    pub completed: Vec<&'a Action>,
    /// Given on the session's day.
    pub ratings: Vec<&'a Rating>,
    /// The next 1:1's day, when one is set after this (the latest) session.
    pub next: Option<Date>,
    today: Date,
}

/// The sessions in the order they happened: by date, then by when they were saved.
fn in_order(p: &Profile) -> Vec<&Session> {
    let mut sessions: Vec<&Session> = p.sessions.iter().collect();
    sessions.sort_by_key(|s| (s.date, s.seq));
    sessions
}

impl<'a> Minutes<'a> {
    /// The minutes of the session with id `id`, or of the latest one; `None` when there is no
    /// such session.
    pub fn of(
        profile: &'a Profile,
        ladder: &'a Ladder,
        id: Option<&str>,
        today: Date,
    ) -> Option<Minutes<'a>> {
        let sessions = in_order(profile);
        let at = match id {
            Some(id) => sessions.iter().position(|s| s.id == id)?,
            None => sessions.len().checked_sub(1)?,
        };
        let session = sessions[at];
        let previous = at.checked_sub(1).map(|i| sessions[i]);
        let next = sessions.get(at + 1).copied();
        let completed = recall::completed_at(profile, &session.id);
        Some(Minutes {
            profile,
            ladder,
            session,
            previous,
            agreed: profile.actions_agreed_in(&session.id).collect(),
            completed,
            ratings: profile
                .ratings
                .iter()
                .filter(|r| r.date == session.date)
                .collect(),
            next: profile
                .next_session
                .filter(|day| next.is_none() && *day > session.date),
            today,
        })
    }

    /// The action item an agenda item was carried from, when it was.
    fn competency_name(&self, id: &str) -> String {
        self.ladder
            .competencies()
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    fn rating_words(&self, r: &Rating) -> String {
        let mut line = format!(
            "{}: {} (by {})",
            text::one_line(&self.competency_name(&r.competency)),
            r.level.words(),
            r.by.name()
        );
        if text::has_content(&r.note) {
            let _ = write!(line, " — {}", text::one_line(&r.note));
        }
        line
    }

    /// The minutes in Markdown, to paste or to keep.
    pub fn markdown(&self, private: PrivateNotes) -> String {
        let (p, s) = (self.profile, self.session);
        let mut out = format!("# 1:1 with {} — {}\n\n", cell(&p.name), s.date);
        let _ = writeln!(out, "Session {}.", cell(&s.id));
        if let Some(previous) = self.previous {
            let _ = writeln!(out, "Previous 1:1: {}.", previous.date);
        }
        let _ = writeln!(
            out,
            "\n## Agenda\n\n✓ discussed · – not reached · an action item is [x] done or [ ] open"
        );
        if s.agenda.is_empty() {
            let _ = writeln!(out, "\n*The agenda was empty.*");
        }
        for (heading, item) in agenda::headed(&s.agenda, &p.name) {
            if let Some(heading) = heading {
                let _ = writeln!(out, "\n### {}\n", cell(&heading));
            }
            let _ = writeln!(out, "- {} {}", item.mark(), cell(&item.words(&p.actions)));
        }
        let _ = writeln!(out, "\n## Shared notes\n");
        quote(&mut out, &s.notes, "No shared notes were written.");
        if private == PrivateNotes::Included {
            let _ = writeln!(
                out,
                "\n## Private notes\n\n*Asked for with --include-private; take them out before you share this.*\n"
            );
            let notes = p.private_notes.get(&s.id).map_or("", String::as_str);
            quote(&mut out, notes, "None were written.");
        }
        self.action_list(&mut out, "Actions agreed", &self.agreed, "None agreed.");
        let since = match self.previous {
            Some(previous) => format!("Actions completed since the 1:1 of {}", previous.date),
            None => "Actions completed".to_string(),
        };
        self.action_list(&mut out, &since, &self.completed, "None completed.");
        let _ = writeln!(out, "\n## Ratings given on {}\n", s.date);
        if self.ratings.is_empty() {
            let _ = writeln!(out, "*None given that day.*");
        }
        for r in &self.ratings {
            let _ = writeln!(out, "- {}", cell(&self.rating_words(r)));
        }
        if let Some(day) = self.next {
            let _ = writeln!(out, "\n**Next 1:1:** {day}");
        }
        out
    }

    fn action_list(&self, out: &mut String, title: &str, actions: &[&Action], none: &str) {
        let _ = writeln!(out, "\n## {title}\n");
        if actions.is_empty() {
            let _ = writeln!(out, "*{none}*");
        }
        for a in actions {
            let mark = if a.is_open() { "[ ]" } else { "[x]" };
            let words = a.words(&self.profile.name, self.today);
            let _ = writeln!(out, "- {mark} {}. {}", a.id, cell(&words));
        }
    }

    /// The minutes for scripts; `private_notes` only when asked for.
    pub fn json(&self, private: PrivateNotes) -> Value {
        let (p, s) = (self.profile, self.session);
        let agenda: Vec<Value> = s
            .agenda
            .iter()
            .map(|item| {
                let mut value = agenda_item_json(item, &p.name);
                value["discussed"] = json!(item.ticked);
                value["action_status"] = json!(item.action(&p.actions).map(|a| a.status.name()));
                value
            })
            .collect();
        let actions = |list: &[&Action]| -> Vec<Value> {
            list.iter().map(|a| action_json(a, &p.name)).collect()
        };
        let mut value = json!({
            "profile": p.id,
            "name": p.name,
            "id": s.id,
            "date": s.date.to_string(),
            "previous": self.previous.map(|s| s.date.to_string()),
            "next_session": self.next.map(|d| d.to_string()),
            "agenda": agenda,
            "notes": s.notes,
            "actions_agreed": actions(&self.agreed),
            "actions_completed": actions(&self.completed),
            "ratings": self.ratings.iter().map(|r| json!({
                "competency": r.competency,
                "name": self.competency_name(&r.competency),
                "by": r.by.name(),
                "level": r.level.words().replace(' ', "-"),
                "date": r.date.to_string(),
                "note": r.note,
            })).collect::<Vec<_>>(),
        });
        if private == PrivateNotes::Included {
            value["private_notes"] = json!(p.private_notes.get(&s.id).cloned().unwrap_or_default());
        }
        value
    }
}

/// `notes` as a Markdown quote, or `none` in italics.
fn quote(out: &mut String, notes: &str, none: &str) {
    let lines: Vec<&str> = notes.lines().filter(|l| text::has_content(l)).collect();
    if lines.is_empty() {
        let _ = writeln!(out, "*{none}*");
    }
    for line in lines {
        let _ = writeln!(out, "> {}", cell(line));
    }
}
