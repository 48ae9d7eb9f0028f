//! The coaching side of a profile as saved: 1:1 sessions with the agenda they started with,
//! action items, talking points either person raises ahead of a 1:1, and the dated log of plan
//! changes that the "since last 1:1" digest reads. Private notes are not here: they live in
//! `<id>.private.ron` (see the store).
//!
//! Field order is the order on disk, as in [`super::model`].

use serde::{Deserialize, Serialize};

use super::kinds::{Rater, Status};
use crate::date::Date;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Stable within the profile: the date, then `-2`, `-3`… for further sessions that day.
    /// Private notes are kept under it.
    pub id: String,
    /// Where in the profile's sequence the session was saved (0: not yet written): the
    /// "since the last 1:1" digest lists what came after it.
    #[serde(default)]
    pub seq: u64,
    pub date: Date,
    /// Notes both people see.
    #[serde(default)]
    pub notes: String,
    /// The agenda built when the session started, each item ticked once discussed.
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
}

impl Session {
    /// How many agenda items were ticked as discussed.
    pub fn discussed(&self) -> usize {
        self.agenda.iter().filter(|i| i.ticked).count()
    }
}

/// Who owns an action item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Owner {
    /// The person the profile belongs to.
    Own,
    /// Their manager.
    Manager,
    /// Someone else, by name.
    Named(String),
}

impl Owner {
    /// The owner a person typed: `self` (or the person's own name), `manager`, or another name;
    /// empty means the person.
    pub fn parse(typed: &str, person: &str) -> Owner {
        let typed = typed.trim();
        let lower = typed.to_lowercase();
        let first_name = person.split_whitespace().next().unwrap_or_default();
        if typed.is_empty()
            || lower == "self"
            || lower == person.trim().to_lowercase()
            || lower == first_name.to_lowercase()
        {
            Owner::Own
        } else if lower == "manager" {
            Owner::Manager
        } else {
            Owner::Named(typed.to_string())
        }
    }

    /// The owner in words, with the person's name for [`Owner::Own`].
    pub fn describe(&self, person: &str) -> String {
        match self {
            Owner::Own => person
                .split_whitespace()
                .next()
                .unwrap_or("them")
                .to_string(),
            Owner::Manager => "manager".to_string(),
            Owner::Named(name) => name.clone(),
        }
    }

    /// How a manager types the owner back: the person's first name, `manager`, or the name
    /// given (`self` is still read as the person, see [`Owner::parse`]).
    pub fn typed_for(&self, person: &str) -> String {
        match self {
            Owner::Own => self.describe(person),
            _ => self.typed(),
        }
    }

    /// How a form or the command line would write the owner back.
    pub fn typed(&self) -> String {
        match self {
            Owner::Own => "self".to_string(),
            Owner::Manager => "manager".to_string(),
            Owner::Named(name) => name.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Given once when the item is first saved (`rungs action done ID`); 0 until then.
    #[serde(default)]
    pub id: u64,
    /// Where in the profile's sequence it was added (0: not yet written).
    #[serde(default)]
    pub seq: u64,
    /// Where in the sequence its status last changed; 0 when it never did.
    #[serde(default)]
    pub changed: u64,
    pub text: String,
    pub owner: Owner,
    #[serde(default)]
    pub due: Option<Date>,
    pub status: Status,
    /// When it was agreed (or added between sessions).
    pub added: Date,
    /// The session that agreed it, if any.
    #[serde(default)]
    pub session: Option<String>,
}

impl Action {
    /// An item to do, agreed on `added` (in `session`, if any); numbered when it is saved.
    pub fn new(
        text: String,
        owner: Owner,
        due: Option<Date>,
        added: Date,
        session: Option<String>,
    ) -> Action {
        Action {
            id: 0,
            seq: 0,
            changed: 0,
            text,
            owner,
            due,
            status: Status::Todo,
            added,
            session,
        }
    }

    pub fn is_open(&self) -> bool {
        self.status != Status::Done
    }

    /// The item in words, the same on every screen, command and export: what, who, by when
    /// (and whether that has passed), and where it came from — "Book the course — Priya · due
    /// 2026-12-15 (overdue) · from the 1:1 of 2026-11-10". `person` is whose profile it is.
    pub fn words(&self, person: &str, today: Date) -> String {
        let mut line = format!(
            "{} — {}",
            crate::text::one_line(&self.text),
            crate::text::one_line(&self.owner.describe(person))
        );
        if let Some(due) = self.due {
            let late = if self.is_open() && due < today {
                " (overdue)"
            } else {
                ""
            };
            line.push_str(&format!(" · due {due}{late}"));
        }
        match &self.session {
            Some(session) => line.push_str(&format!(
                " · from the 1:1 of {}",
                crate::text::one_line(session)
            )),
            None => line.push_str(&format!(" · added {}", self.added)),
        }
        line
    }
}

/// A topic one of the two people wants to raise at the next 1:1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TalkingPoint {
    /// Given once when the topic is first saved (`rungs agenda done ID`); 0 until then.
    #[serde(default)]
    pub id: u64,
    /// Where in the profile's sequence it was raised (0: not yet written).
    #[serde(default)]
    pub seq: u64,
    pub text: String,
    pub by: Rater,
    pub added: Date,
    /// The session that discussed it; until then it is open and goes on the next agenda.
    /// Empty when it was closed between sessions (`rungs agenda done N`).
    #[serde(default)]
    pub closed_in: Option<String>,
}

impl TalkingPoint {
    /// A topic raised by `by` on `added`, open until a 1:1 discusses it; numbered when saved.
    pub fn new(text: String, by: Rater, added: Date) -> TalkingPoint {
        TalkingPoint {
            id: 0,
            seq: 0,
            text,
            by,
            added,
            closed_in: None,
        }
    }

    /// Still to be discussed: it goes on the next agenda.
    pub fn is_open(&self) -> bool {
        self.closed_in.is_none()
    }
}

/// What an agenda item is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Topic {
    /// A talking point, raised by the person or the manager.
    Point(Rater),
    /// An open action item carried over.
    Action,
    /// A milestone (id) due soon or overdue.
    Milestone(String),
    /// The next step of the plan (role id).
    NextStep(String),
    /// A competency (id) with a wide gap to the next level's expectation.
    Gap(String),
    /// A competency (id) the person and the manager rate two steps or more apart.
    Differ(String),
    /// Something that changed since the last 1:1.
    Since(Moved),
}

/// The kinds of change the "since last 1:1" digest lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Moved {
    Milestone,
    Evidence,
    Rating,
    Plan,
    /// An action item added between sessions, or done.
    Action,
    /// A topic raised and closed between sessions.
    Topic,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub topic: Topic,
    /// The id of the talking point or action item the item comes from, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<u64>,
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub ticked: bool,
}

impl AgendaItem {
    /// The action item it carries over, among `actions` (a profile's), if it is one.
    pub fn action<'a>(&self, actions: &'a [Action]) -> Option<&'a Action> {
        if self.topic != Topic::Action {
            return None;
        }
        let id = self.of?;
        actions.iter().find(|a| a.id == id)
    }

    /// How the item reads after its mark (`✓` discussed, `–` not reached, as the minutes' legend
    /// says): its text, then for a carried-over action item whether it is done by now — so an
    /// action marked done never reads as open on the agenda.
    pub fn words(&self, actions: &[Action]) -> String {
        let state = match self.action(actions) {
            Some(a) if !a.is_open() => format!(" — action {} [x] done", a.id),
            Some(a) => format!(" — action {} [ ] open", a.id),
            None => String::new(),
        };
        format!("{}{state}", self.text)
    }

    /// `✓` discussed, `–` not (yet) reached.
    pub fn mark(&self) -> &'static str {
        if self.ticked { "✓" } else { "–" }
    }

    /// The id of the talking point the item comes from (`rungs agenda done ID`), if it does.
    pub fn point_id(&self) -> Option<u64> {
        matches!(self.topic, Topic::Point(_))
            .then_some(self.of)
            .flatten()
    }
}

fn is_false(value: &bool) -> bool {
    !value
}

/// One dated change to the plan, the target or the current role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanChange {
    /// Where in the profile's sequence it happened (0: not yet written).
    #[serde(default)]
    pub seq: u64,
    pub date: Date,
    pub change: PlanEvent,
}

/// What happened to the plan; roles by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanEvent {
    Added(String),
    Removed(String),
    Moved(String),
    /// A step's target date or note changed.
    Edited(String),
    /// The whole plan replaced (an auto-plan), with the roles it now holds.
    Replanned(Vec<String>),
    Cleared,
    Target(Option<String>),
    /// A new current role.
    Current(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_item_reads_what_who_when_and_where_it_came_from() {
        let day = |s: &str| s.parse::<Date>().unwrap();
        let mut a = Action {
            id: 3,
            seq: 1,
            changed: 0,
            text: "Book the\ncourse".into(),
            owner: Owner::Own,
            due: Some(day("2026-12-15")),
            status: Status::Todo,
            added: day("2026-11-10"),
            session: Some("2026-11-10".into()),
        };
        assert_eq!(
            a.words("Priya Sharma", day("2026-12-16")),
            "Book the course — Priya · due 2026-12-15 (overdue) · from the 1:1 of 2026-11-10"
        );
        a.status = Status::Done;
        a.session = None;
        a.owner = Owner::Manager;
        assert_eq!(
            a.words("Priya Sharma", day("2026-12-16")),
            "Book the course — manager · due 2026-12-15 · added 2026-11-10",
            "a done item is never overdue"
        );
    }
}
