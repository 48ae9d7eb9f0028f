//! One person's career plan, as saved in `profiles/<id>.ron` (format 1).
//!
//! Field order here is the order on disk, so a team keeping the folder in git gets small,
//! readable diffs. Unknown fields are refused rather than skipped: a file written by a newer
//! rungs must never be rewritten by an older one that would drop what it did not understand.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::Date;

/// The profile format this version reads and writes.
pub const PROFILE_FORMAT: u32 = 1;

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
    #[serde(default)]
    pub milestones: BTreeMap<String, MilestoneProgress>,
    /// Dated wins and notes, oldest first.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub mentors: Vec<Person>,
    #[serde(default)]
    pub mentees: Vec<Person>,
    /// Competency ratings by the person and their manager (filled by a later feature).
    #[serde(default)]
    pub ratings: Vec<Rating>,
    /// Coaching sessions (filled by a later feature).
    #[serde(default)]
    pub sessions: Vec<Session>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    Todo,
    Doing,
    Done,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Done => "done",
        }
    }
    /// The status after this one in the todo → doing → done → todo cycle.
    pub fn next(self) -> Status {
        match self {
            Status::Todo => Status::Doing,
            Status::Doing => Status::Done,
            Status::Done => Status::Todo,
        }
    }

    pub fn mark(self) -> &'static str {
        match self {
            Status::Todo => "○",
            Status::Doing => "◐",
            Status::Done => "✓",
        }
    }
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rater {
    Own,
    Manager,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RatingLevel {
    Below,
    WorkingTowards,
    Meeting,
    Exceeding,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub date: Date,
    /// Notes both people see.
    #[serde(default)]
    pub notes: String,
    /// The manager's own notes, hidden when the screen is shared.
    #[serde(default)]
    pub private_notes: String,
    #[serde(default)]
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub text: String,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due: Option<Date>,
    pub status: Status,
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
        }
    }

    /// The status of a milestone; one never touched is to do.
    pub fn status_of(&self, milestone: &str) -> Status {
        self.milestones
            .get(milestone)
            .map_or(Status::Todo, |p| p.status)
    }
}
