//! How a path is judged: the cost the planner minimises move by move, the "leading a craft you
//! have not practised" rule, and breadth. The search and the ranking of finished paths both use
//! [`Ladder::step_score`], so "best" has one definition.

use super::model::{CornerIdx, Ladder, RoleIdx};
use super::moves::MoveKind;

/// The cost of a path, compared field by field in this order; lower is better. The order is the
/// planner's priorities, as the README explains them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score {
    /// Moves that climb past a level. First, so a skip is never preferred to a route that
    /// takes the level in between, however much longer: each level carries its own training.
    pub skips: u32,
    pub moves: u32,
    /// Moves into a hands-on level of a corner with no tie to the person's history.
    pub unpractised_crafts: u32,
    /// Moves that enter no business-facing corner the person has not been in.
    pub missed_business_corners: u32,
    /// Moves that enter no corner the person has not been in.
    pub missed_corners: u32,
    /// Moves that do not go up and across at once.
    pub not_diagonal: u32,
    /// Diagonal moves out of a corner that has neighbours, into one that is not among them.
    pub distant_diagonals: u32,
}

impl Score {
    pub(crate) const UNREACHED: Score = Score {
        skips: u32::MAX,
        moves: u32::MAX,
        unpractised_crafts: u32::MAX,
        missed_business_corners: u32::MAX,
        missed_corners: u32::MAX,
        not_diagonal: u32::MAX,
        distant_diagonals: u32::MAX,
    };

    /// A lower bound for `moves` moves with nothing else known.
    pub(crate) fn moves_only(moves: u32) -> Score {
        Score {
            moves,
            ..Score::default()
        }
    }

    pub(crate) fn plus(self, other: Score) -> Score {
        Score {
            skips: self.skips.saturating_add(other.skips),
            moves: self.moves.saturating_add(other.moves),
            unpractised_crafts: self
                .unpractised_crafts
                .saturating_add(other.unpractised_crafts),
            missed_business_corners: self
                .missed_business_corners
                .saturating_add(other.missed_business_corners),
            missed_corners: self.missed_corners.saturating_add(other.missed_corners),
            not_diagonal: self.not_diagonal.saturating_add(other.not_diagonal),
            distant_diagonals: self
                .distant_diagonals
                .saturating_add(other.distant_diagonals),
        }
    }
}

/// A set of corners as bits, `corner_words` words long: cheap to copy per search state.
pub(crate) type CornerBits = [u64];

pub(crate) fn corner_words(ladder: &Ladder) -> usize {
    ladder.corners().len().div_ceil(64).max(1)
}

pub(crate) fn has_corner(bits: &CornerBits, corner: CornerIdx) -> bool {
    bits[corner / 64] & (1 << (corner % 64)) != 0
}

pub(crate) fn add_corner(bits: &mut CornerBits, corner: CornerIdx) {
    bits[corner / 64] |= 1 << (corner % 64);
}

impl Ladder {
    /// Whether moving from one role to the other means leading hands-on work in a craft with no
    /// tie to the person's history: the move enters a hands-on level above the entry level
    /// (where everyone starts practising), not by stepping down, in a corner that is neither
    /// one `held` nor a neighbour of one.
    pub fn leads_unpractised_craft(
        &self,
        from: RoleIdx,
        to: RoleIdx,
        held: impl Fn(CornerIdx) -> bool,
    ) -> bool {
        let level = self.role_level(to);
        if level == 0 || !self.is_hands_on(level) || self.move_kind(from, to) == MoveKind::Down {
            return false;
        }
        match self.role_corner(to) {
            Some(corner) => !held(corner) && !self.near(corner).iter().any(|&n| held(n)),
            None => false,
        }
    }

    /// The cost of one move, given the corners `seen` so far (history, and the path up to and
    /// including `from`).
    pub(crate) fn step_score(
        &self,
        from: RoleIdx,
        to: RoleIdx,
        kind: MoveKind,
        seen: &CornerBits,
    ) -> Score {
        let to_corner = self.role_corner(to);
        let new_corner = to_corner.filter(|&c| !has_corner(seen, c));
        let new_business = new_corner.is_some_and(|c| self.corners()[c].business_facing);
        // Out of a corner with no neighbours every diagonal is distant: counting them would only
        // repeat `not_diagonal`, and make every longer path look worse to the search.
        let distant = kind == MoveKind::Diagonal
            && match (self.role_corner(from), to_corner) {
                (Some(a), Some(b)) => !self.near(a).is_empty() && !self.are_near(a, b),
                _ => false,
            };
        Score {
            skips: u32::from(kind == MoveKind::Skip),
            moves: 1,
            unpractised_crafts: u32::from(
                self.leads_unpractised_craft(from, to, |c| has_corner(seen, c)),
            ),
            missed_business_corners: u32::from(!new_business),
            missed_corners: u32::from(new_corner.is_none()),
            not_diagonal: u32::from(kind != MoveKind::Diagonal),
            distant_diagonals: u32::from(distant),
        }
    }
}

/// Corners visited, and how many of them face the business: seed 004's measure of breadth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breadth {
    /// Distinct corners, in the order first visited.
    pub corners: Vec<CornerIdx>,
    /// How many of `corners` are business-facing.
    pub business_facing: usize,
    /// How many corners of the ladder are business-facing.
    pub business_facing_total: usize,
}

impl Breadth {
    pub fn of(ladder: &Ladder, corners: &[CornerIdx]) -> Breadth {
        Breadth {
            corners: corners.to_vec(),
            business_facing: corners
                .iter()
                .filter(|&&c| ladder.corners()[c].business_facing)
                .count(),
            business_facing_total: ladder.business_facing_corners(),
        }
    }

    /// "business-facing corners: 3 of 6", or `None` for a ladder that marks none.
    pub fn business_facing_line(&self) -> Option<String> {
        (self.business_facing_total > 0).then(|| {
            format!(
                "business-facing corners: {} of {}",
                self.business_facing, self.business_facing_total
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::load_str;

    const LADDER: &str = r#"(
        format: 1, id: "t", name: "T",
        levels: [
            (id: "ic", name: "IC", milestones: [(id: "m1", title: "M1", stage: Preliminary, kind: Course)]),
            (id: "lead", name: "Lead", milestones: [(id: "m2", title: "M2", stage: Preparatory, kind: Practice)]),
            (id: "boss", name: "Boss", milestones: [(id: "m3", title: "M3", stage: Developmental, kind: Project)]),
        ],
        corners: [
            (id: "a", name: "A", business_facing: true, near: ["b"]),
            (id: "b", name: "B"),
            (id: "c", name: "C", business_facing: true),
        ],
        roles: [
            (id: "a1", title: "A1", level: "ic", corner: "a"),
            (id: "b1", title: "B1", level: "ic", corner: "b"),
            (id: "a2", title: "A2", level: "lead", corner: "a"),
            (id: "b2", title: "B2", level: "lead", corner: "b"),
            (id: "c2", title: "C2", level: "lead", corner: "c"),
            (id: "c3", title: "C3", level: "boss", corner: "c"),
        ],
    )"#;

    fn role(ladder: &Ladder, id: &str) -> RoleIdx {
        ladder.role_index(id).unwrap()
    }

    #[test]
    fn hands_on_levels_follow_their_training_unless_they_say() {
        let ladder = load_str(LADDER, "t").unwrap();
        assert!(ladder.is_hands_on(0) && ladder.is_hands_on(1));
        assert!(
            !ladder.is_hands_on(2),
            "developmental training is for managers"
        );
        let said = LADDER.replace(
            "(id: \"lead\", name: \"Lead\",",
            "(id: \"lead\", name: \"Lead\", hands_on: false,",
        );
        assert!(!load_str(&said, "t").unwrap().is_hands_on(1));
    }

    #[test]
    fn without_milestones_the_lower_half_is_hands_on() {
        let src = r#"(format: 1, id: "t", name: "T",
            levels: [(id: "a", name: "A"), (id: "b", name: "B"), (id: "c", name: "C"), (id: "d", name: "D")],
            roles: [(id: "r", title: "R", level: "a"), (id: "s", title: "S", level: "b"),
                    (id: "t", title: "T", level: "c"), (id: "u", title: "U", level: "d")])"#;
        let ladder = load_str(src, "t").unwrap();
        let hands_on: Vec<bool> = (0..4).map(|l| ladder.is_hands_on(l)).collect();
        assert_eq!(hands_on, vec![true, true, false, false]);
    }

    #[test]
    fn leading_a_craft_needs_a_tie_to_it_or_a_neighbour() {
        let ladder = load_str(LADDER, "t").unwrap();
        let (a1, b1) = (role(&ladder, "a1"), role(&ladder, "b1"));
        let (b2, c2, c3) = (
            role(&ladder, "b2"),
            role(&ladder, "c2"),
            role(&ladder, "c3"),
        );
        let held_a = |c: CornerIdx| c == 0;
        assert!(
            !ladder.leads_unpractised_craft(a1, b2, held_a),
            "b is next to a"
        );
        assert!(ladder.leads_unpractised_craft(a1, c2, held_a));
        assert!(
            !ladder.leads_unpractised_craft(a1, c2, |c| c == 0 || c == 2),
            "c was held earlier"
        );
        assert!(
            !ladder.leads_unpractised_craft(c2, c3, |_| false),
            "the boss level is not hands-on"
        );
        assert!(
            !ladder.leads_unpractised_craft(a1, b1, |_| false),
            "the entry level is where a craft is learned"
        );
        assert!(
            !ladder.leads_unpractised_craft(c3, b2, |_| false),
            "moving down is not leading"
        );
    }

    #[test]
    fn breadth_counts_business_facing_corners() {
        let ladder = load_str(LADDER, "t").unwrap();
        let breadth = Breadth::of(&ladder, &[0, 1]);
        assert_eq!(
            breadth.business_facing_line().as_deref(),
            Some("business-facing corners: 1 of 2")
        );
        let plain = load_str(&crate::ladder::synthetic_ladder_source(2, 2), "s").unwrap();
        assert_eq!(Breadth::of(&plain, &[0, 1]).business_facing_line(), None);
    }
}
