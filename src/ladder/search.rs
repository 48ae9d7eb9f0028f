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

use super::model::{CornerIdx, Ladder, LevelIdx, RoleIdx};
use super::moves::MoveKind;
use super::score::{Goal, Score, add_corner, add_role, corner_words, has_corner};

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
    index: HashMap<(usize, u64), usize>,
    /// Each state's role times the number of `via` masks, plus its mask.
    role_mask: Vec<usize>,
    best: Vec<Score>,
    seen: Vec<u64>,
}

impl States {
    fn new(ladder: &Ladder, masks: usize) -> States {
        let words = corner_words(ladder);
        let by_corners = words == 1 && ladder.roles().len() <= EXACT_MAX_ROLES;
        let count = if by_corners {
            0
        } else {
            ladder.roles().len() * masks
        };
        States {
            words,
            by_corners,
            index: HashMap::new(),
            role_mask: (0..count).collect(),
            best: vec![Score::UNREACHED; count],
            seen: vec![0; count * words],
        }
    }

    /// The state of a role and mask having seen `seen`, if it exists yet.
    fn find(&self, role_mask: usize, seen: &[u64]) -> Option<usize> {
        if self.by_corners {
            self.index.get(&(role_mask, seen[0])).copied()
        } else {
            Some(role_mask)
        }
    }

    /// The state of a role and mask having seen `seen`, added if it is new.
    fn state(&mut self, role_mask: usize, seen: &[u64]) -> usize {
        if !self.by_corners {
            return role_mask;
        }
        let next = self.role_mask.len();
        let state = *self.index.entry((role_mask, seen[0])).or_insert(next);
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

/// The corners within each number of `near` steps of `target`'s corner, for
/// [`Search::familiar_bounds`]; empty where the bounds would not hold: a target outside the top
/// level or in no corner, a ladder without `near` (only hands-on levels are checked there), or
/// one where a move down could shorten the way (a bridge from a lower level), since moves down
/// and into the entry level are never unfamiliar.
fn near_balls(ladder: &Ladder, target: RoleIdx, moves_to_target_level: &[u32]) -> Vec<Vec<u64>> {
    let top = ladder.levels().len() - 1;
    let Some(corner) = ladder.role_corner(target) else {
        return Vec::new();
    };
    let down_never_helps = moves_to_target_level.windows(2).all(|w| w[0] >= w[1]);
    if ladder.role_level(target) != top || !ladder.marks_near() || !down_never_helps {
        return Vec::new();
    }
    let words = corner_words(ladder);
    let mut ball = vec![0u64; words];
    add_corner(&mut ball, corner);
    let mut frontier = vec![corner];
    let mut balls = vec![ball.clone()];
    while !frontier.is_empty() {
        let mut next = Vec::new();
        for &c in &frontier {
            for &n in ladder.near(c) {
                if !has_corner(&ball, n) {
                    add_corner(&mut ball, n);
                    next.push(n);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        balls.push(ball.clone());
        frontier = next;
    }
    balls
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
    /// For a target in a corner at the top level: `balls[k]` holds the corners within `k`
    /// steps of `near` of the target's corner (the last entry for every `k` beyond). Empty
    /// where the bound they give does not hold (see [`Search::familiar_bounds`]).
    balls: Vec<Vec<u64>>,
}

impl<'a> Search<'a> {
    pub(crate) fn new(
        ladder: &'a Ladder,
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
        let moves_to_target_level = level_distances(ladder, ladder.role_level(target));
        let balls = near_balls(ladder, target, &moves_to_target_level);
        Search {
            ladder,
            target,
            via,
            held,
            avoided_role,
            masks: (1 << via.len()) << usize::from(depth_bit != 0),
            moves_to_target_level,
            goal,
            depth_bit,
            balls,
        }
    }

    /// Lower bounds on the unfamiliar moves and the missing depth of any way to the target in
    /// exactly `moves` moves from a state that has seen `seen`. A move on familiar ground
    /// enters a corner at most one step of `near` beyond those seen, so the target's corner,
    /// `d` steps away, cannot be entered on familiar ground within fewer than `d` moves: when
    /// `d > moves` some move is unfamiliar, and when `d > moves - 1` (with every move familiar)
    /// no role in the corner comes before the target.
    fn familiar_bounds(&self, moves: u32, seen: &[u64]) -> (u32, u32) {
        if self.balls.is_empty() {
            return (0, 0);
        }
        let within = |k: u32| {
            let ball = &self.balls[(k as usize).min(self.balls.len() - 1)];
            seen.iter().zip(ball).any(|(&a, &b)| a & b != 0)
        };
        if !within(moves) {
            (1, 0)
        } else if self.depth_bit != 0 && !within(moves - 1) {
            (0, 1)
        } else {
            (0, 0)
        }
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

    /// A lower bound on the cost from a role at `level`, having seen the corners `seen`, to the
    /// target. Beyond the moves, it counts what the remaining moves cannot avoid: each can enter
    /// at most one corner not seen yet, and the last enters the target's corner, or none when
    /// the target is enterprise-wide. Without this, every move that cannot
    /// help adding to a term would make deeper states look worse, and A* would widen instead of
    /// walking to the target.
    fn estimate_from(&self, level: LevelIdx, seen: &[u64], mask: usize) -> Score {
        self.estimate_for_moves(self.moves_to_target_level[level], seen, mask)
    }

    /// A lower bound on the cost of every move into roles at `level` and on from there: the
    /// estimate for one move more than from `level`, when the target is not at `level` (its
    /// last move is still to come); just the move's minimum cost when it is.
    fn bound_into(&self, level: LevelIdx, seen: &[u64]) -> Score {
        // The depth bit is taken as set: a move into `level` may set it.
        let mask = self.masks - 1;
        match self.moves_to_target_level[level] {
            0 | u32::MAX => Score::moves_only(1).plus(self.estimate_from(level, seen, mask)),
            moves => self.estimate_for_moves(moves + 1, seen, mask),
        }
    }

    /// [`Search::estimate_from`] for `moves` moves still to make, the last into the target,
    /// on a path whose mask so far is `mask`.
    fn estimate_for_moves(&self, moves: u32, seen: &[u64], mask: usize) -> Score {
        if moves == 0 || moves == u32::MAX {
            return Score::moves_only(moves);
        }
        let ladder = self.ladder;
        let goal = &self.goal;
        // The last move enters the target: its corner counts if the goal counts it and it is
        // new; a target across all of IT brings no breadth.
        let last_new = ladder
            .role_corner(self.target)
            .filter(|&c| has_corner(&goal.breadth, c) && !has_corner(seen, c));
        let last_new_business = last_new.filter(|&c| has_corner(&goal.business, c));
        let unseen = |wanted: &[u64], last: Option<CornerIdx>| {
            let unseen: u32 = seen
                .iter()
                .zip(wanted)
                .map(|(&word, &w)| (!word & w).count_ones())
                .sum();
            unseen - u32::from(last.is_some())
        };
        let before_last = moves - 1;
        let new = before_last.min(unseen(&goal.breadth, last_new)) + u32::from(last_new.is_some());
        let new_business = before_last.min(unseen(&goal.business, last_new_business))
            + u32::from(last_new_business.is_some());
        let (unfamiliar, far) = self.familiar_bounds(moves, seen);
        // With one move left, the next is into the target: the depth must be there already.
        let depth = if mask & self.depth_bit != 0 {
            0
        } else if moves == 1 {
            self.arrival_cost(mask).missing_depth
        } else {
            far
        };
        Score {
            moves,
            unfamiliar_moves: unfamiliar,
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
        let mut states = States::new(ladder, self.masks);
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
            estimate: self.estimate_from(ladder.role_level(start), &seen, start_mask),
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
                    // Every move into `other` costs at least this.
                    let bound = entry.cost.plus(search.bound_into(other, &self.here_seen));
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
                    let estimate =
                        entry
                            .cost
                            .plus(Score::moves_only(1))
                            .plus(search.estimate_from(
                                nearest,
                                &self.here_seen,
                                self.states.role_mask[entry.state] % search.masks,
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
    /// most of the search's work.
    fn expand_level(&mut self, entry: &Entry, class: Score, level: LevelIdx, probed: bool) {
        let mut next_class: Option<Score> = None;
        for &next in self.search.ladder.roles_at_level(level) {
            let Some(step) = self.evaluate(entry, next) else {
                continue;
            };
            if step.estimate <= class {
                self.commit(entry, step);
                if !probed {
                    self.push_level(entry, class, level, true);
                    return;
                }
            } else if next_class.is_none_or(|c| step.estimate < c) {
                next_class = Some(step.estimate);
            }
        }
        if let Some(class) = next_class {
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
        let mut cost =
            entry
                .cost
                .plus(ladder.step_score(role, next, kind, &self.next_seen, &search.goal));
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
            estimate: cost.plus(search.estimate_from(next_level, &self.next_seen, next_mask)),
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
