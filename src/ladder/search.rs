//! The search behind the planner: A* over roles (times which `via` corners have been passed),
//! minimising [`Score`] lexicographically. Every term of a step's score is non-negative, and
//! the fewest moves between levels is a lower bound on the rest, so that estimate keeps the
//! search admissible. Whether a move enters a new corner, or leads a craft with no tie, is
//! judged against the path that reached a role (a corner set per search state) plus the
//! person's history. On small ladders the search is exhaustive and exact; on huge ones it stops
//! refining after a work budget once it holds a path with the fewest skips and moves.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

use super::model::{CornerIdx, Ladder, LevelIdx, RoleIdx};
use super::moves::MoveKind;
use super::score::{Score, add_corner, corner_words};

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
    /// The role itself: expand the moves that keep to the best estimate.
    Now,
    /// Every role at this level (laterals, or climbs that go nowhere useful).
    Level(LevelIdx),
    /// Every role at a lower level.
    Below,
}

#[derive(Debug, PartialEq, Eq)]
struct Entry {
    estimate: Score,
    cost: Score,
    state: usize,
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
        Search {
            ladder,
            target,
            via,
            held,
            avoided_role,
            masks: 1 << via.len(),
            moves_to_target_level: level_distances(ladder, ladder.role_level(target)),
        }
    }

    fn mask_of(&self, role: RoleIdx) -> usize {
        match self.ladder.role_corner(role) {
            Some(c) => self.via.iter().position(|&v| v == c).map_or(0, |i| 1 << i),
            None => 0,
        }
    }

    /// A lower bound on the cost from a role at `level` to the target: its moves only, since
    /// the other terms can be zero.
    fn estimate_from(&self, level: LevelIdx) -> Score {
        Score::moves_only(self.moves_to_target_level[level])
    }

    /// The roles from the search's start to `state`, following `parent` links.
    fn path_to(&self, parent: &[usize], state: usize) -> Vec<RoleIdx> {
        let mut roles = vec![state / self.masks];
        let mut at = state;
        while parent[at] != usize::MAX {
            at = parent[at];
            roles.push(at / self.masks);
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
        let start_mask = root.iter().fold(0, |m, &r| m | self.mask_of(r));
        let full_mask = self.masks - 1;
        let states = ladder.roles().len() * self.masks;
        let mut best = vec![Score::UNREACHED; states];
        let mut parent = vec![usize::MAX; states];
        let words = corner_words(ladder);
        let mut corners_seen = vec![0u64; states * words];
        let mut blocked = self.avoided_role.clone();
        for &r in earlier {
            blocked[r] = true;
        }
        blocked[start] = false;
        let start_state = start * self.masks + start_mask;
        best[start_state] = Score::default();
        let start_seen = &mut corners_seen[start_state * words..(start_state + 1) * words];
        for &c in self.held {
            add_corner(start_seen, c);
        }
        for &r in root {
            if let Some(c) = ladder.role_corner(r) {
                add_corner(start_seen, c);
            }
        }
        let mut heap = BinaryHeap::new();
        heap.push(Entry {
            estimate: self.estimate_from(ladder.role_level(start)),
            cost: Score::default(),
            state: start_state,
            deferred: Deferred::Now,
        });
        let top_level = ladder.levels().len() - 1;
        let max_step = ladder.rules().max_step_up as usize;
        let allow_down = ladder.rules().allow_down;
        let mut neighbours: Vec<RoleIdx> = Vec::new();
        let goal = self.target * self.masks + full_mask;
        let mut work_since_found = 0usize;

        while let Some(entry) = heap.pop() {
            let state = entry.state;
            if best[goal] != Score::UNREACHED
                && (entry.estimate >= best[goal] || work_since_found > budget)
            {
                // Nothing left can beat the path held, or refining it has cost enough.
                return Some(self.path_to(&parent, goal));
            }
            if entry.cost != best[state] {
                continue;
            }
            let (role, mask) = (state / self.masks, state % self.masks);
            let level = ladder.role_level(role);
            neighbours.clear();
            match entry.deferred {
                Deferred::Level(other) => {
                    neighbours.extend_from_slice(ladder.roles_at_level(other))
                }
                Deferred::Below => {
                    for lower in 0..level {
                        neighbours.extend_from_slice(ladder.roles_at_level(lower));
                    }
                }
                Deferred::Now => {
                    neighbours.extend_from_slice(ladder.bridges_from(role));
                    // A level whose estimate is worse than this entry's cannot be on a best
                    // path unless the search runs out of better ones: expand it only then.
                    let defer = |deferred: Deferred,
                                 nearest: LevelIdx,
                                 heap: &mut BinaryHeap<Entry>| {
                        let estimate = entry
                            .cost
                            .plus(Score::moves_only(1))
                            .plus(self.estimate_from(nearest));
                        if estimate.moves == u32::MAX {
                            return false;
                        }
                        if estimate.moves > entry.estimate.moves || deferred == Deferred::Below {
                            heap.push(Entry {
                                estimate,
                                cost: entry.cost,
                                state,
                                deferred,
                            });
                            return true;
                        }
                        false
                    };
                    for other in level..=(level + max_step).min(top_level) {
                        if !defer(Deferred::Level(other), other, &mut heap)
                            && self.moves_to_target_level[other] != u32::MAX
                        {
                            neighbours.extend_from_slice(ladder.roles_at_level(other));
                        }
                    }
                    if allow_down && level > 0 {
                        let nearest = (0..level)
                            .min_by_key(|&l| self.moves_to_target_level[l])
                            .unwrap_or(0);
                        defer(Deferred::Below, nearest, &mut heap);
                    }
                }
            }
            if best[goal] != Score::UNREACHED {
                work_since_found += neighbours.len() + 1;
            }
            for &next in &neighbours {
                if next == role || blocked[next] {
                    continue;
                }
                if state == start_state && banned_first.contains(&next) {
                    continue;
                }
                let next_level = ladder.role_level(next);
                if self.moves_to_target_level[next_level] == u32::MAX {
                    continue;
                }
                let kind = ladder.move_kind(role, next);
                // Narrowing from an enterprise-wide role into a corner of its level is a move
                // down, which the rules may forbid (bridges aside).
                if kind == MoveKind::Down
                    && !allow_down
                    && !ladder.bridges_from(role).contains(&next)
                {
                    continue;
                }
                let next_state = next * self.masks + (mask | self.mask_of(next));
                let seen = &corners_seen[state * words..(state + 1) * words];
                let cost = entry.cost.plus(ladder.step_score(role, next, kind, seen));
                if cost < best[next_state] {
                    best[next_state] = cost;
                    parent[next_state] = state;
                    corners_seen
                        .copy_within(state * words..(state + 1) * words, next_state * words);
                    if let Some(c) = ladder.role_corner(next) {
                        add_corner(
                            &mut corners_seen[next_state * words..(next_state + 1) * words],
                            c,
                        );
                    }
                    heap.push(Entry {
                        estimate: cost.plus(self.estimate_from(next_level)),
                        cost,
                        state: next_state,
                        deferred: Deferred::Now,
                    });
                }
            }
        }
        (best[goal] != Score::UNREACHED).then(|| self.path_to(&parent, goal))
    }
}
