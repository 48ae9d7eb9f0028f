//! What changes between two roles: the move and the best path there, the levels climbed, the
//! corner left and entered, the competency expectations that rise (role against role) and the
//! milestones the move asks before it. One function, so every front end that shows a role diff
//! (the planner's `d`, `rungs diff`) shows the same one; the milestones are counted by the one
//! readiness rule, which `profile::role_diff` hands in.

use super::model::{CornerIdx, Ladder, LevelIdx, RoleIdx};
use super::moves::MoveKind;
use super::plan::{Path, PathRequest, PlanError, plan};
use crate::text;

/// A competency expected at a higher level on arrival than before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raised {
    pub competency: String,
    pub name: String,
    pub from: u8,
    pub to: u8,
}

/// The milestones of one level a move asks before it: those still open and those the person
/// has done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelMilestones {
    pub level: LevelIdx,
    /// Indexes into the level's milestones, not done yet: these are still to do.
    pub open: Vec<usize>,
    /// Indexes of the ones already done, left out of what is still to do.
    pub done: Vec<usize>,
    /// An earlier level, of which only the milestones still open count.
    pub earlier: bool,
}

/// The corner a move leaves and the one it enters; `None` is an enterprise-wide role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CornerChange {
    pub from: Option<CornerIdx>,
    pub to: Option<CornerIdx>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleDiff {
    pub from: RoleIdx,
    pub to: RoleIdx,
    /// The kind of the move straight from one role to the other.
    pub kind: MoveKind,
    /// Whether one move may make it, by the rules or a bridge.
    pub allowed: bool,
    /// Levels climbed, lowest first: empty for a move across or down.
    pub levels: Vec<LevelIdx>,
    /// The corner change, when the roles are in different corners.
    pub corner: Option<CornerChange>,
    pub raised: Vec<Raised>,
    /// What the move asks before it, per level with milestones counted: the level held and
    /// any the move passes, lowest first, then earlier levels with milestones still open — the
    /// readiness rule (see `profile::readiness_for_move`).
    pub milestones: Vec<LevelMilestones>,
    /// The best path from one role to the other, or why there is none.
    pub path: Result<Path, PlanError>,
}

/// The diff from `from` to `to`, with `milestones`, what the move asks before it, as the
/// readiness rule counts them (`profile::role_diff` gives them).
pub fn role_diff(
    ladder: &Ladder,
    from: RoleIdx,
    to: RoleIdx,
    milestones: Vec<LevelMilestones>,
) -> RoleDiff {
    let (from_level, to_level) = (ladder.role_level(from), ladder.role_level(to));
    // Each role's own expectations where it has them, else its level's.
    let raised = ladder
        .competencies()
        .iter()
        .filter_map(|c| {
            let before = ladder.expects_of(from, &c.id).unwrap_or(0);
            let after = ladder.expects_of(to, &c.id).unwrap_or(0);
            (after > before).then(|| Raised {
                competency: c.id.clone(),
                name: c.name.clone(),
                from: before,
                to: after,
            })
        })
        .collect();
    let levels: Vec<LevelIdx> = (from_level + 1..=to_level).collect();
    let (from_corner, to_corner) = (ladder.role_corner(from), ladder.role_corner(to));
    let path = best_path(ladder, from, to);
    RoleDiff {
        from,
        to,
        kind: ladder.move_kind(from, to),
        allowed: ladder.is_allowed(from, to),
        levels,
        corner: (from_corner != to_corner).then_some(CornerChange {
            from: from_corner,
            to: to_corner,
        }),
        raised,
        milestones,
        path,
    }
}

/// The best path from one role to another for someone with no earlier roles, or why there is
/// none: the path the role diff, compare and the bench show.
pub fn best_path(ladder: &Ladder, from: RoleIdx, to: RoleIdx) -> Result<Path, PlanError> {
    let request = PathRequest {
        from,
        to,
        count: 1,
        ..PathRequest::default()
    };
    plan(ladder, &request).and_then(|paths| {
        paths
            .into_iter()
            .next()
            .ok_or_else(|| PlanError::Unreachable("no path was found".to_string()))
    })
}

/// A corner's name, or "enterprise-wide".
pub fn corner_name(ladder: &Ladder, corner: Option<CornerIdx>) -> String {
    corner.map_or_else(
        || "enterprise-wide".to_string(),
        |c| text::one_line(&ladder.corners()[c].name),
    )
}

impl RoleDiff {
    /// How many milestones the move still asks before it: those counted not done yet.
    pub fn due_count(&self) -> usize {
        self.milestones.iter().map(|l| l.open.len()).sum()
    }

    /// The kinds of the moves on the best path, in order; empty when there is none.
    pub fn path_kinds(&self) -> Vec<MoveKind> {
        self.path
            .as_ref()
            .map(|p| p.steps.iter().map(|s| s.kind).collect())
            .unwrap_or_default()
    }

    /// The level change in words: "Tech lead → Manager (1 up)".
    fn levels_line(&self, ladder: &Ladder) -> String {
        let name = |l: LevelIdx| text::one_line(&ladder.levels()[l].name);
        let (from, to) = (ladder.role_level(self.from), ladder.role_level(self.to));
        match to.cmp(&from) {
            std::cmp::Ordering::Equal => format!("levels: same level ({})", name(to)),
            std::cmp::Ordering::Greater => {
                format!("levels: {} → {} ({} up)", name(from), name(to), to - from)
            }
            std::cmp::Ordering::Less => {
                format!("levels: {} → {} ({} down)", name(from), name(to), from - to)
            }
        }
    }

    /// The best path in words: "best path: 2 moves — ↑ vertical, ↗ diagonal".
    fn path_line(&self, ladder: &Ladder) -> String {
        match &self.path {
            Ok(path) => {
                let kinds: Vec<String> = path.steps.iter().map(|s| s.kind.to_string()).collect();
                let via: Vec<String> = path.roles[1..path.roles.len().saturating_sub(1)]
                    .iter()
                    .map(|&r| text::one_line(&ladder.role(r).title))
                    .collect();
                let mut line = format!(
                    "best path: {} — {}",
                    text::count(path.moves(), "move"),
                    kinds.join(", ")
                );
                if !via.is_empty() {
                    line.push_str(&format!(" (via {})", via.join(", ")));
                }
                line
            }
            Err(e) => format!("best path: none — {e}"),
        }
    }

    /// The diff in plain lines, the same wherever it is shown.
    pub fn describe(&self, ladder: &Ladder) -> Vec<String> {
        let title = |r: RoleIdx| text::one_line(&ladder.role(r).title);
        if self.from == self.to {
            return vec![
                format!("{} is your current role.", title(self.to)),
                "Select another role to see what would change.".to_string(),
            ];
        }
        let mut lines = vec![
            format!("{} → {}", title(self.from), title(self.to)),
            format!(
                "move: {}{}",
                self.kind,
                if self.allowed {
                    ""
                } else {
                    " (not allowed in one step)"
                }
            ),
            self.levels_line(ladder),
        ];
        match self.corner {
            Some(change) => lines.push(format!(
                "corner: {} → {}",
                corner_name(ladder, change.from),
                corner_name(ladder, change.to)
            )),
            None => lines.push(format!(
                "corner: same ({})",
                corner_name(ladder, ladder.role_corner(self.to))
            )),
        }
        lines.push(self.path_line(ladder));
        // Role against role: what each role expects, not what the person shows (compare
        // measures that).
        for r in &self.raised {
            lines.push(format!(
                "expects more {}: role {} → role {}",
                text::one_line(&r.name),
                r.from,
                r.to
            ));
        }
        for level in &self.milestones {
            let def = &ladder.levels()[level.level];
            let name = text::one_line(&def.name);
            if level.earlier {
                lines.push(format!("before the move, still open from {name}:"));
            } else if level.done.is_empty() {
                lines.push(format!("before the move, the {name} milestones:"));
            } else {
                lines.push(format!(
                    "before the move, the {name} milestones ({} of {} done already):",
                    level.done.len(),
                    level.done.len() + level.open.len()
                ));
            }
            for &i in &level.open {
                let m = &def.milestones[i];
                lines.push(format!(
                    "  ○ {} ({})",
                    text::one_line(&m.title),
                    m.kind.label()
                ));
            }
        }
        if self.raised.is_empty() && self.due_count() == 0 && self.corner.is_none() {
            lines.push("nothing new to learn for this move".to_string());
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};

    fn bundled() -> Ladder {
        load_str(BUNDLED[0].1, "bundled").unwrap()
    }

    #[test]
    fn a_climb_of_two_levels_names_the_levels_corners_expectations_and_path() {
        let ladder = bundled();
        let from = ladder.role_index("developer").unwrap();
        let to = ladder.role_index("analytics-manager").unwrap();
        let diff = role_diff(&ladder, from, to, Vec::new());
        let ids: Vec<&str> = diff
            .levels
            .iter()
            .map(|&l| ladder.levels()[l].id.as_str())
            .collect();
        assert_eq!(ids, ["tech-lead", "manager"]);
        let change = diff.corner.unwrap();
        assert_eq!(change.from, ladder.corner_index("dev"));
        assert_eq!(change.to, ladder.corner_index("data"));
        assert_eq!(diff.path_kinds().len(), 2, "two levels take two moves");
        assert!(
            diff.raised
                .iter()
                .any(|r| r.competency == "leadership" && r.from == 2 && r.to == 4),
            "{:?}",
            diff.raised
        );
        // Role against role, and the words say so.
        assert!(
            diff.describe(&ladder)
                .contains(&"expects more Leadership: role 2 → role 4".to_string()),
            "{:?}",
            diff.describe(&ladder)
        );
    }

    #[test]
    fn a_move_across_or_down_raises_no_expectations_or_levels() {
        let ladder = bundled();
        let manager = ladder.role_index("engineering-manager").unwrap();
        let across = ladder.role_index("analytics-manager").unwrap();
        let down = ladder.role_index("developer").unwrap();
        let lateral = role_diff(&ladder, manager, across, Vec::new());
        assert!(lateral.levels.is_empty());
        assert_eq!(lateral.path_kinds(), [MoveKind::Lateral]);
        let lower = role_diff(&ladder, manager, down, Vec::new());
        assert!(lower.raised.is_empty() && lower.levels.is_empty());
        assert!(
            lower.describe(&ladder)[2].contains("down"),
            "{:?}",
            lower.describe(&ladder)
        );
    }
}
