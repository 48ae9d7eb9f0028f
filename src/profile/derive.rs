//! Figures derived from a profile and its ladder, never stored.

use crate::ladder::{CornerIdx, Ladder, LevelIdx, Path, RoleIdx};

use super::model::Profile;

/// The level after the current role's, or the current one at the top of the ladder.
pub fn next_level(profile: &Profile, ladder: &Ladder) -> Option<LevelIdx> {
    let current = ladder.role_index(&profile.current_role)?;
    let level = ladder.role_level(current);
    Some((level + 1).min(ladder.levels().len() - 1))
}

/// Distinct corners of the roles held before the current one: they count toward breadth and
/// tie the person to a craft when planning.
pub fn held_corners(profile: &Profile, ladder: &Ladder) -> Vec<CornerIdx> {
    let mut corners = Vec::new();
    for held in &profile.history {
        if let Some(c) = ladder
            .role_index(&held.role)
            .and_then(|r| ladder.role_corner(r))
            && !corners.contains(&c)
        {
            corners.push(c);
        }
    }
    corners
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

/// The plan as a path from the current role (judged with the person's history), and the ids it
/// names that the ladder lacks.
pub fn plan_path(profile: &Profile, ladder: &Ladder) -> (Option<Path>, Vec<String>) {
    let mut unknown = Vec::new();
    let mut roles: Vec<RoleIdx> = Vec::new();
    for id in std::iter::once(&profile.current_role).chain(profile.plan.iter().map(|s| &s.role)) {
        match ladder.role_index(id) {
            Some(r) => roles.push(r),
            None => unknown.push(id.clone()),
        }
    }
    let held = held_corners(profile, ladder);
    let path = (!unknown.contains(&profile.current_role))
        .then(|| Path::with_history(ladder, roles, &held));
    (path, unknown)
}
