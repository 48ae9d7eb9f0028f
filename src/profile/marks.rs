//! What a picture of the ladder marks on each role: you are here, the target, the roles held
//! and the plan's steps with their move kinds. The planner's graph and the exported pictures
//! both start from this, so they mark the same roles.

use crate::ladder::{Ladder, MoveKind, RoleIdx};
use crate::text;

use super::derive::planned_steps;
use super::model::Profile;

/// Whether a step's mark names its move kind too (`①↗`) or only its number (`①`): the planner's
/// graph has room for the arrow, the exported pictures draw the moves as arrows instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepMark {
    Number,
    NumberAndKind,
}

#[derive(Debug, Default, Clone, PartialEq, Eq, Hash)]
pub struct PlanMarks {
    pub current: Option<RoleIdx>,
    pub target: Option<RoleIdx>,
    pub held: Vec<RoleIdx>,
    /// (role reached, step number from 1, move kind), in plan order.
    pub steps: Vec<(RoleIdx, usize, MoveKind)>,
}

impl PlanMarks {
    pub fn of(profile: &Profile, ladder: &Ladder) -> PlanMarks {
        PlanMarks {
            current: ladder.role_index(&profile.current_role),
            target: profile
                .target_role
                .as_deref()
                .and_then(|t| ladder.role_index(t)),
            held: profile
                .history
                .iter()
                .filter_map(|h| ladder.role_index(&h.role))
                .collect(),
            // Numbered as the plan numbers them, matched by the one rule (`planned_steps`).
            steps: planned_steps(profile, ladder)
                .iter()
                .enumerate()
                .filter_map(|(i, s)| Some((s.role?, i + 1, s.kind?)))
                .collect(),
        }
    }

    pub fn on_plan(&self, role: RoleIdx) -> bool {
        self.steps.iter().any(|&(r, _, _)| r == role)
    }

    /// The step of the plan that reaches `role`, if one does.
    pub fn step_to(&self, role: RoleIdx) -> Option<(usize, MoveKind)> {
        self.steps
            .iter()
            .find(|(r, _, _)| *r == role)
            .map(|&(_, step, kind)| (step, kind))
    }

    /// The roles of the plan in order, the current role first.
    pub fn route(&self) -> Vec<RoleIdx> {
        self.current
            .into_iter()
            .chain(self.steps.iter().map(|&(r, _, _)| r))
            .collect()
    }

    /// ●★✓① (or ①↗): what a picture of the ladder says before a role's title.
    pub fn prefix(&self, role: RoleIdx, step_mark: StepMark) -> String {
        let mut prefix = String::new();
        for (mark, shown) in [
            ('●', self.current == Some(role)),
            ('★', self.target == Some(role)),
            ('✓', self.held.contains(&role)),
        ] {
            if shown {
                prefix.push(mark);
            }
        }
        for &(_, step, kind) in self.steps.iter().filter(|s| s.0 == role) {
            prefix.push_str(&text::step_number(step));
            if step_mark == StepMark::NumberAndKind {
                prefix.push_str(kind.arrow());
            }
        }
        prefix
    }
}

/// A role's label in a picture of the ladder: its marks, then its title, on one line.
pub fn labelled(prefix: &str, title: &str) -> String {
    let title = text::one_line(title);
    if prefix.is_empty() {
        title
    } else {
        format!("{prefix} {title}")
    }
}
