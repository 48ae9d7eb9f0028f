//! One person's career plan, as saved in `profiles/<id>.ron` (format 2; format 1 is read and
//! migrated by [`super::migrate`]).
//!
//! Field order here is the order on disk, so a team keeping the folder in git gets small,
//! readable diffs. Unknown fields are refused rather than skipped: a file written by a newer
//! rungs must never be rewritten by an older one that would drop what it did not understand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::coaching::{Action, AgendaItem, PlanChange, Session, TalkingPoint, Topic};
pub use super::kinds::{Rater, RatingLevel, Status};
use crate::date::Date;

/// The profile format this version writes; older ones are migrated as they are read.
pub const PROFILE_FORMAT: u32 = 2;

/// The private-notes file format (see [`super::private`]) this version reads and writes.
pub const PRIVATE_FORMAT: u32 = 1;

/// What every file holding private notes ends with.
pub const PRIVATE_SUFFIX: &str = ".private.ron";

/// Where the previous version of the file at `path` is kept: `<id>.ron.bak` for a profile,
/// `<id>.bak.private.ron` for private notes (so it matches the private files' pattern too).
pub(super) fn backup_of(path: &Path) -> PathBuf {
    let name = path.to_string_lossy();
    match name.strip_suffix(PRIVATE_SUFFIX) {
        Some(stem) => PathBuf::from(format!("{stem}.bak{PRIVATE_SUFFIX}")),
        None => PathBuf::from(format!("{name}.bak")),
    }
}

/// Where a format-1 profile that held private notes is kept when its first save migrates it:
/// `<id>.format-1.private.ron`, the old file exactly as it was, matching the private files'
/// pattern because it holds their text. An older `<id>.ron.bak` that holds them too moves to
/// this file's own backup, [`backup_of`] it.
pub(super) fn pre_migration_backup_of(profile: &Path) -> PathBuf {
    let name = profile.to_string_lossy();
    let stem = name.strip_suffix(".ron").unwrap_or(&name);
    PathBuf::from(format!("{stem}.format-1{PRIVATE_SUFFIX}"))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub format: u32,
    /// The slug of the name; also the file name.
    pub id: String,
    pub name: String,
    /// A bundled ladder id or a path to a ladder file.
    pub ladder: String,
    pub current_role: String,
    #[serde(default)]
    pub target_role: Option<String>,
    /// Roles held before the current one, oldest first.
    #[serde(default)]
    pub history: Vec<HeldRole>,
    /// The planned moves, in order.
    #[serde(default)]
    pub plan: Vec<PlanStep>,
    /// Progress by milestone id.
    #[serde(default, deserialize_with = "crate::serde_maps::unique_keys")]
    pub milestones: BTreeMap<String, MilestoneProgress>,
    /// Dated wins and notes, oldest first.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub mentors: Vec<Person>,
    #[serde(default)]
    pub mentees: Vec<Person>,
    /// Competency ratings by the person and their manager, oldest first: the history.
    #[serde(default)]
    pub ratings: Vec<Rating>,
    /// 1:1 coaching sessions, oldest first.
    #[serde(default)]
    pub sessions: Vec<Session>,
    /// Action items agreed in sessions or added between them, oldest first.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Topics either person wants to raise at the next 1:1.
    #[serde(default)]
    pub talking_points: Vec<TalkingPoint>,
    /// Dated changes to the plan, target and current role, oldest first.
    #[serde(default)]
    pub plan_changes: Vec<PlanChange>,
    /// The manager's private notes by session id. Never written to the profile file (the store
    /// keeps them in `<id>.private.ron`) and never serialised by anything else either.
    #[serde(skip)]
    pub private_notes: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeldRole {
    pub role: String,
    #[serde(default)]
    pub from: Option<Date>,
    #[serde(default)]
    pub to: Option<Date>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanStep {
    pub role: String,
    #[serde(default)]
    pub target_date: Option<Date>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneProgress {
    pub status: Status,
    /// When the status last changed.
    pub changed: Date,
    #[serde(default)]
    pub due: Option<Date>,
    /// The evidence note: what was done, where to find it.
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub date: Date,
    pub text: String,
    #[serde(default)]
    pub milestone: Option<String>,
    #[serde(default)]
    pub competency: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub competency: String,
    pub by: Rater,
    pub level: RatingLevel,
    pub date: Date,
    #[serde(default)]
    pub note: String,
}

impl Evidence {
    /// The milestone or competency the entry is about, if it names one.
    pub fn about(&self) -> Option<&str> {
        self.milestone.as_deref().or(self.competency.as_deref())
    }
}

impl Profile {
    /// A new profile at `current_role`, with nothing planned or done yet.
    pub fn new(id: String, name: String, ladder: String, current_role: String) -> Profile {
        Profile {
            format: PROFILE_FORMAT,
            id,
            name,
            ladder,
            current_role,
            target_role: None,
            history: Vec::new(),
            plan: Vec::new(),
            milestones: BTreeMap::new(),
            evidence: Vec::new(),
            mentors: Vec::new(),
            mentees: Vec::new(),
            ratings: Vec::new(),
            sessions: Vec::new(),
            actions: Vec::new(),
            talking_points: Vec::new(),
            plan_changes: Vec::new(),
            private_notes: BTreeMap::new(),
        }
    }

    /// The action items with the numbers people know them by (`rungs action list`, `action
    /// done N`, the calendar's UIDs): their place in the list, from 1. Action items are only
    /// ever added, never removed, so a number never changes.
    pub fn numbered_actions(&self) -> impl Iterator<Item = (usize, &Action)> {
        self.actions.iter().enumerate().map(|(i, a)| (i + 1, a))
    }

    /// The action items agreed in session `session`, with their numbers.
    pub fn actions_agreed_in<'a>(
        &'a self,
        session: &'a str,
    ) -> impl Iterator<Item = (usize, &'a Action)> + 'a {
        self.numbered_actions()
            .filter(move |(_, a)| a.session.as_deref() == Some(session))
    }

    /// How many action items are still open.
    pub fn open_actions(&self) -> usize {
        self.actions.iter().filter(|a| a.is_open()).count()
    }

    /// The talking points with the numbers people know them by (`rungs agenda`, `agenda done
    /// N`): their place in the list, from 1. Like action items they are only ever added, so a
    /// number never changes.
    pub fn numbered_points(&self) -> impl Iterator<Item = (usize, &TalkingPoint)> {
        self.talking_points
            .iter()
            .enumerate()
            .map(|(i, t)| (i + 1, t))
    }

    /// How many talking points raised by `by` are still open (the next agenda's).
    pub fn open_points_by(&self, by: Rater) -> usize {
        self.talking_points
            .iter()
            .filter(|t| t.by == by && t.is_open())
            .count()
    }

    /// How many talking points are still open, whoever raised them.
    pub fn open_points(&self) -> usize {
        self.talking_points.iter().filter(|t| t.is_open()).count()
    }

    /// The numbers `rungs agenda done` takes for the agenda items `items` (an agenda built
    /// from this profile), in order: for an item from an open talking point, that point's
    /// number — two points with the same text each get their own — and none for the rest.
    pub fn point_numbers_of(&self, items: &[AgendaItem]) -> Vec<Option<usize>> {
        let mut taken: Vec<usize> = Vec::new();
        items
            .iter()
            .map(|item| {
                let Topic::Point(by) = item.topic else {
                    return None;
                };
                let number = self
                    .numbered_points()
                    .find(|(n, t)| {
                        t.by == by
                            && t.is_open()
                            && !taken.contains(n)
                            && crate::text::one_line(&t.text) == item.text
                    })
                    .map(|(n, _)| n);
                taken.extend(number);
                number
            })
            .collect()
    }

    /// The latest 1:1 by date; of two on one day, the one started later.
    pub fn last_session(&self) -> Option<&Session> {
        self.sessions
            .iter()
            .fold(None, |last: Option<&Session>, s| match last {
                Some(l) if l.date > s.date => Some(l),
                _ => Some(s),
            })
    }

    /// The status of a milestone; one never touched is to do.
    pub fn status_of(&self, milestone: &str) -> Status {
        self.milestones
            .get(milestone)
            .map_or(Status::Todo, |p| p.status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::coaching::{AgendaItem, Owner, Topic};

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// The counts the roster, the Sessions pane, `session list` and `agenda add` all show.
    #[test]
    fn open_actions_open_topics_and_a_sessions_agreed_and_discussed_items_are_counted_once() {
        let mut p = Profile::new(
            "p".into(),
            "Priya".into(),
            "it-leadership".into(),
            "x".into(),
        );
        let action = |text: &str, status, session: Option<&str>| Action {
            text: text.into(),
            owner: Owner::Own,
            due: None,
            status,
            added: day("2026-11-10"),
            session: session.map(String::from),
        };
        p.actions = vec![
            action("one", Status::Done, Some("s1")),
            action("two", Status::Todo, None),
            action("three", Status::Doing, Some("s1")),
        ];
        let point = |text: &str, by, closed_in: Option<&str>| TalkingPoint {
            text: text.into(),
            by,
            added: day("2026-11-10"),
            closed_in: closed_in.map(String::from),
        };
        p.talking_points = vec![
            point("mine, closed", Rater::Own, Some("s1")),
            point("mine", Rater::Own, None),
            point("theirs", Rater::Manager, None),
            point("mine, closed between sessions", Rater::Own, Some("")),
        ];
        p.sessions = vec![Session {
            id: "s1".into(),
            date: day("2026-11-10"),
            notes: String::new(),
            agenda: [true, false, true]
                .map(|ticked| AgendaItem {
                    topic: Topic::Action,
                    text: "x".into(),
                    ticked,
                })
                .to_vec(),
        }];
        assert_eq!(p.open_actions(), 2);
        assert_eq!(p.open_points(), 2);
        assert_eq!(p.open_points_by(Rater::Own), 1);
        assert_eq!(p.open_points_by(Rater::Manager), 1);
        let point = |by, text: &str| AgendaItem {
            topic: Topic::Point(by),
            text: text.into(),
            ticked: false,
        };
        assert_eq!(
            p.point_numbers_of(&[point(Rater::Own, "mine"), point(Rater::Own, "mine, closed")]),
            [Some(2), None]
        );
        // Two open points with one text are two numbers, not the first one twice.
        let mut twice = p.clone();
        twice.talking_points.push(twice.talking_points[1].clone());
        assert_eq!(
            twice.point_numbers_of(&[point(Rater::Own, "mine"), point(Rater::Own, "mine")]),
            [Some(2), Some(p.talking_points.len() + 1)]
        );
        let agreed: Vec<usize> = p.actions_agreed_in("s1").map(|(n, _)| n).collect();
        assert_eq!(agreed, [1, 3], "numbered as action list numbers them");
        assert_eq!(p.sessions[0].discussed(), 2);
    }
}
