//! What changes between two roles: the move, a new corner, the competency expectations that
//! rise and the milestones of the levels climbed — and only that. One function, so every front
//! end that shows a role diff shows the same one.

use super::model::{Ladder, LevelIdx, RoleIdx};
use super::moves::MoveKind;
use crate::text;

/// A competency expected at a higher level on arrival than before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raised {
    pub competency: String,
    pub name: String,
    pub from: u8,
    pub to: u8,
}

/// The milestones a level adds on the way, not yet done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelMilestones {
    pub level: LevelIdx,
    /// Indexes into the level's milestones.
    pub milestones: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleDiff {
    pub from: RoleIdx,
    pub to: RoleIdx,
    pub kind: MoveKind,
    /// Whether one move may make it, by the rules or a bridge.
    pub allowed: bool,
    /// The corner entered, when it is another one.
    pub new_corner: bool,
    pub raised: Vec<Raised>,
    pub milestones: Vec<LevelMilestones>,
}

/// The diff from `from` to `to`; `is_done` says which milestones the person has done already,
/// so they are left out.
pub fn role_diff(
    ladder: &Ladder,
    from: RoleIdx,
    to: RoleIdx,
    is_done: &dyn Fn(&str) -> bool,
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
    let milestones = (from_level + 1..=to_level)
        .filter_map(|level| {
            let def = &ladder.levels()[level];
            let open: Vec<usize> = (0..def.milestones.len())
                .filter(|&i| !is_done(&def.milestones[i].id))
                .collect();
            (!open.is_empty()).then_some(LevelMilestones {
                level,
                milestones: open,
            })
        })
        .collect();
    RoleDiff {
        from,
        to,
        kind: ladder.move_kind(from, to),
        allowed: ladder.is_allowed(from, to),
        new_corner: ladder.role_corner(from) != ladder.role_corner(to),
        raised,
        milestones,
    }
}

impl RoleDiff {
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
                "move: {} {}{}",
                self.kind.arrow(),
                self.kind.name(),
                if self.allowed {
                    ""
                } else {
                    " (not allowed in one step)"
                }
            ),
        ];
        if self.new_corner {
            lines.push(format!(
                "new corner: {}",
                text::one_line(ladder.corner_name_of(self.to))
            ));
        }
        for r in &self.raised {
            lines.push(format!(
                "expects more {}: {} → {}",
                text::one_line(&r.name),
                r.from,
                r.to
            ));
        }
        for level in &self.milestones {
            let def = &ladder.levels()[level.level];
            lines.push(format!("new at {}:", text::one_line(&def.name)));
            for &i in &level.milestones {
                let m = &def.milestones[i];
                lines.push(format!(
                    "  ○ {} ({})",
                    text::one_line(&m.title),
                    m.kind.label()
                ));
            }
        }
        if self.raised.is_empty() && self.milestones.is_empty() && !self.new_corner {
            lines.push("nothing new to learn for this move".to_string());
        }
        lines
    }
}
