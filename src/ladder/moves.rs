//! What kind of move a change of role is, and whether the ladder's rules allow it.

use std::fmt;

use serde::Serialize;

use super::model::{Ladder, LevelIdx, RoleIdx};

/// The kind of a move, always derived from the two roles and never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MoveKind {
    /// Up within the rules' step in the same corner; into an enterprise-wide role from a role
    /// at its level or below (CTO → CIO); out of one into a higher level.
    Vertical,
    /// Same level, another corner.
    Lateral,
    /// Up and into another corner at once: the move the advice recommends.
    Diagonal,
    /// To a lower level, or from an enterprise-wide role into a corner of its level (CIO → CTO).
    Down,
    /// Up by more levels than the rules' `max_step_up`.
    Skip,
}

impl MoveKind {
    pub fn name(self) -> &'static str {
        match self {
            MoveKind::Vertical => "vertical",
            MoveKind::Lateral => "lateral",
            MoveKind::Diagonal => "diagonal",
            MoveKind::Down => "down",
            MoveKind::Skip => "skip",
        }
    }

    pub fn arrow(self) -> &'static str {
        match self {
            MoveKind::Vertical => "↑",
            MoveKind::Lateral => "→",
            MoveKind::Diagonal => "↗",
            MoveKind::Down => "↓",
            MoveKind::Skip => "⇑",
        }
    }
}

/// "↗ diagonal": the arrow and the name, as every screen and report shows a move (a width pads
/// the whole).
impl fmt::Display for MoveKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&format!("{} {}", self.arrow(), self.name()))
    }
}

impl Ladder {
    /// The kind of the move from one role to another.
    pub fn move_kind(&self, from: RoleIdx, to: RoleIdx) -> MoveKind {
        let from_level = self.role_level(from);
        let to_level = self.role_level(to);
        let (from_corner, to_corner) = (self.role_corner(from), self.role_corner(to));
        if to_level < from_level {
            return MoveKind::Down;
        }
        let climb = to_level - from_level;
        if climb > self.rules().max_step_up as usize {
            return MoveKind::Skip;
        }
        if climb == 0 {
            // Widening from one corner to all of IT at the same level is a promotion, and
            // narrowing back is the reverse.
            return match (from_corner, to_corner) {
                (Some(_), None) => MoveKind::Vertical,
                (None, Some(_)) => MoveKind::Down,
                _ => MoveKind::Lateral,
            };
        }
        let enterprise_wide = from_corner.is_none() || to_corner.is_none();
        if enterprise_wide || from_corner == to_corner {
            MoveKind::Vertical
        } else {
            MoveKind::Diagonal
        }
    }

    /// The levels a move passes over: those between the two roles' levels when it climbs more
    /// than one (empty for any other move).
    pub fn levels_passed(&self, from: RoleIdx, to: RoleIdx) -> std::ops::Range<LevelIdx> {
        let (from_level, to_level) = (self.role_level(from), self.role_level(to));
        if to_level > from_level + 1 {
            from_level + 1..to_level
        } else {
            0..0
        }
    }

    /// Whether a person may move from one role to the other in a single step: within the rules
    /// or along a bridge.
    pub fn is_allowed(&self, from: RoleIdx, to: RoleIdx) -> bool {
        if from == to {
            return false;
        }
        if self.bridges_from(from).contains(&to) {
            return true;
        }
        match self.move_kind(from, to) {
            MoveKind::Vertical | MoveKind::Lateral | MoveKind::Diagonal => true,
            MoveKind::Down => self.rules().allow_down,
            MoveKind::Skip => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::load_str;

    const LADDER: &str = r#"(
        format: 1, id: "t", name: "T",
        levels: [(id: "l1", name: "One"), (id: "l2", name: "Two"), (id: "l3", name: "Three"), (id: "top", name: "Top")],
        corners: [(id: "a", name: "A"), (id: "b", name: "B")],
        roles: [
            (id: "a1", title: "A1", level: "l1", corner: "a"),
            (id: "b1", title: "B1", level: "l1", corner: "b"),
            (id: "a2", title: "A2", level: "l2", corner: "a"),
            (id: "b2", title: "B2", level: "l2", corner: "b"),
            (id: "a3", title: "A3", level: "l3", corner: "a"),
            (id: "b3-wide", title: "Wide B3", level: "l3"),
            (id: "c3-wide", title: "Wide C3", level: "l3"),
            (id: "chief", title: "Chief", level: "top"),
        ],
        bridges: [(from: "a1", to: "a3", skip_reason: "a test of skips")],
        rules: (allow_down: false),
    )"#;

    fn ids(ladder: &Ladder, from: &str, to: &str) -> (RoleIdx, RoleIdx) {
        (
            ladder.role_index(from).unwrap(),
            ladder.role_index(to).unwrap(),
        )
    }

    #[test]
    fn a_move_shows_as_its_arrow_and_name_and_a_width_pads_the_whole() {
        assert_eq!(MoveKind::Diagonal.to_string(), "↗ diagonal");
        assert_eq!(format!("{:<10}|", MoveKind::Down), "↓ down    |");
    }

    #[test]
    fn move_kinds_follow_level_and_corner() {
        let ladder = load_str(LADDER, "t").unwrap();
        let kind = |a, b| {
            let (f, t) = ids(&ladder, a, b);
            ladder.move_kind(f, t)
        };
        assert_eq!(kind("a1", "a2"), MoveKind::Vertical);
        assert_eq!(kind("a1", "b1"), MoveKind::Lateral);
        assert_eq!(kind("a1", "b2"), MoveKind::Diagonal);
        assert_eq!(kind("b2", "a1"), MoveKind::Down);
        assert_eq!(kind("a1", "a3"), MoveKind::Skip);
        assert_eq!(
            kind("a3", "chief"),
            MoveKind::Vertical,
            "into an enterprise-wide role"
        );
    }

    #[test]
    fn into_the_enterprise_wide_role_of_the_same_level_is_a_step_up() {
        let ladder = load_str(LADDER, "t").unwrap();
        let kind = |a, b| {
            let (f, t) = ids(&ladder, a, b);
            ladder.move_kind(f, t)
        };
        assert_eq!(kind("a3", "b3-wide"), MoveKind::Vertical, "CTO → CIO");
        assert_eq!(kind("b3-wide", "a3"), MoveKind::Down, "CIO → CTO");
        assert_eq!(kind("b3-wide", "c3-wide"), MoveKind::Lateral);
        assert_eq!(kind("a2", "b3-wide"), MoveKind::Vertical);
        assert!(
            !ladder.is_allowed(
                ladder.role_index("b3-wide").unwrap(),
                ladder.role_index("a3").unwrap()
            ),
            "allow_down: false forbids narrowing into a corner too"
        );
    }

    #[test]
    fn rules_and_bridges_decide_what_is_allowed() {
        let ladder = load_str(LADDER, "t").unwrap();
        let allowed = |a, b| {
            let (f, t) = ids(&ladder, a, b);
            ladder.is_allowed(f, t)
        };
        assert!(allowed("a1", "b2"));
        assert!(
            !allowed("b2", "a1"),
            "allow_down: false forbids moving down"
        );
        assert!(!allowed("b1", "a3"), "a skip needs a bridge");
        assert!(allowed("a1", "a3"), "the bridge allows this skip");
        assert!(!allowed("a1", "a1"));
    }
}
