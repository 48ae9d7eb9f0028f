//! A change to a profile, made of small edits that can be applied to a copy of the file re-read
//! under the lock, so that two writers never silently drop each other's work:
//!
//! - edits to lists (the plan, the history, mentors, mentees, evidence, ratings, sessions, action
//!   items, talking points, the plan log, a session's agenda) touch one element each, found by
//!   its value, so an element another writer added or moved meanwhile is kept;
//! - edits to single values (current role, target, a milestone's progress, a whole re-planned
//!   plan, a session's shared or private notes) carry the value they replace and refuse to
//!   apply when the file holds another one: a change never overwrites an edit it did not see.
//!
//! Every edit has an exact inverse, so undo is a change like any other and is checked the same
//! way against whatever the file holds by then.
//!
//! Ids and sequence numbers (see [`NextIds`]) are given here, as each edit is applied to the
//! profile it changes — under the lock, that is the file as it is on disk — so two writers never
//! hand out one id, and the change [`Change::apply`] returns carries them: its undo removes
//! exactly the item it added, and an item put back keeps the id it had.

use crate::date::Date;

use super::coaching::{Action, AgendaItem, PlanChange, Session, TalkingPoint};
use super::model::{
    Evidence, HeldRole, MilestoneProgress, NextIds, Person, PlanStep, Profile, Rating, take,
};

/// One element of one of a profile's lists.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Step(PlanStep),
    History(HeldRole),
    Mentor(Person),
    Mentee(Person),
    Evidence(Evidence),
    Rating(Rating),
    /// A session; its notes and agenda change through their own edits.
    Session(Session),
    Action(Action),
    Point(TalkingPoint),
    PlanChange(PlanChange),
    /// An item of the agenda of the session with this id.
    Agenda {
        session: String,
        item: AgendaItem,
    },
}

/// One small edit; see the module documentation for how each one merges.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    CurrentRole {
        before: String,
        after: String,
    },
    Target {
        before: Option<String>,
        after: Option<String>,
    },
    /// The day of the next 1:1: applies only over the day it replaces.
    NextSession {
        before: Option<Date>,
        after: Option<Date>,
    },
    Milestone {
        id: String,
        before: Option<MilestoneProgress>,
        after: Option<MilestoneProgress>,
    },
    /// The whole plan at once (an auto-plan): applies only over the plan it replaced.
    Plan {
        before: Vec<PlanStep>,
        after: Vec<PlanStep>,
    },
    /// Adds an element at `index` (or at the end when the list is shorter by then).
    Insert {
        item: Item,
        index: usize,
    },
    /// Removes the element equal to `item` nearest `index`; nothing to do if it is gone already.
    Remove {
        item: Item,
        index: usize,
    },
    /// Swaps the element equal to `item` with its neighbour: earlier when `earlier`, else later.
    Shift {
        item: Item,
        index: usize,
        earlier: bool,
    },
    /// Replaces the element equal to `before` nearest `index`.
    Replace {
        before: Item,
        after: Item,
        index: usize,
    },
    /// The shared notes of a session: applies only over the notes it replaces.
    SessionNotes {
        session: String,
        before: String,
        after: String,
    },
    /// The private notes of a session (kept apart by the store): applies only over the notes
    /// it replaces.
    PrivateNotes {
        session: String,
        before: String,
        after: String,
    },
}

/// A change a rule refuses, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A change that could not be applied because the file holds something it did not expect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// What changed meanwhile, in words: "the target", "the plan", "milestone X".
    pub what: String,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} changed on disk meanwhile", self.what)
    }
}

/// A change: edits applied together or not at all, and what to call it once saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub edits: Vec<Edit>,
    /// The status line's words once it is saved ("plan saved").
    pub done: String,
}

impl Change {
    pub fn new(edits: Vec<Edit>, done: impl Into<String>) -> Change {
        Change {
            edits,
            done: done.into(),
        }
    }

    /// Applies every edit to `profile`, or none of them if one conflicts. Returns what it
    /// really did: the edits that changed something (removing what is already gone, say, does
    /// not), so undo never reverses an edit that did not happen.
    pub fn apply(&self, profile: &mut Profile) -> Result<Change, Conflict> {
        let mut copy = profile.clone();
        let mut done = Vec::new();
        for edit in &self.edits {
            let edit = edit.stamped(&mut copy.next_id);
            if edit.apply(&mut copy)? {
                done.push(edit);
            }
        }
        *profile = copy;
        Ok(Change::new(done, self.done.clone()))
    }

    /// Whether the change does nothing at all.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The change that undoes this one.
    pub fn inverse(&self) -> Change {
        Change {
            edits: self.edits.iter().rev().map(Edit::inverse).collect(),
            done: "undone".to_string(),
        }
    }
}

impl Edit {
    /// The edit with the ids and sequence numbers it needs taken from `next`: a new action
    /// item, topic or evidence entry gets its id, everything written gets its place in the
    /// sequence, an action item whose status changes is stamped with when. What a rule set
    /// already (an undo putting back what was) is kept.
    fn stamped(&self, next: &mut NextIds) -> Edit {
        let mut edit = self.clone();
        match &mut edit {
            Edit::Insert { item, .. } => match item {
                Item::Action(a) => {
                    new_id(&mut a.id, &mut next.action);
                    new_id(&mut a.seq, &mut next.seq);
                }
                Item::Point(t) => {
                    new_id(&mut t.id, &mut next.topic);
                    new_id(&mut t.seq, &mut next.seq);
                }
                Item::Evidence(e) => {
                    new_id(&mut e.id, &mut next.evidence);
                    new_id(&mut e.seq, &mut next.seq);
                }
                Item::Session(s) => new_id(&mut s.seq, &mut next.seq),
                Item::Rating(r) => new_id(&mut r.seq, &mut next.seq),
                Item::PlanChange(c) => new_id(&mut c.seq, &mut next.seq),
                _ => {}
            },
            Edit::Replace { before, after, .. } => match (&*before, after) {
                (Item::Action(b), Item::Action(a)) => {
                    keep_id(&mut a.id, b.id);
                    keep_id(&mut a.seq, b.seq);
                    if a.status != b.status && a.changed == b.changed {
                        a.changed = take(&mut next.seq);
                    }
                }
                (Item::Point(b), Item::Point(a)) => {
                    keep_id(&mut a.id, b.id);
                    keep_id(&mut a.seq, b.seq);
                }
                (Item::Evidence(b), Item::Evidence(a)) => {
                    keep_id(&mut a.id, b.id);
                    keep_id(&mut a.seq, b.seq);
                }
                (Item::Rating(b), Item::Rating(a)) if a.seq == 0 || a.seq == b.seq => {
                    a.seq = take(&mut next.seq);
                }
                (Item::Session(b), Item::Session(a)) => keep_id(&mut a.seq, b.seq),
                _ => {}
            },
            Edit::Milestone {
                before,
                after: Some(a),
                ..
            } if before.as_ref() != Some(&*a)
                && (a.seq == 0 || Some(a.seq) == before.as_ref().map(|b| b.seq)) =>
            {
                a.seq = take(&mut next.seq);
            }
            _ => {}
        }
        edit
    }

    fn inverse(&self) -> Edit {
        match self.clone() {
            Edit::CurrentRole { before, after } => Edit::CurrentRole {
                before: after,
                after: before,
            },
            Edit::NextSession { before, after } => Edit::NextSession {
                before: after,
                after: before,
            },
            Edit::Target { before, after } => Edit::Target {
                before: after,
                after: before,
            },
            Edit::Milestone { id, before, after } => Edit::Milestone {
                id,
                before: after,
                after: before,
            },
            Edit::Plan { before, after } => Edit::Plan {
                before: after,
                after: before,
            },
            Edit::Insert { item, index } => Edit::Remove { item, index },
            Edit::Remove { item, index } => Edit::Insert { item, index },
            Edit::Shift {
                item,
                index,
                earlier,
            } => Edit::Shift {
                item,
                index: if earlier {
                    index.saturating_sub(1)
                } else {
                    index + 1
                },
                earlier: !earlier,
            },
            Edit::Replace {
                before,
                after,
                index,
            } => Edit::Replace {
                before: after,
                after: before,
                index,
            },
            Edit::SessionNotes {
                session,
                before,
                after,
            } => Edit::SessionNotes {
                session,
                before: after,
                after: before,
            },
            Edit::PrivateNotes {
                session,
                before,
                after,
            } => Edit::PrivateNotes {
                session,
                before: after,
                after: before,
            },
        }
    }

    /// Applies the edit; says whether it changed anything.
    fn apply(&self, p: &mut Profile) -> Result<bool, Conflict> {
        let conflict = |what: &str| {
            Err(Conflict {
                what: what.to_string(),
            })
        };
        match self {
            Edit::CurrentRole { before, after } => {
                if p.current_role != *before {
                    return conflict("the current role");
                }
                p.current_role = after.clone();
                Ok(before != after)
            }
            Edit::NextSession { before, after } => {
                if p.next_session != *before {
                    return conflict("the day of the next 1:1");
                }
                p.next_session = *after;
                Ok(before != after)
            }
            Edit::Target { before, after } => {
                if p.target_role != *before {
                    return conflict("the target");
                }
                p.target_role = after.clone();
                Ok(before != after)
            }
            Edit::Milestone { id, before, after } => {
                if p.milestones.get(id) != before.as_ref() {
                    return conflict(&format!("milestone {id}"));
                }
                match after {
                    Some(progress) => {
                        p.milestones.insert(id.clone(), progress.clone());
                    }
                    None => {
                        p.milestones.remove(id);
                    }
                }
                Ok(before != after)
            }
            Edit::Plan { before, after } => {
                if p.plan != *before {
                    return conflict("the plan");
                }
                p.plan = after.clone();
                Ok(before != after)
            }
            Edit::Insert {
                item: Item::Session(session),
                ..
            } if p.sessions.iter().any(|s| s.id == session.id) => {
                conflict(&format!("session {}", session.id))
            }
            Edit::Insert { item, .. } if item.id().is_some_and(|id| id.taken_in(p)) => conflict(
                &format!("{} {}", item.list_name(), item.id().unwrap_or_default()),
            ),
            Edit::Insert { item, index } => with_list(p, item, |list, value| {
                list.insert((*index).min(list.len()), value);
                Ok(true)
            }),
            Edit::Remove { item, index } => {
                let removed = with_list(p, item, |list, value| {
                    // Removed meanwhile: the outcome wanted holds already.
                    let found = nearest(list, &value, *index);
                    if let Some(at) = found {
                        list.remove(at);
                    }
                    Ok(found.is_some())
                })?;
                // A session's id is given once: the profile keeps the ids of sessions gone.
                if let Item::Session(s) = item
                    && !p.retired_sessions.contains(&s.id)
                {
                    p.retired_sessions.push(s.id.clone());
                }
                Ok(removed)
            }
            Edit::Shift {
                item,
                index,
                earlier,
            } => with_list(p, item, |list, value| {
                let Some(at) = nearest(list, &value, *index) else {
                    // Removed meanwhile: there is nothing left to move.
                    return Ok(false);
                };
                let other = if *earlier {
                    at.checked_sub(1)
                } else {
                    Some(at + 1).filter(|&o| o < list.len())
                };
                if let Some(other) = other {
                    list.swap(at, other);
                }
                Ok(other.is_some())
            }),
            Edit::Replace {
                before,
                after,
                index,
            } => {
                let what = before.list_name();
                let new = after.element();
                with_list(p, before, |list, old| {
                    let at = nearest(list, &old, *index).ok_or_else(|| Conflict {
                        what: format!("that entry of {what}"),
                    })?;
                    list.replace(at, new);
                    Ok(before != after)
                })
            }
            Edit::SessionNotes {
                session,
                before,
                after,
            } => {
                let what = format!("the notes of session {session}");
                let Some(s) = p.sessions.iter_mut().find(|s| s.id == *session) else {
                    return conflict(&what);
                };
                if s.notes != *before {
                    return conflict(&what);
                }
                s.notes = after.clone();
                Ok(before != after)
            }
            Edit::PrivateNotes {
                session,
                before,
                after,
            } => {
                let held = p.private_notes.get(session).map_or("", String::as_str);
                if held != before {
                    return conflict(&format!("the private notes of session {session}"));
                }
                if after.is_empty() {
                    p.private_notes.remove(session);
                } else {
                    p.private_notes.insert(session.clone(), after.clone());
                }
                Ok(before != after)
            }
        }
    }
}

/// Gives `slot` the next number of `series` unless it has one already.
fn new_id(slot: &mut u64, series: &mut u64) {
    if *slot == 0 {
        *slot = take(series);
    }
}

/// Keeps the id `before` had when a rule left it out.
fn keep_id(slot: &mut u64, before: u64) {
    if *slot == 0 {
        *slot = before;
    }
}

/// The id of an item a person can name, with its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct ItemId(Kind, u64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Kind {
    #[default]
    Action,
    Point,
    Evidence,
}

impl std::fmt::Display for ItemId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "id {}", self.1)
    }
}

impl ItemId {
    /// Whether the profile already holds an item of this kind with this id.
    fn taken_in(self, p: &Profile) -> bool {
        let ItemId(kind, id) = self;
        match kind {
            Kind::Action => p.actions.iter().any(|a| a.id == id),
            Kind::Point => p.talking_points.iter().any(|t| t.id == id),
            Kind::Evidence => p.evidence.iter().any(|e| e.id == id),
        }
    }
}

impl Item {
    /// The id of an action item, topic or evidence entry that has one.
    fn id(&self) -> Option<ItemId> {
        let id = match self {
            Item::Action(a) => ItemId(Kind::Action, a.id),
            Item::Point(t) => ItemId(Kind::Point, t.id),
            Item::Evidence(e) => ItemId(Kind::Evidence, e.id),
            _ => return None,
        };
        (id.1 != 0).then_some(id)
    }

    fn element(&self) -> Element {
        match self.clone() {
            Item::Step(v) => Element::Step(v),
            Item::History(v) => Element::History(v),
            Item::Mentor(v) | Item::Mentee(v) => Element::Person(v),
            Item::Evidence(v) => Element::Evidence(v),
            Item::Rating(v) => Element::Rating(v),
            Item::Session(v) => Element::Session(v),
            Item::Action(v) => Element::Action(v),
            Item::Point(v) => Element::Point(v),
            Item::PlanChange(v) => Element::PlanChange(v),
            Item::Agenda { item, .. } => Element::Agenda(item),
        }
    }

    fn list_name(&self) -> &'static str {
        match self {
            Item::Step(_) => "the plan",
            Item::History(_) => "the history",
            Item::Mentor(_) => "the mentors",
            Item::Mentee(_) => "the mentees",
            Item::Evidence(_) => "the evidence log",
            Item::Rating(_) => "the ratings",
            Item::Session(_) => "the sessions",
            Item::Action(_) => "the action items",
            Item::Point(_) => "the talking points",
            Item::PlanChange(_) => "the plan's history",
            Item::Agenda { .. } => "the session's agenda",
        }
    }
}

/// Runs `f` on the list `item` belongs to, with the element itself.
fn with_list<T>(
    p: &mut Profile,
    item: &Item,
    f: impl FnOnce(&mut dyn ListOf, Element) -> Result<T, Conflict>,
) -> Result<T, Conflict> {
    let element = item.element();
    match item {
        Item::Step(_) => f(&mut p.plan, element),
        Item::History(_) => f(&mut p.history, element),
        Item::Mentor(_) => f(&mut p.mentors, element),
        Item::Mentee(_) => f(&mut p.mentees, element),
        Item::Evidence(_) => f(&mut p.evidence, element),
        Item::Rating(_) => f(&mut p.ratings, element),
        Item::Session(_) => f(&mut p.sessions, element),
        Item::Action(_) => f(&mut p.actions, element),
        Item::Point(_) => f(&mut p.talking_points, element),
        Item::PlanChange(_) => f(&mut p.plan_changes, element),
        Item::Agenda { session, .. } => match p.sessions.iter_mut().find(|s| s.id == *session) {
            Some(s) => f(&mut s.agenda, element),
            None => Err(Conflict {
                what: format!("session {session}"),
            }),
        },
    }
}

/// An element of any of the lists, so one piece of code can edit them all.
#[derive(Debug, Clone, PartialEq)]
enum Element {
    Step(PlanStep),
    History(HeldRole),
    Person(Person),
    Evidence(Evidence),
    Rating(Rating),
    Session(Session),
    Action(Action),
    Point(TalkingPoint),
    PlanChange(PlanChange),
    Agenda(AgendaItem),
}

/// A list of one element type, seen through [`Element`].
trait ListOf {
    fn len(&self) -> usize;
    fn matches(&self, at: usize, value: &Element) -> bool;
    fn insert(&mut self, at: usize, value: Element);
    fn remove(&mut self, at: usize);
    fn swap(&mut self, a: usize, b: usize);
    fn replace(&mut self, at: usize, value: Element);
}

macro_rules! list_of {
    ($ty:ty, $variant:ident) => {
        impl ListOf for Vec<$ty> {
            fn len(&self) -> usize {
                Vec::len(self)
            }
            fn matches(&self, at: usize, value: &Element) -> bool {
                matches!(value, Element::$variant(v) if self.get(at) == Some(v))
            }
            fn insert(&mut self, at: usize, value: Element) {
                if let Element::$variant(v) = value {
                    Vec::insert(self, at, v);
                }
            }
            fn remove(&mut self, at: usize) {
                Vec::remove(self, at);
            }
            fn swap(&mut self, a: usize, b: usize) {
                <[$ty]>::swap(self, a, b);
            }
            fn replace(&mut self, at: usize, value: Element) {
                if let (Element::$variant(v), Some(slot)) = (value, self.get_mut(at)) {
                    *slot = v;
                }
            }
        }
    };
}

list_of!(PlanStep, Step);
list_of!(HeldRole, History);
list_of!(Person, Person);
list_of!(Evidence, Evidence);
list_of!(Rating, Rating);
list_of!(Session, Session);
list_of!(Action, Action);
list_of!(TalkingPoint, Point);
list_of!(PlanChange, PlanChange);
list_of!(AgendaItem, Agenda);

/// The index of the element equal to `value` closest to `hint`, if any.
fn nearest(list: &dyn ListOf, value: &Element, hint: usize) -> Option<usize> {
    (0..list.len())
        .filter(|&i| list.matches(i, value))
        .min_by_key(|&i| i.abs_diff(hint))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::coaching::Owner;
    use crate::profile::model::Status;

    fn action(text: &str) -> Action {
        let added = "2026-11-25".parse().unwrap();
        Action::new(text.into(), Owner::Own, None, added, None)
    }

    fn add(p: &Profile, text: &str) -> Change {
        let item = Item::Action(action(text));
        Change::new(
            vec![Edit::Insert {
                item,
                index: p.actions.len(),
            }],
            "added",
        )
    }

    /// The action items by id (where a stale copy inserts one in the list does not matter).
    fn ids(p: &Profile) -> Vec<(u64, &str)> {
        let mut ids: Vec<(u64, &str)> = p.actions.iter().map(|a| (a.id, a.text.as_str())).collect();
        ids.sort();
        ids
    }

    /// Two writers, each applying its change to the file as it is on disk, never give one id
    /// twice; the undo of one removes exactly its own item; an id taken back is never given
    /// again; an item put back keeps its id.
    #[test]
    fn ids_are_given_on_the_file_as_it_is_and_survive_another_writer_and_undo() {
        let mut disk = Profile::new("p".into(), "P".into(), "l".into(), "dev".into());
        let planner_copy = disk.clone();
        let shell = add(&disk, "from the shell").apply(&mut disk).unwrap();
        // The planner computed its change on an older copy: the same list position.
        let planner = add(&planner_copy, "from the planner")
            .apply(&mut disk)
            .unwrap();
        assert_eq!(ids(&disk), [(1, "from the shell"), (2, "from the planner")]);
        let undo = planner.inverse();
        undo.apply(&mut disk).unwrap();
        assert_eq!(ids(&disk), [(1, "from the shell")]);
        add(&disk, "later").apply(&mut disk).unwrap();
        assert_eq!(ids(&disk), [(1, "from the shell"), (3, "later")]);
        // Redo (the undo undone) puts the same item back, with its id.
        undo.apply(&mut disk).ok();
        undo.inverse().apply(&mut disk).unwrap();
        assert_eq!(
            ids(&disk),
            [(1, "from the shell"), (2, "from the planner"), (3, "later")]
        );
        // An item that holds an id already there is refused, not doubled.
        assert!(shell.apply(&mut disk).is_err());
        // Closing stamps when, so the digest can tell it came after a session.
        let before = disk.next_id.seq;
        let at = disk.actions.iter().position(|a| a.id == 1).unwrap();
        let done = Change::new(
            vec![Edit::Replace {
                before: Item::Action(disk.actions[at].clone()),
                after: Item::Action(Action {
                    status: Status::Done,
                    ..disk.actions[at].clone()
                }),
                index: at,
            }],
            "done",
        );
        done.apply(&mut disk).unwrap();
        assert_eq!(disk.action(1).unwrap().changed, before);
    }
}
