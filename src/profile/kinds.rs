//! The small kinds a profile is made of: a status, who rates, how a rating reads. Kept apart
//! so the profile and its coaching part can both use them without depending on each other.

use serde::{Deserialize, Serialize};

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

impl Rater {
    /// `self` or `manager`, as the command line writes it.
    pub fn name(self) -> &'static str {
        match self {
            Rater::Own => "self",
            Rater::Manager => "manager",
        }
    }
}

impl RatingLevel {
    pub const ALL: [RatingLevel; 4] = [
        RatingLevel::Below,
        RatingLevel::WorkingTowards,
        RatingLevel::Meeting,
        RatingLevel::Exceeding,
    ];

    /// The level in words: "working towards".
    pub fn words(self) -> &'static str {
        match self {
            RatingLevel::Below => "below",
            RatingLevel::WorkingTowards => "working towards",
            RatingLevel::Meeting => "meeting",
            RatingLevel::Exceeding => "exceeding",
        }
    }

    /// 1 (below) to 4 (exceeding): a step on the scale, for charts and distances.
    pub fn step(self) -> u8 {
        match self {
            RatingLevel::Below => 1,
            RatingLevel::WorkingTowards => 2,
            RatingLevel::Meeting => 3,
            RatingLevel::Exceeding => 4,
        }
    }

    /// The level a person typed: its words (spaces, hyphens or underscores between them), or
    /// an unambiguous start of them ("work", "m"); case does not matter.
    pub fn parse(typed: &str) -> Option<RatingLevel> {
        let normal: String = typed
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == '-' || c == '_' { ' ' } else { c })
            .collect();
        let normal = normal.split_whitespace().collect::<Vec<_>>().join(" ");
        if normal.is_empty() {
            return None;
        }
        let mut found = RatingLevel::ALL
            .into_iter()
            .filter(|l| l.words().starts_with(&normal));
        match (found.next(), found.next()) {
            (Some(level), None) => Some(level),
            _ => None,
        }
    }
}
