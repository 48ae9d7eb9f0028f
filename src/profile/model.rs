//! One person's career plan, as saved in `profiles/<id>.ron` (format 3; formats 1 and 2 are
//! read and migrated by [`super::migrate`]).
//!
//! Field order here is the order on disk, so a team keeping the folder in git gets small,
//! readable diffs. Unknown fields are refused rather than skipped: a file written by a newer
//! rungs must never be rewritten by an older one that would drop what it did not understand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::coaching::{Action, PlanChange, Session, TalkingPoint};
pub use super::kinds::{Rater, RatingLevel, Status};
use crate::date::Date;

/// The profile format this version writes; older ones are migrated as they are read.
pub const PROFILE_FORMAT: u32 = 4;

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
    /// The next id of each kind of item a person can name, and the next number of the
    /// profile's sequence, which orders every change (see [`NextIds`]).
    #[serde(default)]
    pub next_id: NextIds,
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
    /// The day of the next 1:1, once agreed (format 4); not written while unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_session: Option<Date>,
    /// The ids of sessions removed (by an undo, say): a session id is given once, so a new
    /// session never takes one of these, nor the private notes once kept under it. Left out of
    /// the file while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired_sessions: Vec<String>,
    /// The manager's private notes by session id. Never written to the profile file (the store
    /// keeps them in `<id>.private.ron`) and never serialised by anything else either.
    #[serde(skip)]
    pub private_notes: BTreeMap<String, String>,
}

/// The numbers a profile hands out, each given once and never again: the ids of action items,
/// talking points and evidence entries (one series each, from 1), and `seq`, the profile's
/// sequence, which stamps every entry as it is written so that "after the last 1:1" means
/// after it, whatever the dates say. They are given when a change is applied to the file as it
/// is on disk (see [`super::change`]), so two writers never hand out one number twice, and an
/// undo never takes one back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextIds {
    #[serde(default = "first")]
    pub action: u64,
    #[serde(default = "first")]
    pub topic: u64,
    #[serde(default = "first")]
    pub evidence: u64,
    #[serde(default = "first")]
    pub seq: u64,
}

fn first() -> u64 {
    1
}

impl Default for NextIds {
    fn default() -> NextIds {
        NextIds {
            action: 1,
            topic: 1,
            evidence: 1,
            seq: 1,
        }
    }
}

/// Takes the next number of a series.
pub(super) fn take(next: &mut u64) -> u64 {
    let n = *next;
    *next += 1;
    n
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
    /// Where in the profile's sequence the progress was last changed (0: not yet written).
    #[serde(default)]
    pub seq: u64,
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
    /// Given once when the entry is first saved; 0 until then.
    #[serde(default)]
    pub id: u64,
    /// Where in the profile's sequence it was logged (0: not yet written).
    #[serde(default)]
    pub seq: u64,
    pub date: Date,
    pub text: String,
    #[serde(default)]
    pub milestone: Option<String>,
    #[serde(default)]
    pub competency: Option<String>,
}

impl HeldRole {
    /// When the role was held, in words: "2019-03-01 – 2023-06-30", "until …", "from …".
    pub fn span(&self) -> String {
        match (self.from, self.to) {
            (Some(f), Some(t)) => format!("{f} – {t}"),
            (None, Some(t)) => format!("until {t}"),
            (Some(f), None) => format!("from {f}"),
            (None, None) => String::new(),
        }
    }
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
    /// Where in the profile's sequence it was given (0: not yet written).
    #[serde(default)]
    pub seq: u64,
    pub competency: String,
    pub by: Rater,
    pub level: RatingLevel,
    pub date: Date,
    #[serde(default)]
    pub note: String,
}

impl Evidence {
    /// A new entry of `date`, tied to nothing; its id is given when it is first saved.
    pub fn new(date: Date, text: String) -> Evidence {
        Evidence {
            id: 0,
            seq: 0,
            date,
            text,
            milestone: None,
            competency: None,
        }
    }

    /// The milestone or competency the entry is about, if it names one.
    pub fn about(&self) -> Option<&str> {
        self.milestone.as_deref().or(self.competency.as_deref())
    }
}

impl Profile {
    /// A new profile at `current_role`, with nothing planned or done yet. The name is kept as
    /// it reads (see [`crate::text::visible`]).
    pub fn new(id: String, name: String, ladder: String, current_role: String) -> Profile {
        Profile {
            format: PROFILE_FORMAT,
            next_id: NextIds::default(),
            id,
            name: crate::text::visible(&name),
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
            next_session: None,
            retired_sessions: Vec::new(),
            private_notes: BTreeMap::new(),
        }
    }

    /// The action item with id `id` (`rungs action done ID`).
    pub fn action(&self, id: u64) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The action items agreed in session `session`.
    pub fn actions_agreed_in<'a>(&'a self, session: &'a str) -> impl Iterator<Item = &'a Action> {
        self.actions
            .iter()
            .filter(move |a| a.session.as_deref() == Some(session))
    }

    /// How many action items are still open.
    pub fn open_actions(&self) -> usize {
        self.actions.iter().filter(|a| a.is_open()).count()
    }

    /// The talking point with id `id` (`rungs agenda done ID`).
    pub fn point(&self, id: u64) -> Option<&TalkingPoint> {
        self.talking_points.iter().find(|t| t.id == id)
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

    /// The latest 1:1 by date; of two on one day, the one saved later.
    pub fn last_session(&self) -> Option<&Session> {
        self.sessions.iter().max_by_key(|s| (s.date, s.seq))
    }

    /// The 1:1 held on `date`; of two that day, the one saved later. `n` in the planner opens
    /// it rather than starting another.
    pub fn session_on(&self, date: Date) -> Option<&Session> {
        self.sessions
            .iter()
            .filter(|s| s.date == date)
            .max_by_key(|s| s.seq)
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
            status,
            ..Action::new(
                text.into(),
                Owner::Own,
                None,
                day("2026-11-10"),
                session.map(String::from),
            )
        };
        p.actions = vec![
            action("one", Status::Done, Some("s1")),
            action("two", Status::Todo, None),
            action("three", Status::Doing, Some("s1")),
        ];
        let point = |text: &str, by, closed_in: Option<&str>| TalkingPoint {
            id: 0,
            seq: 0,
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
            seq: 0,
            id: "s1".into(),
            date: day("2026-11-10"),
            notes: String::new(),
            agenda: [true, false, true]
                .map(|ticked| AgendaItem {
                    of: None,
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
        for (i, a) in p.actions.iter_mut().enumerate() {
            a.id = 10 + i as u64;
        }
        let agreed: Vec<u64> = p.actions_agreed_in("s1").map(|a| a.id).collect();
        assert_eq!(agreed, [10, 12], "by their ids, not their places");
        assert_eq!(p.action(11).map(|a| a.text.as_str()), Some("two"));
        assert_eq!(p.action(1), None);
        assert_eq!(p.sessions[0].discussed(), 2);
    }
}
