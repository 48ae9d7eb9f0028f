//! The search behind the planner: A* over roles (times which `via` corners have been passed),
//! minimising [`Score`] lexicographically.
//!
//! - Whether a move enters a new corner, or leads a craft with a tie, depends on the corners
//!   seen before it (the person's history and the path so far): on ladders of realistic size
//!   they are part of the state, so the search is exact (see [`EXACT_MAX_ROLES`]).
//! - The estimate counts the fewest moves between levels and what those moves cannot avoid
//!   (see [`Search::estimate_from`]); it never overestimates, so the first path that nothing
//!   left can beat is the best.
//! - A level is expanded lazily: the first move as good as any into it is followed at once,
//!   and the rest of the level waits in the queue behind the best estimate left among them.
//! - A path is read back from the moves made, never from states, whose best way can change.
//! - Once it holds a path, the search stops refining after a work budget; only ladders of
//!   thousands of roles come near it.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

use super::model::{CornerIdx, Ladder, LevelIdx, RoleIdx};
use super::moves::MoveKind;
use super::score::{Goal, Score, add_corner, add_role, corner_words, generalist_bit, has_corner};

/// Up to this many roles (and 64 corners), a search state includes the corners seen so far.
/// Whether a move enters a new corner, or leads a craft with a tie, depends on them, so with
/// them in the state the cost of what follows depends on the state alone and A* is exact.
/// Above it, a state is a role and its `via` corners, holding the corners of the cheapest way
/// found there: far fewer states, and a search that stays fast on 10,000-role ladders.
pub(crate) const EXACT_MAX_ROLES: usize = 1_000;

/// The states of one search, with the cheapest cost and the corners seen of each.
struct States {
    /// Words in one set of corners seen.
    words: usize,
    /// Whether states are told apart by their corners seen (see [`EXACT_MAX_ROLES`]).
    by_corners: bool,
    index: HashMap<(usize, u64), usize, BuildHasherDefault<KeyHasher>>,
    /// Each state's role times the number of `via` masks, plus its mask.
    role_mask: Vec<usize>,
    best: Vec<Score>,
    seen: Vec<u64>,
}

impl States {
    fn new(ladder: &Ladder) -> States {
        let words = corner_words(ladder);
        States {
            words,
            by_corners: words == 1 && ladder.roles().len() <= EXACT_MAX_ROLES,
            index: HashMap::default(),
            role_mask: Vec::new(),
            best: Vec::new(),
            seen: Vec::new(),
        }
    }

    /// The key of a role and mask having seen `seen`.
    fn key(&self, role_mask: usize, seen: &[u64]) -> (usize, u64) {
        (role_mask, if self.by_corners { seen[0] } else { 0 })
    }

    /// The state of a role and mask having seen `seen`, if it exists yet.
    fn find(&self, role_mask: usize, seen: &[u64]) -> Option<usize> {
        self.index.get(&self.key(role_mask, seen)).copied()
    }

    /// The state of a role and mask having seen `seen`, added if it is new. States are made
    /// as the search reaches them: a spur search of the alternatives touches few of a big
    /// ladder's roles, and laying out one per role made up most of its work.
    fn state(&mut self, role_mask: usize, seen: &[u64]) -> usize {
        let next = self.role_mask.len();
        let state = *self.index.entry(self.key(role_mask, seen)).or_insert(next);
        if state == next {
            self.role_mask.push(role_mask);
            self.best.push(Score::UNREACHED);
            self.seen.extend_from_slice(seen);
        }
        state
    }

    fn seen(&self, state: usize) -> &[u64] {
        &self.seen[state * self.words..(state + 1) * self.words]
    }

    fn seen_mut(&mut self, state: usize) -> &mut [u64] {
        &mut self.seen[state * self.words..(state + 1) * self.words]
    }
}

/// A hasher for the states' keys (a role and mask, and the corners seen), which are small
/// integers chosen by the search, not by anyone who could pick colliding ones: a multiply and a
/// rotate per word instead of SipHash, which took a seventh of a spur search.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }
}

/// For each level, the fewest moves to `target` in the graph of levels that the rules and
/// bridges connect (`u32::MAX` where none leads there).
fn level_distances(ladder: &Ladder, target: LevelIdx) -> Vec<u32> {
    let levels = ladder.levels().len();
    let step = ladder.rules().max_step_up as usize;
    let allow_down = ladder.rules().allow_down;
    // Predecessors of each level: the levels one move can come from.
    let mut bridge_sources: Vec<Vec<LevelIdx>> = vec![Vec::new(); levels];
    for bridge in &ladder.file().bridges {
        if let (Some(from), Some(to)) = (
            ladder.role_index(&bridge.from),
            ladder.role_index(&bridge.to),
        ) {
            bridge_sources[ladder.role_level(to)].push(ladder.role_level(from));
        }
    }
    let mut distance = vec![u32::MAX; levels];
    distance[target] = 0;
    let mut queue = VecDeque::from([target]);
    while let Some(level) = queue.pop_front() {
        let next = distance[level] + 1;
        let from_below = level.saturating_sub(step)..level;
        let from_above = if allow_down {
            level + 1..levels
        } else {
            level..level
        };
        for source in from_below
            .chain(from_above)
            .chain(bridge_sources[level].iter().copied())
        {
            if distance[source] == u32::MAX {
                distance[source] = next;
                queue.push_back(source);
            }
        }
    }
    distance
}

/// Relaxed moves a best-path search may spend improving breadth once it has a shortest path.
/// Far more than any real ladder needs, so those are searched exhaustively.
pub(crate) const REFINE_BUDGET: usize = 50_000;
/// The same for each spur search of the alternatives, which are many.
pub(crate) const SPUR_REFINE_BUDGET: usize = 4_000;

/// Moves from a role that are expanded only if the search ever gets that far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Deferred {
    /// The role itself: bridges, and the levels within reach.
    Now,
    /// The moves into `level` whose estimate is no worse than the entry's. On the first visit
    /// (`probed` false) only the first such move is made, since the walk usually reaches the
    /// target from it; on the second, all of them.
    Level { level: LevelIdx, probed: bool },
    /// Every role at a lower level.
    Below,
}

#[derive(Debug, PartialEq, Eq)]
struct Entry {
    estimate: Score,
    cost: Score,
    state: usize,
    /// The move that reached `state` at `cost`, in [`Walk::moves`].
    made: usize,
    deferred: Deferred,
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        // BinaryHeap is a max-heap: the smallest estimate first, and among equals the deeper
        // state first, which walks straight to the target instead of widening the frontier.
        other
            .estimate
            .cmp(&self.estimate)
            .then_with(|| self.cost.moves.cmp(&other.cost.moves))
            .then_with(|| other.state.cmp(&self.state))
            .then_with(|| other.deferred.cmp(&self.deferred))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

pub(crate) struct Search<'a> {
    ladder: &'a Ladder,
    target: RoleIdx,
    via: &'a [CornerIdx],
    /// Corners the person held before the start: they count as seen.
    held: &'a [CornerIdx],
    avoided_role: Vec<bool>,
    masks: usize,
    /// The fewest moves from each level to the target's level, counting levels only: a lower
    /// bound on the moves from any role there, which keeps A* on a straight course.
    moves_to_target_level: Vec<u32>,
    /// What counts as breadth and depth toward the target.
    goal: Goal,
    /// The mask bit set once the path holds the depth a specialist chief needs (0 if the goal
    /// needs none); the bits below it are the `via` corners'.
    depth_bit: usize,
    /// For each level and corner, a role there (`u32::MAX` for none), for
    /// [`Search::role_in`].
    cells: Vec<u32>,
    /// The person's familiar ground before the path ([`Ladder::familiar_ground`]).
    familiar: Vec<u64>,
    /// Whether a path as short as the estimate climbs at every move, never down nor across,
    /// so that none of its moves is exempt from the familiar-ground rule (moves down and at the
    /// entry level are) and none comes back to a level it has climbed past. True when no lower
    /// level is closer to the target's than a higher one.
    climbs_only: bool,
    /// Bits a move can still add to the corners seen: every corner, and the generalist bit if
    /// a role across all of IT lies below the target's level.
    addable: Vec<u64>,
}

impl<'a> Search<'a> {
    /// A search toward `target` for a person who starts at `start` having worked in the
    /// corners `held` before; every root given to [`Search::run`] begins at `start`.
    pub(crate) fn new(
        ladder: &'a Ladder,
        start: RoleIdx,
        target: RoleIdx,
        avoid: &[CornerIdx],
        via: &'a [CornerIdx],
        held: &'a [CornerIdx],
    ) -> Search<'a> {
        let avoided_role = (0..ladder.roles().len())
            .map(|r| ladder.role_corner(r).is_some_and(|c| avoid.contains(&c)))
            .collect();
        let goal = Goal::new(ladder, target);
        let depth_bit = if goal.depth.is_some() {
            1 << via.len()
        } else {
            0
        };
        let target_level = ladder.role_level(target);
        let moves_to_target_level = level_distances(ladder, target_level);
        let climbs_only = moves_to_target_level.windows(2).all(|w| w[0] >= w[1]);
        let familiar =
            ladder.familiar_ground(held.iter().copied().chain(ladder.role_corner(start)));
        let mut addable = vec![0u64; corner_words(ladder)];
        for c in 0..ladder.corners().len() {
            add_corner(&mut addable, c);
        }
        if (0..target_level).any(|l| {
            ladder
                .roles_at_level(l)
                .iter()
                .any(|&r| ladder.role_corner(r).is_none())
        }) {
            add_corner(&mut addable, generalist_bit(ladder));
        }
        let corners = ladder.corners().len();
        let mut cells = vec![u32::MAX; ladder.levels().len() * corners];
        for role in 0..ladder.roles().len() {
            if let Some(c) = ladder.role_corner(role) {
                let cell = &mut cells[ladder.role_level(role) * corners + c];
                if *cell == u32::MAX {
                    *cell = role as u32;
                }
            }
        }
        Search {
            ladder,
            target,
            via,
            held,
            cells,
            avoided_role,
            masks: (1 << via.len()) << usize::from(depth_bit != 0),
            moves_to_target_level,
            goal,
            depth_bit,
            familiar,
            climbs_only,
            addable,
        }
    }

    /// A role at `level` in `corner`, if there is one.
    fn role_in(&self, level: LevelIdx, corner: Option<CornerIdx>) -> Option<RoleIdx> {
        let corners = self.ladder.corners().len();
        let role = self.cells[level * corners + corner?];
        (role != u32::MAX).then_some(role as RoleIdx)
    }

    /// The mask bits holding `role` sets: its corner's among the `via` corners, and the depth
    /// bit. The target sets none: `--via` asks for a role in the corner before the target.
    fn mask_of(&self, role: RoleIdx) -> usize {
        if role == self.target {
            return 0;
        }
        let via = match self.ladder.role_corner(role) {
            Some(c) => self.via.iter().position(|&v| v == c).map_or(0, |i| 1 << i),
            None => 0,
        };
        let depth = if self.goal.leads_in_depth(self.ladder, role) {
            self.depth_bit
        } else {
            0
        };
        via | depth
    }

    /// The cost the move into the target adds for a path whose mask is `mask`: the missing
    /// depth of a specialist chief.
    fn arrival_cost(&self, mask: usize) -> Score {
        Score {
            missing_depth: u32::from(self.depth_bit != 0 && mask & self.depth_bit == 0),
            ..Score::default()
        }
    }

    /// A lower bound on the cost from a role at `level`, on a path whose mask is `mask`, having
    /// seen the corners `seen`, to the target (see [`Search::estimate_for_moves`]).
    fn estimate_at(&self, level: LevelIdx, seen: &[u64], mask: usize) -> Score {
        let moves = self.moves_to_target_level[level];
        self.estimate_for_moves(moves, seen, mask, level, self.climbs_only)
    }

    /// [`Search::estimate_at`] for `role`, knowing its corner.
    fn estimate_from(&self, role: RoleIdx, seen: &[u64], mask: usize) -> Score {
        let level = self.ladder.role_level(role);
        let estimate = if role != self.target && self.moves_to_target_level[level] == 0 {
            // Another role at the target's level: one move more at least, along the level.
            self.estimate_for_moves(1, seen, mask, level, false)
        } else {
            self.estimate_at(level, seen, mask)
        };
        // In a specialist target's corner, a path that never leaves it (as the estimate says)
        // makes no move across: each is up (or along) inside the corner.
        if self.goal.corner.is_some() && self.ladder.role_corner(role) == self.goal.corner {
            return Score {
                not_diagonal: estimate.moves,
                ..estimate
            };
        }
        estimate
    }

    /// A lower bound on the cost of every move from a role at `from_level` into roles at
    /// `level` and on from there, for a path whose mask is `mask`: the estimate for one move
    /// more than from `level`, or for the last move alone when `level` is the target's. The move
    /// may set any `via` bit, and the depth bit if `level` gives depth. A move along a level
    /// may be exempt from the familiar-ground rule (at the entry level, or from a role across
    /// all of IT into a corner), so only a move up is held to it.
    fn bound_into(
        &self,
        from_level: LevelIdx,
        level: LevelIdx,
        seen: &[u64],
        mask: usize,
    ) -> Score {
        let via_bits = (1 << self.via.len()) - 1;
        let (lowest, highest) = self.goal.depth_levels;
        let depth = if (lowest..=highest).contains(&level) {
            self.depth_bit
        } else {
            0
        };
        let mask = mask | via_bits | depth;
        let climbs = self.climbs_only && level > from_level;
        match self.moves_to_target_level[level] {
            0 => self.estimate_for_moves(1, seen, mask, level, climbs),
            u32::MAX => Score::moves_only(u32::MAX),
            moves => self.estimate_for_moves(moves + 1, seen, mask, level, climbs),
        }
    }

    /// A lower bound on the cost of any way to the target in `moves` moves, the last into the
    /// target, on a path whose mask so far is `mask`, having seen `seen`, whose next role (or
    /// current one) is at `level`. Beyond the moves, it counts what they cannot avoid. When
    /// every one of those moves `climbs` (see [`Search::climbs_only`]):
    /// - entering the target's corner when it is neither seen nor familiar ground is a move
    ///   into unfamiliar ground, and a path that makes no other enters no corner outside its
    ///   familiar ground, those seen and the target's;
    /// - a specialist chief's depth cannot be gained above [`Goal::depth_levels`].
    ///
    /// Each move can enter at most one new corner, and the last enters the target's corner, or
    /// none when the target is enterprise-wide. Without these, every move that cannot help
    /// adding to a term would make deeper states look worse, and A* would widen instead of
    /// walking to the target.
    fn estimate_for_moves(
        &self,
        moves: u32,
        seen: &[u64],
        mask: usize,
        level: LevelIdx,
        climbs: bool,
    ) -> Score {
        if moves == 0 || moves == u32::MAX {
            return Score::moves_only(moves);
        }
        let goal = &self.goal;
        let target_new = goal.corner.filter(|&c| !has_corner(seen, c));
        // Without `near`, only hands-on levels are checked: a move may be exempt anywhere.
        let every_move_checked = climbs && self.ladder.marks_near();
        let unfamiliar = every_move_checked
            && target_new.is_some_and(|c| !has_corner(&self.familiar, c))
            && self.ladder.role_level(self.target) > 0;
        // What the moves can still add: corners a path with no more unfamiliar moves can enter.
        let reachable = |i: usize, word: u64| {
            let mut open = self.addable[i] & !word;
            if every_move_checked {
                let target_bit = match target_new {
                    Some(c) if c / 64 == i => 1u64 << (c % 64),
                    _ => 0,
                };
                let generalist = generalist_bit(self.ladder);
                let generalist = if generalist / 64 == i {
                    1u64 << (generalist % 64)
                } else {
                    0
                };
                open &= self.familiar[i] | target_bit | generalist;
            }
            open
        };
        let (mut open, mut open_business) = (0u32, 0u32);
        for (i, &word) in seen.iter().enumerate() {
            let open_bits = reachable(i, word) & goal.breadth[i];
            open += open_bits.count_ones();
            open_business += (open_bits & goal.business[i]).count_ones();
        }
        // The last move enters the target: its corner counts if the goal counts it and it is
        // new; a target across all of IT brings no breadth.
        let last_new = target_new.filter(|&c| has_corner(&goal.breadth, c));
        let last_new_business = last_new.filter(|&c| has_corner(&goal.business, c));
        let before_last = moves - 1;
        let new =
            before_last.min(open - u32::from(last_new.is_some())) + u32::from(last_new.is_some());
        let new_business = before_last.min(open_business - u32::from(last_new_business.is_some()))
            + u32::from(last_new_business.is_some());
        let depth = if self.depth_bit == 0 || mask & self.depth_bit != 0 {
            0
        } else if moves == 1 || (self.climbs_only && level > goal.depth_levels.1) {
            // The next move is into the target, or every move from here climbs past the
            // levels that give depth.
            1
        } else {
            0
        };
        Score {
            moves,
            unfamiliar_moves: u32::from(unfamiliar),
            missing_depth: depth,
            missed_business_corners: moves - new_business,
            missed_corners: moves - new,
            ..Score::default()
        }
    }

    /// The roles from the search's start to the end of move `made`.
    fn path_to(&self, walk: &Walk, made: usize) -> Vec<RoleIdx> {
        let mut roles = Vec::new();
        let mut at = made;
        while at != usize::MAX {
            let (role_mask, parent) = walk.moves[at];
            roles.push(role_mask / self.masks);
            at = parent;
        }
        roles.reverse();
        roles
    }

    /// The cheapest way to the target continuing `root` (a path whose last role is the start),
    /// never re-entering a role of `root` nor moving first to one of `banned_first`.
    pub(crate) fn run(
        &self,
        root: &[RoleIdx],
        banned_first: &[RoleIdx],
        budget: usize,
    ) -> Option<Vec<RoleIdx>> {
        let ladder = self.ladder;
        let (&start, earlier) = root.split_last()?;
        let mut states = States::new(ladder);
        let mut blocked = self.avoided_role.clone();
        for &r in earlier {
            blocked[r] = true;
        }
        blocked[start] = false;
        let mut seen = vec![0u64; states.words];
        for &c in self.held {
            add_corner(&mut seen, c);
        }
        for &r in root {
            add_role(ladder, &mut seen, r);
        }
        let start_mask = root.iter().fold(0, |m, &r| m | self.mask_of(r));
        let start_role_mask = start * self.masks + start_mask;
        let start_state = states.state(start_role_mask, &seen);
        states.best[start_state] = Score::default();
        states.seen_mut(start_state).copy_from_slice(&seen);
        let mut walk = Walk {
            search: self,
            heap: BinaryHeap::new(),
            states,
            blocked,
            banned_first,
            start_state,
            goal: self.target * self.masks + (self.masks - 1),
            moves: vec![(start_role_mask, usize::MAX)],
            found: None,
            work_since_found: 0,
            here_seen: seen.clone(),
            next_seen: seen.clone(),
        };
        walk.heap.push(Entry {
            estimate: self.estimate_from(start, &seen, start_mask),
            cost: Score::default(),
            state: start_state,
            made: 0,
            deferred: Deferred::Now,
        });
        while let Some(entry) = walk.heap.pop() {
            if let Some((goal_cost, goal_move)) = walk.found
                && (entry.estimate >= goal_cost || walk.work_since_found > budget)
            {
                // Nothing left can beat the path held, or refining it has cost enough.
                return Some(self.path_to(&walk, goal_move));
            }
            if entry.cost == walk.states.best[entry.state] {
                walk.expand(&entry);
            }
        }
        walk.found.map(|(_, made)| self.path_to(&walk, made))
    }
}

/// A move that would improve on the best way known to its state.
struct Step {
    role_mask: usize,
    cost: Score,
    estimate: Score,
}

/// One run of the search: its frontier, its states and what it found.
struct Walk<'s, 'a> {
    search: &'s Search<'a>,
    heap: BinaryHeap<Entry>,
    states: States,
    blocked: Vec<bool>,
    banned_first: &'s [RoleIdx],
    start_state: usize,
    /// The goal's role and mask: every `via` corner, and the depth bit if the goal has one
    /// (a path without it still arrives, at the cost of [`Search::arrival_cost`]).
    goal: usize,
    /// Every move made, as its role and mask and the move before it: a path is read back from
    /// these rather than from states, whose best way may change after their followers moved on.
    moves: Vec<(usize, usize)>,
    /// The cheapest move found so far into the goal's role and `via` corners.
    found: Option<(Score, usize)>,
    work_since_found: usize,
    /// The corners seen by the state being expanded, and by the move being relaxed.
    here_seen: Vec<u64>,
    next_seen: Vec<u64>,
}

impl Walk<'_, '_> {
    fn expand(&mut self, entry: &Entry) {
        let search = self.search;
        let ladder = search.ladder;
        self.here_seen
            .copy_from_slice(self.states.seen(entry.state));
        let role = self.states.role_mask[entry.state] / search.masks;
        let level = ladder.role_level(role);
        match entry.deferred {
            Deferred::Level {
                level: other,
                probed,
            } => self.expand_level(entry, entry.estimate, other, probed),
            Deferred::Below => {
                for lower in 0..level {
                    for &next in ladder.roles_at_level(lower) {
                        if let Some(step) = self.evaluate(entry, next) {
                            self.commit(entry, step);
                        }
                    }
                }
            }
            Deferred::Now => {
                for &next in ladder.bridges_from(role) {
                    if let Some(step) = self.evaluate(entry, next) {
                        self.commit(entry, step);
                    }
                }
                let top_level = ladder.levels().len() - 1;
                let max_step = ladder.rules().max_step_up as usize;
                for other in level..=(level + max_step).min(top_level) {
                    if search.moves_to_target_level[other] == u32::MAX {
                        continue;
                    }
                    // Every move into `other` costs at least this, and no way on from this
                    // entry costs less than its own estimate (which may know more, such as the
                    // corner it is in).
                    let bound = entry
                        .cost
                        .plus(search.bound_into(
                            level,
                            other,
                            &self.here_seen,
                            self.states.role_mask[entry.state] % search.masks,
                        ))
                        .max(entry.estimate);
                    if bound.moves > entry.estimate.moves {
                        // Worse than this entry's estimate: expanded only if the search ever
                        // runs out of better ones.
                        self.push_level(entry, bound, other, false);
                    } else {
                        self.expand_level(entry, bound, other, false);
                    }
                }
                if ladder.rules().allow_down && level > 0 {
                    let nearest = (0..level)
                        .min_by_key(|&l| search.moves_to_target_level[l])
                        .unwrap_or(0);
                    // A move down may enter any corner without being unfamiliar, and the
                    // level it reaches is not known here: only the moves are bounded.
                    let estimate = entry.cost.plus(Score::moves_only(
                        search.moves_to_target_level[nearest].saturating_add(1),
                    ));
                    if estimate.moves != u32::MAX {
                        self.heap.push(Entry {
                            estimate,
                            cost: entry.cost,
                            state: entry.state,
                            made: entry.made,
                            deferred: Deferred::Below,
                        });
                    }
                }
            }
        }
    }

    /// Makes the moves into `level` whose estimate is within `class` (the first one only, if
    /// not yet `probed`), and queues the rest of the level behind the best estimate left.
    /// On a wide ladder most roles of a level are never needed; pushing each of them made up
    /// most of the search's work. The target is tried first, then the role in the entry's own
    /// corner: staying in a corner is often the move that fits the class (toward a specialist
    /// target, always).
    /// When no move of a first visit fits, the best one is made at once and the level queued
    /// behind it, rather than the whole level looked at again when it comes up.
    fn expand_level(&mut self, entry: &Entry, class: Score, level: LevelIdx, probed: bool) {
        let search = self.search;
        let role = self.states.role_mask[entry.state] / search.masks;
        let ladder = search.ladder;
        let target = (ladder.role_level(search.target) == level).then_some(search.target);
        let own = search
            .role_in(level, ladder.role_corner(role))
            .filter(|&r| Some(r) != target);
        let mut next_class: Option<(Score, RoleIdx)> = None;
        let others = ladder
            .roles_at_level(level)
            .iter()
            .copied()
            .filter(|&r| Some(r) != own && Some(r) != target);
        for next in target.into_iter().chain(own).chain(others) {
            let Some(step) = self.evaluate(entry, next) else {
                continue;
            };
            if step.estimate <= class {
                self.commit(entry, step);
                if !probed {
                    self.push_level(entry, class, level, true);
                    return;
                }
            } else if next_class.is_none_or(|(c, _)| step.estimate < c) {
                next_class = Some((step.estimate, next));
            }
        }
        let Some((class, best)) = next_class else {
            return;
        };
        if !probed && let Some(step) = self.evaluate(entry, best) {
            self.commit(entry, step);
            self.push_level(entry, class, level, true);
        } else {
            self.push_level(entry, class, level, false);
        }
    }

    fn push_level(&mut self, entry: &Entry, class: Score, level: LevelIdx, probed: bool) {
        self.heap.push(Entry {
            estimate: class,
            cost: entry.cost,
            state: entry.state,
            made: entry.made,
            deferred: Deferred::Level { level, probed },
        });
    }

    /// The move from `entry`'s role to `next`, if it is allowed and improves on the best way
    /// known to its state. Leaves the corners seen after it in `next_seen`.
    fn evaluate(&mut self, entry: &Entry, next: RoleIdx) -> Option<Step> {
        let search = self.search;
        let ladder = search.ladder;
        if self.found.is_some() {
            self.work_since_found += 1;
        }
        let role_mask = self.states.role_mask[entry.state];
        let (role, mask) = (role_mask / search.masks, role_mask % search.masks);
        if next == role || self.blocked[next] {
            return None;
        }
        if entry.state == self.start_state && self.banned_first.contains(&next) {
            return None;
        }
        let next_level = ladder.role_level(next);
        if search.moves_to_target_level[next_level] == u32::MAX {
            return None;
        }
        let kind = ladder.move_kind(role, next);
        // Narrowing from an enterprise-wide role into a corner of its level is a move down,
        // which the rules may forbid (bridges aside).
        if kind == MoveKind::Down
            && !ladder.rules().allow_down
            && !ladder.bridges_from(role).contains(&next)
        {
            return None;
        }
        self.next_seen.copy_from_slice(&self.here_seen);
        let mut cost = entry.cost.plus(ladder.step_score(
            role,
            next,
            kind,
            &self.next_seen,
            &search.familiar,
            &search.goal,
        ));
        if next == search.target {
            cost = cost.plus(search.arrival_cost(mask));
        }
        add_role(ladder, &mut self.next_seen, next);
        let next_mask = mask | search.mask_of(next);
        let role_mask = next * search.masks + next_mask;
        let known = self
            .states
            .find(role_mask, &self.next_seen)
            .map_or(Score::UNREACHED, |state| self.states.best[state]);
        if cost >= known {
            return None;
        }
        Some(Step {
            role_mask,
            cost,
            estimate: cost.plus(search.estimate_from(next, &self.next_seen, next_mask)),
        })
    }

    /// Records a move found by [`Walk::evaluate`] (just before) and queues its role.
    fn commit(&mut self, entry: &Entry, step: Step) {
        let state = self.states.state(step.role_mask, &self.next_seen);
        self.states.best[state] = step.cost;
        self.states.seen_mut(state).copy_from_slice(&self.next_seen);
        let made = self.moves.len();
        self.moves.push((step.role_mask, entry.made));
        let arrived = step.role_mask | self.search.depth_bit == self.goal;
        if arrived && self.found.is_none_or(|(c, _)| step.cost < c) {
            self.found = Some((step.cost, made));
        }
        self.heap.push(Entry {
            estimate: step.estimate,
            cost: step.cost,
            state,
            made,
            deferred: Deferred::Now,
        });
    }
}
