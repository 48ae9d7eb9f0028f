//! Figures derived from a profile and its ladder, never stored.

use crate::ladder::{Breadth, CornerIdx, Ladder, LevelIdx, MoveKind, Path, RoleIdx};
use crate::text;

use super::model::{PlanStep, Profile};

/// The level after the current role's, or the current one at the top of the ladder.
pub fn next_level(profile: &Profile, ladder: &Ladder) -> Option<LevelIdx> {
    let current = ladder.role_index(&profile.current_role)?;
    let level = ladder.role_level(current);
    Some((level + 1).min(ladder.levels().len() - 1))
}

/// The distinct corners of `roles`, in order: the one rule for corners worked in (and planned).
/// Roles the ladder lacks and enterprise-wide roles (no corner) add none.
fn distinct_corners<'a>(ladder: &Ladder, roles: impl Iterator<Item = &'a str>) -> Vec<CornerIdx> {
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

/// Distinct corners of the roles held before the current one: they tie the person to a craft
/// when planning.
pub fn held_corners(profile: &Profile, ladder: &Ladder) -> Vec<CornerIdx> {
    distinct_corners(ladder, profile.history.iter().map(|h| h.role.as_str()))
}

/// The corners worked in: distinct corners of the roles held and the current one, in that
/// order. Compare counts the corners a path gains against these.
pub fn corners_worked_in(profile: &Profile, ladder: &Ladder) -> Vec<CornerIdx> {
    distinct_corners(ladder, worked_roles(profile))
}

fn worked_roles(profile: &Profile) -> impl Iterator<Item = &str> {
    profile
        .history
        .iter()
        .map(|h| h.role.as_str())
        .chain(std::iter::once(profile.current_role.as_str()))
}

/// Breadth: the corners worked in, then those the plan adds, each once, and how many of them
/// face the business.
pub fn breadth(profile: &Profile, ladder: &Ladder) -> Breadth {
    let roles = worked_roles(profile).chain(profile.plan.iter().map(|s| s.role.as_str()));
    Breadth::of(ladder, &distinct_corners(ladder, roles))
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

/// A step of the plan as every screen shows it: the step, its role in the ladder (none when
/// the ladder lacks it) and the kind of move it makes (none when it cannot be judged: its role
/// or the current role is not in the ladder).
#[derive(Debug, Clone, Copy)]
pub struct PlannedStep<'a> {
    pub step: &'a PlanStep,
    pub role: Option<RoleIdx>,
    pub kind: Option<MoveKind>,
}

/// Every step of the plan, in order, each matched to its move in the plan's path — the one
/// place plan steps and path steps are matched. A step is never left out: one whose role the
/// ladder lacks, or every one when the current role is unknown, is there without a kind, and
/// [`plan_problems`] says why and how to fix it.
pub fn planned_steps<'a>(profile: &'a Profile, ladder: &Ladder) -> Vec<PlannedStep<'a>> {
    let path = plan_path(profile, ladder).0;
    let mut moves = path.iter().flat_map(|p| p.steps.iter());
    profile
        .plan
        .iter()
        .map(|step| {
            let role = ladder.role_index(&step.role);
            // The path holds the known roles only, in order: the next move is this step's.
            let kind = role.and_then(|_| moves.next().map(|m| m.kind));
            PlannedStep { step, role, kind }
        })
        .collect()
}

/// What keeps the plan from being judged, in words with the fix: a current role the ladder
/// lacks (renamed, say), then each planned role it lacks.
pub fn plan_problems(profile: &Profile, ladder: &Ladder) -> Vec<String> {
    let mut problems = Vec::new();
    if ladder.role_index(&profile.current_role).is_none() {
        problems.push(format!(
            "the current role \"{}\" is not a role of this ladder (renamed?), so the moves cannot be judged — `rungs profile set --role ROLE` sets it",
            text::one_line(&profile.current_role)
        ));
    }
    for step in profile
        .plan
        .iter()
        .filter(|s| ladder.role_index(&s.role).is_none())
    {
        problems.push(format!(
            "\"{}\" is not a role of this ladder — remove the step in the Plan tab (x), or `rungs plan clear` and plan again",
            text::one_line(&step.role)
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};
    use crate::profile::HeldRole;

    #[test]
    fn corners_worked_in_are_each_counted_once_in_the_order_worked() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "dev-lead".into());
        // Two roles in one corner, an enterprise-wide one, one the ladder lacks, and the
        // current role's corner held before too.
        for role in ["sysadmin", "infra-lead", "it-manager", "gone", "developer"] {
            p.history.push(HeldRole {
                role: role.into(),
                from: None,
                to: None,
                note: String::new(),
            });
        }
        let corner = |id: &str| ladder.corner_index(id).unwrap();
        assert_eq!(
            corners_worked_in(&p, &ladder),
            [corner("infra"), corner("dev")]
        );
        assert_eq!(held_corners(&p, &ladder), [corner("infra"), corner("dev")]);
        p.plan.push(PlanStep {
            role: "analytics-manager".into(),
            target_date: None,
            note: String::new(),
        });
        assert_eq!(
            breadth(&p, &ladder).corners,
            [corner("infra"), corner("dev"), corner("data")]
        );
    }

    #[test]
    fn the_plans_marks_number_each_step_as_the_plan_does_past_a_role_the_ladder_lacks() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "developer".into());
        for role in ["gone", "dev-lead", "engineering-manager"] {
            p.plan.push(PlanStep {
                role: role.into(),
                target_date: None,
                note: String::new(),
            });
        }
        let role = |id: &str| ladder.role_index(id).unwrap();
        assert_eq!(
            crate::profile::PlanMarks::of(&p, &ladder).steps,
            [
                (role("dev-lead"), 2, MoveKind::Vertical),
                (role("engineering-manager"), 3, MoveKind::Vertical)
            ]
        );
    }
}
