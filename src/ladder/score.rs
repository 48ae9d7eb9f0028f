//! How a path is judged: the cost the planner minimises move by move, the "leading a function you
//! have not worked in" rule, what the target counts as breadth and depth ([`Goal`]), and breadth. The search and the ranking of finished paths both use
//! [`Ladder::step_score`], so "best" has one definition.

use super::model::{CornerIdx, Ladder, LevelIdx, RoleIdx};
use super::moves::MoveKind;
use crate::text;

/// The cost of a path, compared field by field in this order; lower is better. The order is the
/// planner's priorities, as the README explains them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score {
    /// Moves that climb past a level. First, so a skip is never preferred to a route that
    /// takes the level in between, however much longer: each level carries its own training.
    pub skips: u32,
    pub moves: u32,
    /// Moves into a function the person has not worked in, nor in one next to it (see
    /// [`Ladder::leads_unfamiliar_function`]). Right after the moves, so a route on familiar
    /// ground wins over any as short that is not, at every level.
    pub unfamiliar_moves: u32,
    /// 1 when the target is a specialist chief (CTO, CISO, …) and the path holds no leading
    /// role in the target's corner before it, though the ladder has one (see [`Goal`]).
    pub missing_depth: u32,
    /// Moves out of a leading role in a specialist chief's corner into another corner before
    /// the chief's role: depth comes last, so the chief steps up from leading the function.
    pub depth_left: u32,
    /// 1 when the person's first lead role (the first at [`Ladder::lead_level`] or above) is
    /// not in the craft they practise, though the ladder has one there: a developer first
    /// leads developers (see [`Goal::first_lead_elsewhere`]).
    pub first_lead_elsewhere: u32,
    /// Moves out of an enterprise-wide role into one corner. Before breadth, so a generalist
    /// (IT manager) climbs the generalist track (IT director, then CIO) rather than being sent
    /// into a corner for the sake of one more corner on the path; someone still in a corner
    /// is not affected.
    pub narrowings: u32,
    /// Moves into a role outside a specialist target's corner (before the target): depth in
    /// the function comes before breadth around it. Always 0 toward a generalist target.
    pub outside_function: u32,
    /// Moves that bring none of the breadth the target counts first: a business-facing corner
    /// new to the person, or a first role across all of IT, on the way to a generalist
    /// target; a new corner next to the target's, on the way to a specialist one.
    pub missed_business_corners: u32,
    /// Moves that bring no breadth the target counts at all (see [`Goal`]).
    pub missed_corners: u32,
    /// Moves that do not go up and across at once, other than a step up into an
    /// enterprise-wide role (see [`Ladder::step_score`]).
    pub not_diagonal: u32,
    /// Diagonal moves out of a corner that has neighbours, into one that is not among them.
    pub distant_diagonals: u32,
}

impl Score {
    pub(crate) const UNREACHED: Score = Score {
        skips: u32::MAX,
        moves: u32::MAX,
        unfamiliar_moves: u32::MAX,
        missing_depth: u32::MAX,
        depth_left: u32::MAX,
        first_lead_elsewhere: u32::MAX,
        narrowings: u32::MAX,
        outside_function: u32::MAX,
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
            unfamiliar_moves: self.unfamiliar_moves.saturating_add(other.unfamiliar_moves),
            missing_depth: self.missing_depth.saturating_add(other.missing_depth),
            depth_left: self.depth_left.saturating_add(other.depth_left),
            first_lead_elsewhere: self
                .first_lead_elsewhere
                .saturating_add(other.first_lead_elsewhere),
            narrowings: self.narrowings.saturating_add(other.narrowings),
            outside_function: self.outside_function.saturating_add(other.outside_function),
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

/// A set of corners as bits, `corner_words` words long: cheap to copy per search state. One bit
/// past the last corner, [`generalist_bit`], stands for "has held a role across all of IT".
pub(crate) type CornerBits = [u64];

pub(crate) fn corner_words(ladder: &Ladder) -> usize {
    (ladder.corners().len() + 1).div_ceil(64)
}

/// The bit of [`CornerBits`] that a role across all of IT sets.
pub(crate) fn generalist_bit(ladder: &Ladder) -> usize {
    ladder.corners().len()
}

pub(crate) fn has_corner(bits: &CornerBits, corner: CornerIdx) -> bool {
    bits[corner / 64] & (1 << (corner % 64)) != 0
}

pub(crate) fn add_corner(bits: &mut CornerBits, corner: CornerIdx) {
    bits[corner / 64] |= 1 << (corner % 64);
}

/// Marks what holding `role` adds to `seen`: its corner, or the generalist bit.
pub(crate) fn add_role(ladder: &Ladder, seen: &mut CornerBits, role: RoleIdx) {
    match ladder.role_corner(role) {
        Some(c) => add_corner(seen, c),
        None => add_corner(seen, generalist_bit(ladder)),
    }
}

/// What a path is planned toward, which decides what counts as breadth and what depth the path
/// needs.
///
/// - A generalist target (a role across all of IT: CIO, Chief Digital Officer, IT director)
///   counts breadth as seed 004 does, business-facing corners first; a first role across all
///   of IT below the target's level (IT manager, IT director) counts as a business-facing
///   corner too, since it leads every corner at once.
/// - A specialist target (a role in one corner) asks for depth first: every move outside its
///   corner counts against a path ([`Score::outside_function`]); breadth counts only its own
///   corner and those next to it, after that.
/// - A specialist chief (a top-level role in a corner: CTO, CISO, CDO) needs a role in its
///   corner at a leading level below the level under it (a tech lead or a manager, not only a
///   director), when the ladder has one: see [`Ladder::depth_levels`].
#[derive(Debug, Clone)]
pub(crate) struct Goal {
    pub target: RoleIdx,
    /// Bits whose first visit counts as breadth.
    pub breadth: Vec<u64>,
    /// Of those, the ones that count first.
    pub business: Vec<u64>,
    /// The target's corner, for a specialist target.
    pub corner: Option<CornerIdx>,
    /// The specialist chief's corner, when the ladder has a role in it at [`Goal::depth_levels`].
    pub depth: Option<CornerIdx>,
    /// The levels, lowest and highest, whose roles in `depth` give it.
    pub depth_levels: (LevelIdx, LevelIdx),
    /// The level of a first lead role ([`Ladder::lead_level`]).
    lead: Option<LevelIdx>,
    /// For each level a first lead role can be at, the corners with a role there, as
    /// [`CornerBits`] of `words` words (none for other levels).
    cells: Vec<u64>,
    words: usize,
}

impl Goal {
    pub(crate) fn new(ladder: &Ladder, target: RoleIdx) -> Goal {
        let words = corner_words(ladder);
        let mut breadth = vec![0u64; words];
        let mut business = vec![0u64; words];
        let corner = ladder.role_corner(target);
        match corner {
            None => {
                for (c, corner) in ladder.corners().iter().enumerate() {
                    add_corner(&mut breadth, c);
                    if corner.business_facing {
                        add_corner(&mut business, c);
                    }
                }
                add_corner(&mut breadth, generalist_bit(ladder));
                add_corner(&mut business, generalist_bit(ladder));
            }
            Some(corner) => {
                for &c in std::iter::once(&corner).chain(ladder.near(corner)) {
                    add_corner(&mut breadth, c);
                    add_corner(&mut business, c);
                }
            }
        }
        let top = ladder.levels().len() - 1;
        let target_level = ladder.role_level(target);
        let depth_levels = corner
            .filter(|_| target_level == top)
            .and_then(|c| ladder.depth_levels(c, target_level));
        // A first lead role is at most one move above the level below the lead level.
        let lead = ladder.lead_level();
        let mut cells = vec![0u64; ladder.levels().len() * words];
        if let Some(lead) = lead {
            let reach = (lead + ladder.rules().max_step_up as usize).min(ladder.levels().len());
            for level in lead..reach {
                for &role in ladder.roles_at_level(level) {
                    if let Some(c) = ladder.role_corner(role) {
                        add_corner(&mut cells[level * words..(level + 1) * words], c);
                    }
                }
            }
        }
        Goal {
            target,
            breadth,
            business,
            corner,
            depth: depth_levels.and(corner),
            depth_levels: depth_levels.unwrap_or((0, 0)),
            lead,
            cells,
            words,
        }
    }

    /// Whether holding `role` gives the depth a specialist chief needs: a role other than the
    /// target, in its corner, at one of [`Goal::depth_levels`].
    pub(crate) fn leads_in_depth(&self, ladder: &Ladder, role: RoleIdx) -> bool {
        let level = ladder.role_level(role);
        role != self.target
            && self.depth.is_some()
            && ladder.role_corner(role) == self.depth
            && (self.depth_levels.0..=self.depth_levels.1).contains(&level)
    }

    /// Whether a move from `from` into `to` is the person's first lead role (it climbs from
    /// below [`Ladder::lead_level`] to it or above) and leaves the craft they practise, though
    /// that corner has a role at the level climbed to. A developer first leads developers; a
    /// move across comes after, once they lead.
    pub(crate) fn first_lead_elsewhere(&self, ladder: &Ladder, from: RoleIdx, to: RoleIdx) -> bool {
        let Some(lead) = self.lead else {
            return false;
        };
        let (from_level, to_level) = (ladder.role_level(from), ladder.role_level(to));
        let Some(craft) = ladder.role_corner(from) else {
            return false;
        };
        if !(from_level < lead && to_level >= lead && ladder.role_corner(to) != Some(craft)) {
            return false;
        }
        let cell = &self.cells[to_level * self.words..(to_level + 1) * self.words];
        // Only a bridge climbs past the levels kept in `cells`.
        has_corner(cell, craft)
            || ladder
                .roles_at_level(to_level)
                .iter()
                .any(|&r| ladder.role_corner(r) == Some(craft))
    }

    /// The breadth bit a move into `to` brings, if it is new: its corner, or the generalist bit
    /// for a role across all of IT below the target's level.
    fn new_breadth(&self, ladder: &Ladder, to: RoleIdx, seen: &CornerBits) -> Option<usize> {
        let bit = match ladder.role_corner(to) {
            Some(c) => c,
            None if ladder.role_level(to) < ladder.role_level(self.target) => {
                generalist_bit(ladder)
            }
            None => return None,
        };
        (has_corner(&self.breadth, bit) && !has_corner(seen, bit)).then_some(bit)
    }
}

impl Ladder {
    /// The level where people first lead others in their craft: the one just below the first
    /// level that is not hands-on (a tech lead, who leads a team and still practises), or the
    /// first level that is not hands-on itself when only the entry level lies below it. `None`
    /// when every level is hands-on.
    pub fn lead_level(&self) -> Option<LevelIdx> {
        let first = self.first_leading_level()?;
        let lead = first.saturating_sub(1).max(1);
        (lead < self.levels().len()).then_some(lead)
    }

    /// Whether `level` is [`Ladder::lead_level`] or above: people there lead a team or a
    /// function.
    pub fn is_leading_level(&self, level: LevelIdx) -> bool {
        self.lead_level().is_some_and(|lead| level >= lead)
    }

    /// The levels, lowest and highest, at which a role in `corner` gives a specialist chief at
    /// `target_level` the depth they need: from [`Ladder::lead_level`] up to the level below
    /// the one under the chief (a tech lead or a manager, not only a director) when the corner
    /// has a role there; else up to the level under the chief. `None` when the corner has no
    /// role at any of them.
    pub fn depth_levels(
        &self,
        corner: CornerIdx,
        target_level: LevelIdx,
    ) -> Option<(LevelIdx, LevelIdx)> {
        let lead = self.lead_level()?;
        let has_role = |lo: LevelIdx, hi: LevelIdx| {
            (lo..=hi).any(|l| {
                self.roles_at_level(l)
                    .iter()
                    .any(|&r| self.role_corner(r) == Some(corner))
            })
        };
        [2, 1].into_iter().find_map(|below| {
            let hi = target_level.checked_sub(below)?;
            (lead <= hi && has_role(lead, hi)).then_some((lead, hi))
        })
    }

    /// The corners a person knows before a path starts: those `held` (their history and
    /// current role) and those the ladder marks `near` to one of them. A path adds only the
    /// corners it actually holds, never their neighbours: familiar ground does not chain.
    pub(crate) fn familiar_ground(&self, held: impl IntoIterator<Item = CornerIdx>) -> Vec<u64> {
        let mut ground = vec![0u64; corner_words(self)];
        for c in held {
            add_corner(&mut ground, c);
            for &n in self.near(c) {
                add_corner(&mut ground, n);
            }
        }
        ground
    }

    /// Whether moving from one role to the other means leading a function with no tie to the
    /// person's past: the move enters a corner above the entry level (where everyone starts
    /// practising), not by stepping down, that is not `familiar` — see
    /// [`Ladder::familiar_ground`]; the caller adds the corners held on the path so far. A
    /// move into a role across all of IT is always on familiar ground. This holds at every
    /// level: a director is no more ready than a tech lead to lead a function they have never
    /// been near.
    ///
    /// A ladder that names no neighbours at all gives no way to tell a related corner from an
    /// unrelated one; there, as before `near` existed, only hands-on levels are checked, so
    /// that a path can still cross corners once the person leads rather than practises.
    pub fn leads_unfamiliar_function(
        &self,
        from: RoleIdx,
        to: RoleIdx,
        familiar: impl Fn(CornerIdx) -> bool,
    ) -> bool {
        let level = self.role_level(to);
        if level == 0
            || (!self.marks_near() && !self.is_hands_on(level))
            || self.move_kind(from, to) == MoveKind::Down
        {
            return false;
        }
        match self.role_corner(to) {
            Some(corner) => self.role_corner(from) != Some(corner) && !familiar(corner),
            None => false,
        }
    }

    /// The cost of one move, given the corners `seen` so far (history, and the path up to and
    /// including `from`), the person's `familiar` ground ([`Ladder::familiar_ground`]) and the
    /// `goal`. The depth a specialist chief needs depends on the whole path, so the caller
    /// charges it on the move into the target.
    ///
    /// A step up into an enterprise-wide role (CTO → CIO, IT manager → IT director) cannot go
    /// across, since the role spans every corner, so it is not charged as a move that fails to
    /// go up and across; like any move, it is charged for bringing no breadth the goal counts,
    /// which keeps people in a corner moving through corners on their way up.
    pub(crate) fn step_score(
        &self,
        from: RoleIdx,
        to: RoleIdx,
        kind: MoveKind,
        seen: &CornerBits,
        familiar: &CornerBits,
        goal: &Goal,
    ) -> Score {
        let to_corner = self.role_corner(to);
        let new = goal.new_breadth(self, to, seen);
        let new_business = new.is_some_and(|b| has_corner(&goal.business, b));
        // Out of a corner with no neighbours every diagonal is distant: counting them would only
        // repeat `not_diagonal`, and make every longer path look worse to the search.
        let distant = kind == MoveKind::Diagonal
            && match (self.role_corner(from), to_corner) {
                (Some(a), Some(b)) => !self.near(a).is_empty() && !self.are_near(a, b),
                _ => false,
            };
        let up_and_across = match kind {
            MoveKind::Diagonal => true,
            MoveKind::Vertical => to_corner.is_none(),
            _ => false,
        };
        let leaves_depth = goal.depth.is_some()
            && self.role_corner(from) == goal.depth
            && from != goal.target
            && self.is_leading_level(self.role_level(from));
        Score {
            skips: u32::from(kind == MoveKind::Skip),
            moves: 1,
            unfamiliar_moves: u32::from(self.leads_unfamiliar_function(from, to, |c| {
                has_corner(seen, c) || has_corner(familiar, c)
            })),
            missing_depth: 0,
            depth_left: u32::from(leaves_depth && to_corner != goal.depth),
            first_lead_elsewhere: u32::from(goal.first_lead_elsewhere(self, from, to)),
            narrowings: u32::from(self.role_corner(from).is_none() && to_corner.is_some()),
            outside_function: u32::from(
                goal.corner.is_some() && to != goal.target && to_corner != goal.corner,
            ),
            missed_business_corners: u32::from(!new_business),
            missed_corners: u32::from(new.is_none()),
            not_diagonal: u32::from(!up_and_across),
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

    /// The corners by name: "2 corners — Data & analytics, Security", or "no corners yet"
    /// before there are any (a generalist's history holds none).
    pub fn corner_list(&self, ladder: &Ladder) -> String {
        if self.corners.is_empty() {
            return "no corners yet".to_string();
        }
        let names: Vec<String> = self
            .corners
            .iter()
            .map(|&c| text::one_line(&ladder.corners()[c].name))
            .collect();
        format!(
            "{} — {}",
            text::count(self.corners.len(), "corner"),
            names.join(", ")
        )
    }

    /// "3 corners · business-facing corners: 2 of 6"; where no role has a corner (every one
    /// spans all of IT) it says so, rather than counting none of six as if breadth were missing.
    pub fn summary(&self) -> String {
        if self.corners.is_empty() {
            return "no single corner: every role spans all of IT".to_string();
        }
        let mut summary = text::count(self.corners.len(), "corner");
        if let Some(line) = self.business_facing_line() {
            summary.push_str(" · ");
            summary.push_str(&line);
        }
        summary
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
    fn leading_a_function_needs_a_tie_to_it_or_a_neighbour_at_every_level() {
        let ladder = load_str(LADDER, "t").unwrap();
        let (a1, b1) = (role(&ladder, "a1"), role(&ladder, "b1"));
        let (b2, c2, c3) = (
            role(&ladder, "b2"),
            role(&ladder, "c2"),
            role(&ladder, "c3"),
        );
        let ground = ladder.familiar_ground([0]);
        let held_a = |c: CornerIdx| has_corner(&ground, c);
        assert!(
            !ladder.leads_unfamiliar_function(a1, b2, held_a),
            "b is next to a"
        );
        assert!(ladder.leads_unfamiliar_function(a1, c2, held_a));
        let ground_ac = ladder.familiar_ground([0, 2]);
        assert!(
            !ladder.leads_unfamiliar_function(a1, c2, |c| has_corner(&ground_ac, c)),
            "c was held earlier"
        );
        assert!(
            !ladder.leads_unfamiliar_function(c2, c3, |_| false),
            "the corner left is one the person knows"
        );
        let a2 = role(&ladder, "a2");
        assert!(
            ladder.leads_unfamiliar_function(a2, c3, held_a),
            "the boss level is not hands-on, yet leading a function never worked in is flagged there too"
        );
        assert!(
            !ladder.leads_unfamiliar_function(a1, b1, |_| false),
            "the entry level is where a craft is learned"
        );
        assert!(
            !ladder.leads_unfamiliar_function(c3, b2, |_| false),
            "moving down is not leading"
        );
    }

    #[test]
    fn familiar_ground_is_what_was_held_and_its_neighbours_never_theirs() {
        // A is next to B, B next to C: someone from A knows A and B, not C.
        let ladder = load_str(GENERALIST, "g").unwrap();
        let ground = ladder.familiar_ground([0]);
        let known: Vec<bool> = (0..3).map(|c| has_corner(&ground, c)).collect();
        assert_eq!(known, [true, true, false]);
        let (b2, c3) = (role(&ladder, "b2"), role(&ladder, "c3"));
        assert!(
            ladder.leads_unfamiliar_function(b2, c3, |c| has_corner(&ground, c)),
            "C is next to B, which the path passes through, but not to A, which the person held"
        );
        let also_b = ladder.familiar_ground([0, 1]);
        assert!(!ladder.leads_unfamiliar_function(b2, c3, |c| has_corner(&also_b, c)));
    }

    #[test]
    fn a_chiefs_depth_is_a_lead_or_manager_role_not_only_a_director() {
        let ladder = load_str(GENERALIST, "g").unwrap();
        // Levels: IC, Manager (the first not hands-on), Director, Top. The lead level is the
        // manager's, as only the entry level lies below it.
        assert_eq!(ladder.lead_level(), Some(1));
        let b = ladder.corner_index("b").unwrap();
        assert_eq!(ladder.depth_levels(b, 3), Some((1, 1)), "B2, not B3");
        let c = ladder.corner_index("c").unwrap();
        assert_eq!(
            ladder.depth_levels(c, 3),
            Some((1, 2)),
            "C has no manager role, so its director counts"
        );
        let goal = Goal::new(&ladder, role(&ladder, "cto"));
        assert!(goal.leads_in_depth(&ladder, role(&ladder, "b2")));
        assert!(!goal.leads_in_depth(&ladder, role(&ladder, "b3")));
    }

    #[test]
    fn a_first_lead_role_outside_the_craft_is_counted_only_when_the_craft_has_one() {
        let ladder = load_str(GENERALIST, "g").unwrap();
        let goal = Goal::new(&ladder, role(&ladder, "cio"));
        let a1 = role(&ladder, "a1");
        assert!(!goal.first_lead_elsewhere(&ladder, a1, role(&ladder, "a2")));
        assert!(goal.first_lead_elsewhere(&ladder, a1, role(&ladder, "b2")));
        assert!(
            goal.first_lead_elsewhere(&ladder, a1, role(&ladder, "it-manager")),
            "a role across all of IT is not the craft either"
        );
        assert!(
            !goal.first_lead_elsewhere(&ladder, role(&ladder, "a2"), role(&ladder, "b3")),
            "once leading, a move across is breadth"
        );
    }

    /// Three corners in a row (A next to B, B next to C), a generalist role at every level above
    /// the first, and a chief on top.
    const GENERALIST: &str = r#"(
        format: 1, id: "g", name: "G",
        levels: [(id: "ic", name: "IC"), (id: "mgr", name: "Manager", hands_on: false),
                 (id: "dir", name: "Director"), (id: "top", name: "Top")],
        corners: [(id: "a", name: "A", business_facing: true, near: ["b"]),
                  (id: "b", name: "B", business_facing: true, near: ["c"]),
                  (id: "c", name: "C", business_facing: true)],
        roles: [
            (id: "a1", title: "A1", level: "ic", corner: "a"),
            (id: "a2", title: "A2", level: "mgr", corner: "a"),
            (id: "b2", title: "B2", level: "mgr", corner: "b"),
            (id: "it-manager", title: "IT manager", level: "mgr"),
            (id: "a3", title: "A3", level: "dir", corner: "a"),
            (id: "b3", title: "B3", level: "dir", corner: "b"),
            (id: "c3", title: "C3", level: "dir", corner: "c"),
            (id: "it-director", title: "IT director", level: "dir"),
            (id: "cto", title: "CTO", level: "top", corner: "b"),
            (id: "cio", title: "CIO", level: "top"),
        ],
    )"#;

    #[test]
    fn a_step_up_into_an_enterprise_wide_role_is_not_a_missed_diagonal() {
        let ladder = load_str(GENERALIST, "g").unwrap();
        let not_diagonal = |from: &str, to: &str| {
            let (from, to) = (role(&ladder, from), role(&ladder, to));
            let seen = [0u64];
            let goal = Goal::new(&ladder, to);
            ladder
                .step_score(from, to, ladder.move_kind(from, to), &seen, &seen, &goal)
                .not_diagonal
        };
        assert_eq!(not_diagonal("cto", "cio"), 0, "into the chair of its level");
        assert_eq!(not_diagonal("it-manager", "it-director"), 0, "up the track");
        assert_eq!(not_diagonal("b3", "cio"), 0, "into the chair from below");
        assert_eq!(not_diagonal("a2", "a3"), 1, "up within one corner");
        assert_eq!(not_diagonal("a2", "b2"), 1, "across without going up");
        assert_eq!(not_diagonal("a2", "b3"), 0);
    }

    #[test]
    fn a_generalist_climbs_the_generalist_track_and_a_specialist_the_corners() {
        let ladder = load_str(GENERALIST, "g").unwrap();
        let best = |from: &str, to: &str| {
            let request = crate::ladder::PathRequest {
                from: role(&ladder, from),
                to: role(&ladder, to),
                count: 1,
                ..Default::default()
            };
            let path = crate::ladder::plan(&ladder, &request).unwrap().remove(0);
            path.roles
                .iter()
                .map(|&r| ladder.role(r).id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            best("it-manager", "cio"),
            ["it-manager", "it-director", "cio"]
        );
        // From a corner, the generalist track counts as breadth (it leads every corner at
        // once): it ties with a director role in a neighbouring corner, so it is the best path
        // or the first alternative.
        let request = crate::ladder::PathRequest {
            from: role(&ladder, "a2"),
            to: role(&ladder, "cio"),
            count: 2,
            ..Default::default()
        };
        let two: Vec<&str> = crate::ladder::plan(&ladder, &request)
            .unwrap()
            .iter()
            .map(|p| ladder.role(p.roles[1]).id.as_str())
            .collect();
        assert!(two.contains(&"it-director"), "{two:?}");
        assert!(
            two.contains(&"b3"),
            "a corner next to the one held is the other: {two:?}"
        );
        let from_the_bottom = best("a1", "cio");
        assert_eq!(
            from_the_bottom[1], "a2",
            "from the bottom, the first lead role is in the craft: {from_the_bottom:?}"
        );
        assert!(
            ["b3", "it-director"].contains(&from_the_bottom[2].as_str()),
            "then breadth on familiar ground: {from_the_bottom:?}"
        );
        assert_eq!(from_the_bottom.len(), 4, "{from_the_bottom:?}");
    }

    #[test]
    fn breadth_counts_business_facing_corners() {
        let ladder = load_str(LADDER, "t").unwrap();
        let breadth = Breadth::of(&ladder, &[0, 1]);
        assert_eq!(
            breadth.business_facing_line().as_deref(),
            Some("business-facing corners: 1 of 2")
        );
        assert_eq!(breadth.corner_list(&ladder), "2 corners — A, B");
        assert_eq!(
            Breadth::of(&ladder, &[]).corner_list(&ladder),
            "no corners yet",
            "an empty list is said, not left blank"
        );
        let plain = load_str(&crate::ladder::synthetic_ladder_source(2, 2), "s").unwrap();
        assert_eq!(Breadth::of(&plain, &[0, 1]).business_facing_line(), None);
    }
}
