//! Figures derived from a profile and its ladder, never stored.

use crate::ladder::{CornerIdx, Ladder, LevelIdx, Path, RoleIdx};

use super::model::{Profile, Status};

/// Milestones done out of a level's total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readiness {
    pub done: usize,
    pub total: usize,
}

impl Readiness {
    /// The share done, 0 to 100; a level without milestones is 0 %, never a division by zero.
    pub fn percent(self) -> u8 {
        (self.done * 100)
            .checked_div(self.total)
            .map_or(0, |p| p.min(100) as u8)
    }

    /// The share done as 0.0..=1.0, safe for a gauge.
    pub fn ratio(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            (self.done as f64 / self.total as f64).clamp(0.0, 1.0)
        }
    }

    /// A text gauge `width` cells wide: a filled cell for each whole share done, like the
    /// percentage (rounded down), so the two never disagree.
    pub fn gauge(self, width: usize) -> String {
        let filled = (self.done.min(self.total) * width)
            .checked_div(self.total)
            .unwrap_or(0);
        format!("{}{}", "▓".repeat(filled), "░".repeat(width - filled))
    }
}

/// Readiness for `level`: the share of its milestones done.
pub fn readiness(profile: &Profile, ladder: &Ladder, level: LevelIdx) -> Readiness {
    let milestones = &ladder.levels()[level].milestones;
    Readiness {
        done: milestones
            .iter()
            .filter(|m| profile.status_of(&m.id) == Status::Done)
            .count(),
        total: milestones.len(),
    }
}

/// The level after the current role's, or the current one at the top of the ladder.
pub fn next_level(profile: &Profile, ladder: &Ladder) -> Option<LevelIdx> {
    let current = ladder.role_index(&profile.current_role)?;
    let level = ladder.role_level(current);
    Some((level + 1).min(ladder.levels().len() - 1))
}

/// Distinct corners in the role history, the current role and the plan, in that order.
pub fn breadth(profile: &Profile, ladder: &Ladder) -> Vec<CornerIdx> {
    let roles = profile
        .history
        .iter()
        .map(|h| h.role.as_str())
        .chain(std::iter::once(profile.current_role.as_str()))
        .chain(profile.plan.iter().map(|s| s.role.as_str()));
    let mut corners = Vec::new();
    for role in roles {
        if let Some(c) = ladder.role_index(role).and_then(|r| ladder.role_corner(r))
            && !corners.contains(&c)
        {
            corners.push(c);
        }
    }
    corners
}

/// The plan as a path from the current role, and the ids it names that the ladder lacks.
pub fn plan_path(profile: &Profile, ladder: &Ladder) -> (Option<Path>, Vec<String>) {
    let mut unknown = Vec::new();
    let mut roles: Vec<RoleIdx> = Vec::new();
    for id in std::iter::once(&profile.current_role).chain(profile.plan.iter().map(|s| &s.role)) {
        match ladder.role_index(id) {
            Some(r) => roles.push(r),
            None => unknown.push(id.clone()),
        }
    }
    let path = (!unknown.contains(&profile.current_role)).then(|| Path::from_roles(ladder, roles));
    (path, unknown)
}
