//! Path planning: the best way from one role to another, and ranked alternatives.
//!
//! "Best" is lexicographic: fewer moves, then more distinct corners, then more diagonal moves,
//! then less advice broken. The search is A* over roles (times which `via` corners have been
//! passed) with a cost of (moves, moves that enter no new corner, moves that are not diagonal):
//! all non-negative, so a lower bound on moves alone is an admissible estimate. "New corner" is
//! judged against the path that reached a role (a bit set per search state). On small ladders
//! the search is exhaustive and exact; on huge ones it stops refining after a work budget once
//! it holds a path with the fewest moves. Alternatives come from Yen's algorithm with Lawler's refinement, ranked exactly.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashSet};
use std::fmt;

use super::model::{CornerIdx, Ladder, LevelIdx, RoleIdx};
use super::moves::MoveKind;

/// At most this many `via` corners, since each doubles the search space.
pub const MAX_VIA: usize = 4;
/// More than this many moves in a row inside one corner breaks the advice.
pub const MAX_MOVES_IN_ONE_CORNER: usize = 2;

/// What to plan.
#[derive(Debug, Clone, Default)]
pub struct PathRequest {
    pub from: RoleIdx,
    pub to: RoleIdx,
    /// Corners the path must not enter.
    pub avoid: Vec<CornerIdx>,
    /// Corners the path must pass through.
    pub via: Vec<CornerIdx>,
    /// How many paths to return at most, best first; 0 is treated as 1.
    pub count: usize,
}

/// One move of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub from: RoleIdx,
    pub to: RoleIdx,
    pub kind: MoveKind,
}

/// Advice a path goes against, so the plan can explain itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice {
    /// Step `step` (from 0) moves across without moving up.
    LateralWithoutStepUp { step: usize },
    /// Steps `first..first + moves` all stay in one corner.
    TooLongInOneCorner {
        corner: CornerIdx,
        first: usize,
        moves: usize,
    },
    /// Step `step` goes down a level.
    StepDown { step: usize },
}

impl Advice {
    pub fn describe(&self, ladder: &Ladder) -> String {
        match *self {
            Advice::LateralWithoutStepUp { step } => format!(
                "step {}: lateral move with no step up — aim to go up and across in one move",
                step + 1
            ),
            Advice::TooLongInOneCorner {
                corner,
                first,
                moves,
            } => format!(
                "steps {}–{}: {moves} moves in a row in {} — spend time in several corners of IT",
                first + 1,
                first + moves,
                ladder.corners()[corner].name
            ),
            Advice::StepDown { step } => format!(
                "step {}: a move down — worth it only for a corner you could not enter otherwise",
                step + 1
            ),
        }
    }
}

/// A path through the ladder, with everything derived from its roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// The roles in order, the starting role first.
    pub roles: Vec<RoleIdx>,
    pub steps: Vec<Step>,
    /// Distinct corners in the order they are first visited, the start's included.
    pub corners: Vec<CornerIdx>,
    pub advice: Vec<Advice>,
}

impl Path {
    /// Derives steps, corners and advice for a sequence of roles.
    pub fn from_roles(ladder: &Ladder, roles: Vec<RoleIdx>) -> Path {
        let steps: Vec<Step> = roles
            .windows(2)
            .map(|w| Step {
                from: w[0],
                to: w[1],
                kind: ladder.move_kind(w[0], w[1]),
            })
            .collect();
        let mut corners = Vec::new();
        for &role in &roles {
            if let Some(c) = ladder.role_corner(role)
                && !corners.contains(&c)
            {
                corners.push(c);
            }
        }
        let advice = advice_for(ladder, &steps);
        Path {
            roles,
            steps,
            corners,
            advice,
        }
    }

    pub fn moves(&self) -> usize {
        self.steps.len()
    }

    fn diagonals(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| s.kind == MoveKind::Diagonal)
            .count()
    }

    /// Lower is better.
    fn rank_key(&self) -> (usize, Reverse<usize>, Reverse<usize>, usize, &[RoleIdx]) {
        (
            self.moves(),
            Reverse(self.corners.len()),
            Reverse(self.diagonals()),
            self.advice.len(),
            &self.roles,
        )
    }
}

fn advice_for(ladder: &Ladder, steps: &[Step]) -> Vec<Advice> {
    let mut advice = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        match step.kind {
            MoveKind::Lateral => advice.push(Advice::LateralWithoutStepUp { step: i }),
            MoveKind::Down => advice.push(Advice::StepDown { step: i }),
            _ => {}
        }
    }
    let mut i = 0;
    while i < steps.len() {
        let corner = ladder.role_corner(steps[i].from);
        let stays = |s: &Step| corner.is_some() && ladder.role_corner(s.to) == corner;
        let run = steps[i..]
            .iter()
            .take_while(|s| ladder.role_corner(s.from) == corner && stays(s))
            .count();
        if run > MAX_MOVES_IN_ONE_CORNER
            && let Some(corner) = corner
        {
            advice.push(Advice::TooLongInOneCorner {
                corner,
                first: i,
                moves: run,
            });
        }
        i += run.max(1);
    }
    advice.sort_by_key(|a| match *a {
        Advice::LateralWithoutStepUp { step } | Advice::StepDown { step } => step,
        Advice::TooLongInOneCorner { first, .. } => first,
    });
    advice
}

/// Why no path could be planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    AlreadyThere,
    TargetInAvoidedCorner,
    TooManyViaCorners,
    /// The target cannot be reached; the text says why.
    Unreachable(String),
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::AlreadyThere => f.write_str("the start and the target are the same role"),
            PlanError::TargetInAvoidedCorner => f.write_str("the target is in a corner to avoid"),
            PlanError::TooManyViaCorners => {
                write!(f, "at most {MAX_VIA} corners can be required on the way")
            }
            PlanError::Unreachable(why) => write!(f, "no path: {why}"),
        }
    }
}

impl std::error::Error for PlanError {}

/// The best path for `request`, then up to `request.count - 1` alternatives, best first.
pub fn plan(ladder: &Ladder, request: &PathRequest) -> Result<Vec<Path>, PlanError> {
    if request.from == request.to {
        return Err(PlanError::AlreadyThere);
    }
    if let Some(c) = ladder.role_corner(request.to)
        && request.avoid.contains(&c)
    {
        return Err(PlanError::TargetInAvoidedCorner);
    }
    let mut via = request.via.clone();
    via.sort_unstable();
    via.dedup();
    if via.len() > MAX_VIA {
        return Err(PlanError::TooManyViaCorners);
    }
    let search = Search::new(ladder, request.to, &request.avoid, &via);
    let Some(best) = search.run(&[request.from], &[], REFINE_BUDGET) else {
        return Err(PlanError::Unreachable(explain_unreachable(
            ladder, request, &via,
        )));
    };
    let wanted = request.count.max(1);
    // Each accepted path with the index where it left the path it was derived from.
    let mut accepted: Vec<(Path, usize)> = vec![(Path::from_roles(ladder, best), 0)];
    let mut seen: HashSet<Vec<RoleIdx>> = HashSet::new();
    seen.insert(accepted[0].0.roles.clone());
    let mut candidates: Vec<(Path, usize)> = Vec::new();

    while accepted.len() < wanted {
        let (previous, deviation) = match accepted.last() {
            Some((path, deviation)) => (path.roles.clone(), *deviation),
            None => break,
        };
        // Lawler's refinement of Yen: spurs before the deviation were searched already, with the
        // same banned moves, when the path this one came from was accepted.
        for spur_at in deviation..previous.len().saturating_sub(1) {
            let root = &previous[..=spur_at];
            let banned_next: Vec<RoleIdx> = accepted
                .iter()
                .filter(|(p, _)| p.roles.len() > spur_at + 1 && p.roles[..=spur_at] == *root)
                .map(|(p, _)| p.roles[spur_at + 1])
                .collect();
            if let Some(tail) = search.run(root, &banned_next, SPUR_REFINE_BUDGET) {
                let mut roles = root[..spur_at].to_vec();
                roles.extend(tail);
                if seen.insert(roles.clone()) {
                    candidates.push((Path::from_roles(ladder, roles), spur_at));
                }
            }
        }
        let Some(best_index) = (0..candidates.len())
            .min_by(|&a, &b| candidates[a].0.rank_key().cmp(&candidates[b].0.rank_key()))
        else {
            break;
        };
        accepted.push(candidates.swap_remove(best_index));
    }
    let mut accepted: Vec<Path> = accepted.into_iter().map(|(path, _)| path).collect();
    accepted.sort_by(|a, b| a.rank_key().cmp(&b.rank_key()));
    Ok(accepted)
}

fn explain_unreachable(ladder: &Ladder, request: &PathRequest, via: &[CornerIdx]) -> String {
    let from_level = ladder.role_level(request.from);
    let to_level = ladder.role_level(request.to);
    let relaxed = |avoid: &[CornerIdx], via: &[CornerIdx]| {
        let search = Search::new(ladder, request.to, avoid, via);
        search.run(&[request.from], &[], REFINE_BUDGET).is_some()
    };
    if !request.avoid.is_empty() && relaxed(&[], via) {
        let names: Vec<&str> = request
            .avoid
            .iter()
            .map(|&c| ladder.corners()[c].name.as_str())
            .collect();
        return format!(
            "every path passes through a corner to avoid ({})",
            names.join(", ")
        );
    }
    if !via.is_empty() && relaxed(&request.avoid, &[]) {
        let names: Vec<&str> = via
            .iter()
            .map(|&c| ladder.corners()[c].name.as_str())
            .collect();
        return format!("no path passes through {} on the way", names.join(" and "));
    }
    if to_level < from_level && !ladder.rules().allow_down {
        return format!(
            "\"{}\" is at a lower level than \"{}\" and this ladder's rules do not allow moving down",
            ladder.role(request.to).id,
            ladder.role(request.from).id
        );
    }
    "no sequence of allowed moves leads there under this ladder's rules and bridges".to_string()
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
    let mut queue = std::collections::VecDeque::from([target]);
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

/// A lexicographic path cost: moves, then moves into no new corner, then non-diagonal moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cost(u32, u32, u32);

impl Cost {
    const ZERO: Cost = Cost(0, 0, 0);
    const UNREACHED: Cost = Cost(u32::MAX, u32::MAX, u32::MAX);
    fn plus(self, other: Cost) -> Cost {
        Cost(
            self.0.saturating_add(other.0),
            self.1.saturating_add(other.1),
            self.2.saturating_add(other.2),
        )
    }
}

/// Relaxed moves a best-path search may spend improving breadth once it has a shortest path.
/// Far more than any real ladder needs, so those are searched exhaustively.
const REFINE_BUDGET: usize = 50_000;
/// The same for each spur search of the alternatives, which are many.
const SPUR_REFINE_BUDGET: usize = 4_000;

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
    estimate: Cost,
    cost: Cost,
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
            .then_with(|| self.cost.0.cmp(&other.cost.0))
            .then_with(|| other.state.cmp(&self.state))
            .then_with(|| other.deferred.cmp(&self.deferred))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

struct Search<'a> {
    ladder: &'a Ladder,
    target: RoleIdx,
    via: &'a [CornerIdx],
    avoided_role: Vec<bool>,
    masks: usize,
    /// The fewest moves from each level to the target's level, counting levels only: a lower
    /// bound on the moves from any role there, which keeps A* on a straight course.
    moves_to_target_level: Vec<u32>,
}

impl<'a> Search<'a> {
    fn new(
        ladder: &'a Ladder,
        target: RoleIdx,
        avoid: &[CornerIdx],
        via: &'a [CornerIdx],
    ) -> Search<'a> {
        let avoided_role = (0..ladder.roles().len())
            .map(|r| ladder.role_corner(r).is_some_and(|c| avoid.contains(&c)))
            .collect();
        Search {
            ladder,
            target,
            via,
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

    /// Words in one state's set of corners seen.
    fn corner_words(&self) -> usize {
        self.ladder.corners().len().div_ceil(64).max(1)
    }

    /// A lower bound on the cost from a role at `level` to the target: its moves only, since
    /// the other terms can be zero.
    fn estimate_from(&self, level: LevelIdx) -> Cost {
        Cost(self.moves_to_target_level[level], 0, 0)
    }

    fn step_cost(&self, from: RoleIdx, to: RoleIdx, corners_seen: &[u64]) -> Cost {
        let new_corner = self
            .ladder
            .role_corner(to)
            .is_some_and(|c| corners_seen[c / 64] & (1 << (c % 64)) == 0);
        let diagonal = self.ladder.move_kind(from, to) == MoveKind::Diagonal;
        Cost(1, u32::from(!new_corner), u32::from(!diagonal))
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
    fn run(
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
        let mut best = vec![Cost::UNREACHED; states];
        let mut parent = vec![usize::MAX; states];
        let words = self.corner_words();
        let mut corners_seen = vec![0u64; states * words];
        let mut blocked = self.avoided_role.clone();
        for &r in earlier {
            blocked[r] = true;
        }
        blocked[start] = false;
        let start_state = start * self.masks + start_mask;
        best[start_state] = Cost::ZERO;
        for &r in root {
            if let Some(c) = ladder.role_corner(r) {
                corners_seen[start_state * words + c / 64] |= 1 << (c % 64);
            }
        }
        let mut heap = BinaryHeap::new();
        heap.push(Entry {
            estimate: self.estimate_from(ladder.role_level(start)),
            cost: Cost::ZERO,
            state: start_state,
            deferred: Deferred::Now,
        });
        let top_level = ladder.levels().len() - 1;
        let max_step = ladder.rules().max_step_up as usize;
        let mut neighbours: Vec<RoleIdx> = Vec::new();
        let goal = self.target * self.masks + full_mask;
        let mut work_since_found = 0usize;

        while let Some(entry) = heap.pop() {
            let state = entry.state;
            if best[goal] != Cost::UNREACHED
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
                    let defer =
                        |deferred: Deferred, nearest: LevelIdx, heap: &mut BinaryHeap<Entry>| {
                            let estimate = entry
                                .cost
                                .plus(Cost(1, 0, 0))
                                .plus(self.estimate_from(nearest));
                            if estimate.0 == u32::MAX {
                                return false;
                            }
                            if estimate.0 > entry.estimate.0 || deferred == Deferred::Below {
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
                    if ladder.rules().allow_down && level > 0 {
                        let nearest = (0..level)
                            .min_by_key(|&l| self.moves_to_target_level[l])
                            .unwrap_or(0);
                        defer(Deferred::Below, nearest, &mut heap);
                    }
                }
            }
            if best[goal] != Cost::UNREACHED {
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
                let next_state = next * self.masks + (mask | self.mask_of(next));
                let seen = &corners_seen[state * words..(state + 1) * words];
                let cost = entry.cost.plus(self.step_cost(role, next, seen));
                if cost < best[next_state] {
                    best[next_state] = cost;
                    parent[next_state] = state;
                    corners_seen
                        .copy_within(state * words..(state + 1) * words, next_state * words);
                    if let Some(c) = ladder.role_corner(next) {
                        corners_seen[next_state * words + c / 64] |= 1 << (c % 64);
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
        (best[goal] != Cost::UNREACHED).then(|| self.path_to(&parent, goal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::load_str;

    fn ladder(rules: &str) -> Ladder {
        let src = format!(
            r#"(
            format: 1, id: "t", name: "T",
            levels: [(id: "l1", name: "One"), (id: "l2", name: "Two"), (id: "l3", name: "Three"), (id: "top", name: "Top")],
            corners: [(id: "a", name: "A"), (id: "b", name: "B"), (id: "c", name: "C")],
            roles: [
                (id: "a1", title: "A1", level: "l1", corner: "a"),
                (id: "b1", title: "B1", level: "l1", corner: "b"),
                (id: "c1", title: "C1", level: "l1", corner: "c"),
                (id: "a2", title: "A2", level: "l2", corner: "a"),
                (id: "b2", title: "B2", level: "l2", corner: "b"),
                (id: "c2", title: "C2", level: "l2", corner: "c"),
                (id: "a3", title: "A3", level: "l3", corner: "a"),
                (id: "b3", title: "B3", level: "l3", corner: "b"),
                (id: "chief", title: "Chief", level: "top"),
            ],
            {rules}
        )"#
        );
        load_str(&src, "t").unwrap()
    }

    fn ids(ladder: &Ladder, path: &Path) -> Vec<String> {
        path.roles
            .iter()
            .map(|&r| ladder.role(r).id.clone())
            .collect()
    }

    fn request(ladder: &Ladder, from: &str, to: &str) -> PathRequest {
        PathRequest {
            from: ladder.role_index(from).unwrap(),
            to: ladder.role_index(to).unwrap(),
            count: 1,
            ..PathRequest::default()
        }
    }

    #[test]
    fn best_path_is_shortest_then_broadest_then_diagonal() {
        let ladder = ladder("");
        let paths = plan(&ladder, &request(&ladder, "a1", "chief")).unwrap();
        let best = &paths[0];
        assert_eq!(best.moves(), 3);
        assert_eq!(best.corners.len(), 3, "three moves can visit three corners");
        assert_eq!(
            best.steps.iter().map(|s| s.kind).collect::<Vec<_>>(),
            vec![MoveKind::Diagonal, MoveKind::Diagonal, MoveKind::Vertical]
        );
        assert!(best.advice.is_empty());
    }

    #[test]
    fn avoid_and_via_constrain_the_corners() {
        let ladder = ladder("");
        let mut req = request(&ladder, "a1", "a3");
        req.avoid = vec![ladder.corner_index("b").unwrap()];
        let path = &plan(&ladder, &req).unwrap()[0];
        assert_eq!(ids(&ladder, path), vec!["a1", "c2", "a3"]);

        let mut req = request(&ladder, "a1", "b3");
        req.via = vec![ladder.corner_index("c").unwrap()];
        let path = &plan(&ladder, &req).unwrap()[0];
        assert!(path.corners.contains(&ladder.corner_index("c").unwrap()));
    }

    #[test]
    fn alternatives_are_distinct_and_ranked() {
        let ladder = ladder("");
        let mut req = request(&ladder, "a1", "chief");
        req.count = 4;
        let paths = plan(&ladder, &req).unwrap();
        assert_eq!(paths.len(), 4);
        let unique: HashSet<_> = paths.iter().map(|p| p.roles.clone()).collect();
        assert_eq!(unique.len(), 4);
        for pair in paths.windows(2) {
            assert!(pair[0].rank_key() <= pair[1].rank_key());
        }
    }

    #[test]
    fn an_unreachable_target_says_why() {
        let ladder = ladder("rules: (allow_down: false),");
        let err = plan(&ladder, &request(&ladder, "a3", "b1")).unwrap_err();
        match err {
            PlanError::Unreachable(why) => {
                assert!(why.contains("do not allow moving down"), "{why}")
            }
            other => panic!("expected unreachable, got {other:?}"),
        }
        let mut req = request(&ladder, "a1", "a3");
        req.avoid = vec![0, 1, 2];
        req.to = ladder.role_index("chief").unwrap();
        match plan(&ladder, &req).unwrap_err() {
            PlanError::Unreachable(why) => assert!(why.contains("corner to avoid"), "{why}"),
            other => panic!("expected unreachable, got {other:?}"),
        }
    }

    #[test]
    fn moves_down_are_planned_when_allowed() {
        let ladder = ladder("");
        let paths = plan(&ladder, &request(&ladder, "a3", "c1")).unwrap();
        assert_eq!(paths[0].moves(), 1);
        assert_eq!(paths[0].steps[0].kind, MoveKind::Down);
        assert_eq!(paths[0].advice, vec![Advice::StepDown { step: 0 }]);
    }

    #[test]
    fn advice_flags_laterals_and_long_stays_in_one_corner() {
        let ladder = ladder("");
        let roles = ["a1", "b1", "b2"]
            .iter()
            .map(|id| ladder.role_index(id).unwrap())
            .collect();
        let path = Path::from_roles(&ladder, roles);
        assert_eq!(path.advice, vec![Advice::LateralWithoutStepUp { step: 0 }]);

        let roles = ["a1", "a2", "a3"]
            .iter()
            .map(|id| ladder.role_index(id).unwrap())
            .collect();
        assert!(
            Path::from_roles(&ladder, roles).advice.is_empty(),
            "two moves in a corner are fine"
        );
    }

    #[test]
    fn three_moves_in_a_row_in_one_corner_break_the_advice() {
        let ladder = load_str(&crate::ladder::synthetic_ladder_source(4, 1), "one corner").unwrap();
        let roles = ["r0-0", "r1-0", "r2-0", "r3-0"]
            .iter()
            .map(|id| ladder.role_index(id).unwrap())
            .collect();
        let path = Path::from_roles(&ladder, roles);
        assert_eq!(
            path.advice,
            vec![Advice::TooLongInOneCorner {
                corner: 0,
                first: 0,
                moves: 3
            }]
        );
        assert!(
            path.advice[0]
                .describe(&ladder)
                .contains("3 moves in a row in Corner 0")
        );
    }

    #[test]
    fn breadth_is_counted_exactly_beyond_64_corners() {
        let ladder = load_str(&crate::ladder::synthetic_ladder_source(80, 80), "wide").unwrap();
        let mut req = request(&ladder, "r0-0", "r79-79");
        req.count = 1;
        let best = &plan(&ladder, &req).unwrap()[0];
        assert_eq!(best.moves(), 78, "the bridge saves one move");
        assert!(
            best.corners.len() >= 70,
            "only {} corners",
            best.corners.len()
        );
    }

    #[test]
    fn same_start_and_target_is_reported() {
        let ladder = ladder("");
        assert_eq!(
            plan(&ladder, &request(&ladder, "a1", "a1")),
            Err(PlanError::AlreadyThere)
        );
    }
}
