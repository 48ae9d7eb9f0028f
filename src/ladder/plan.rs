//! Path planning: the best way from one role to another, ranked alternatives, and the advice a
//! path goes against.
//!
//! "Best" is the lowest [`Score`], compared field by field: no skipped level, fewest moves, no
//! move into unfamiliar ground (a corner the person never held nor next to one they held), a
//! specialist chief's depth (a lead or manager role in their corner), depth last, the first
//! lead role in the craft practised, no move from a role across all of IT back into one
//! corner, depth in a specialist target's corner, the most new business-facing corners, the
//! most new corners, the most moves up and across (a step up into an enterprise-wide role
//! counts as one), and diagonals into neighbouring corners. The search lives in `search.rs`;
//! alternatives come from Yen's algorithm with Lawler's refinement, ranked exactly by the same
//! score.

use std::collections::HashSet;
use std::fmt;

use super::advice::advice_for;
pub use super::advice::{Advice, MAX_MOVES_IN_ONE_CORNER, Step};
use super::model::{CornerIdx, Ladder, RoleIdx};
use super::moves::MoveKind;
use super::score::{Goal, Score, add_corner, add_role, corner_words, has_corner};
use super::search::{REFINE_BUDGET, SPUR_REFINE_BUDGET, Search};

/// At most this many `via` corners, since each doubles the search space.
pub const MAX_VIA: usize = 4;

/// What to plan.
#[derive(Debug, Clone, Default)]
pub struct PathRequest {
    pub from: RoleIdx,
    pub to: RoleIdx,
    /// Corners the path must not enter.
    pub avoid: Vec<CornerIdx>,
    /// Corners the path must pass through.
    pub via: Vec<CornerIdx>,
    /// Corners the person worked in before the starting role: they count toward breadth and
    /// make a function familiar (see [`Ladder::leads_unfamiliar_function`]).
    pub held: Vec<CornerIdx>,
    /// How many paths to return at most, best first; 0 is treated as 1.
    pub count: usize,
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
    /// How the planner judges the path; lower is better.
    pub score: Score,
}

impl Path {
    /// Derives steps, corners, advice and score for a sequence of roles, for a person with no
    /// earlier corners than the first role's.
    pub fn from_roles(ladder: &Ladder, roles: Vec<RoleIdx>) -> Path {
        Path::with_history(ladder, roles, &[])
    }

    /// The same for a person who worked in the corners `held` before the first role: they count
    /// as corners seen and as ties to a craft.
    pub fn with_history(ladder: &Ladder, roles: Vec<RoleIdx>, held: &[CornerIdx]) -> Path {
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
        let mut seen = vec![0u64; corner_words(ladder)];
        for &c in held {
            add_corner(&mut seen, c);
        }
        if let Some(&first) = roles.first() {
            add_role(ladder, &mut seen, first);
        }
        let start_corner = roles.first().and_then(|&r| ladder.role_corner(r));
        let familiar = ladder.familiar_ground(held.iter().copied().chain(start_corner));
        let mut score = Score::default();
        let mut flagged = Vec::new();
        let goal = roles.last().map(|&target| Goal::new(ladder, target));
        let mut depth_held = false;
        for (i, step) in steps.iter().enumerate() {
            let Some(goal) = &goal else { break };
            depth_held |= goal.leads_in_depth(ladder, step.from);
            score = score
                .plus(ladder.step_score(step.from, step.to, step.kind, &seen, &familiar, goal));
            if let Some(c) = ladder.role_corner(step.to)
                && ladder.leads_unfamiliar_function(step.from, step.to, |x| {
                    has_corner(&seen, x) || has_corner(&familiar, x)
                })
            {
                flagged.push(Advice::UnfamiliarFunction { step: i, corner: c });
            }
            if i + 1 == steps.len()
                && let Some(corner) = goal.depth
                && !depth_held
            {
                score.missing_depth += 1;
                flagged.push(Advice::NoLeadingRoleInCorner { step: i, corner });
            }
            add_role(ladder, &mut seen, step.to);
        }
        let mut advice = advice_for(ladder, &steps);
        advice.extend(flagged);
        advice.sort_by_key(Advice::step);
        Path {
            roles,
            steps,
            corners,
            advice,
            score,
        }
    }

    pub fn moves(&self) -> usize {
        self.steps.len()
    }

    /// What to say of a path that breaks no advice, or `None` if it breaks some. The only
    /// moves that do not go up yet break no advice are those between two top-level roles
    /// (CDO → CIO), where there is no level above, so the words say so rather than claim
    /// every move goes up.
    /// A climb that stays in one corner longer than the advice allows breaks none only when that
    /// corner is the target's own (depth for a specialist chief), and the words say so instead
    /// of praising it as breadth.
    pub fn praise(&self, ladder: &Ladder) -> Option<&'static str> {
        if !self.advice.is_empty() {
            return None;
        }
        let up = |s: &Step| matches!(s.kind, MoveKind::Vertical | MoveKind::Diagonal);
        let one_corner = self.moves() > MAX_MOVES_IN_ONE_CORNER
            && self.corners.len() == 1
            && self
                .roles
                .iter()
                .all(|&r| ladder.role_corner(r) == Some(self.corners[0]));
        Some(if self.steps.iter().all(up) && one_corner {
            "every move goes up, each deeper in the function you aim to lead"
        } else if self.steps.iter().all(up) {
            "every move goes up, and no corner holds you too long"
        } else if self.steps.iter().any(up) {
            "every move goes up, except between two top-level roles where there is no level above; no corner holds you too long"
        } else {
            "none broken: between two top-level roles there is no level above to go up to"
        })
    }

    /// Lower is better; the roles break ties so the order is stable.
    fn rank_key(&self) -> (Score, &[RoleIdx]) {
        (self.score, &self.roles)
    }
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
    let search = Search::new(
        ladder,
        request.from,
        request.to,
        &request.avoid,
        &via,
        &request.held,
    );
    let Some(best) = search.run(&[request.from], &[], REFINE_BUDGET) else {
        return Err(PlanError::Unreachable(explain_unreachable(
            ladder, request, &via,
        )));
    };
    let wanted = request.count.max(1);
    // Each accepted path with the index where it left the path it was derived from.
    let path = |roles| Path::with_history(ladder, roles, &request.held);
    let mut accepted: Vec<(Path, usize)> = vec![(path(best), 0)];
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
                    candidates.push((path(roles), spur_at));
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
        let search = Search::new(ladder, request.from, request.to, avoid, via, &request.held);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::load_str;

    /// A three-corner ladder whose second level is not hands-on, with A next to C and C next to
    /// B, so that a path can gain every corner on familiar ground and breadth decides.
    fn ladder(rules: &str) -> Ladder {
        ladder_near(rules, false, r#"near: ["c"]"#, r#"near: ["b"]"#)
    }

    /// The same without `near`: no corner is next to another.
    fn ladder_with(rules: &str, hands_on: bool) -> Ladder {
        ladder_near(rules, hands_on, "", "")
    }

    fn ladder_near(rules: &str, hands_on: bool, a_near: &str, c_near: &str) -> Ladder {
        let src = format!(
            r#"(
            format: 1, id: "t", name: "T",
            levels: [(id: "l1", name: "One"), (id: "l2", name: "Two", hands_on: {hands_on}), (id: "l3", name: "Three"), (id: "top", name: "Top")],
            corners: [(id: "a", name: "A", {a_near}), (id: "b", name: "B"), (id: "c", name: "C", {c_near})],
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
            .map(|&r| ladder.role(r).id.to_string())
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
    fn best_path_is_shortest_then_on_familiar_ground_then_broadest_then_diagonal() {
        let ladder = ladder("");
        // Someone from A who once worked in C knows A, C and B (next to C).
        let req = PathRequest {
            held: vec![ladder.corner_index("c").unwrap()],
            ..request(&ladder, "a1", "chief")
        };
        let best = &plan(&ladder, &req).unwrap()[0];
        assert_eq!(
            ids(&ladder, best),
            ["a1", "a2", "b3", "chief"],
            "the first lead role in the craft practised, then a corner new to the path"
        );
        assert_eq!(
            best.steps.iter().map(|s| s.kind).collect::<Vec<_>>(),
            vec![MoveKind::Vertical, MoveKind::Diagonal, MoveKind::Vertical]
        );
        assert!(best.advice.is_empty());
        // Without that history, B is next only to C, which the person never held: the path
        // passing through C would not make B familiar, so it stays in A.
        let best = &plan(&ladder, &request(&ladder, "a1", "chief")).unwrap()[0];
        assert_eq!(ids(&ladder, best), ["a1", "a2", "a3", "chief"]);
        assert_eq!(best.score.unfamiliar_moves, 0);
    }

    #[test]
    fn avoid_and_via_constrain_the_corners() {
        let ladder = ladder("");
        let mut req = request(&ladder, "a1", "chief");
        req.avoid = vec![ladder.corner_index("a").unwrap()];
        let path = &plan(&ladder, &req).unwrap()[0];
        assert_eq!(
            ids(&ladder, path),
            vec!["a1", "c2", "b3", "chief"],
            "nothing in A after the start, though leading B is unfamiliar"
        );

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
    fn a_lateral_move_between_two_top_roles_is_not_told_to_go_up() {
        let ladder = load_str(crate::ladder::BUNDLED[0].1, "bundled").unwrap();
        for (from, to) in [
            ("chief-digital-officer", "cio"),
            ("cio", "chief-digital-officer"),
        ] {
            let Some(roles) = [from, to]
                .iter()
                .map(|id| ladder.role_index(id))
                .collect::<Option<Vec<_>>>()
            else {
                panic!("{from} and {to} are in the bundled ladder");
            };
            let path = Path::from_roles(&ladder, roles);
            assert_eq!(path.steps[0].kind, MoveKind::Lateral, "{from} → {to}");
            assert!(path.advice.is_empty(), "{from} → {to}: {:?}", path.advice);
        }
    }

    #[test]
    fn three_moves_in_a_row_in_one_corner_break_the_advice_unless_it_is_the_targets() {
        let ladder = load_str(&crate::ladder::synthetic_ladder_source(4, 1), "one corner").unwrap();
        let roles = |ids: &[&str]| {
            ids.iter()
                .map(|id| ladder.role_index(id).unwrap())
                .collect::<Vec<_>>()
        };
        let in_the_targets_corner =
            Path::from_roles(&ladder, roles(&["r0-0", "r1-0", "r2-0", "r3-0"]));
        assert!(
            in_the_targets_corner.advice.is_empty(),
            "time in the target's own corner is depth: {:?}",
            in_the_targets_corner.advice
        );
        let path = Path::from_roles(&ladder, roles(&["r0-0", "r1-0", "r2-0", "r3-0", "chief"]));
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
        let mut req = request(&ladder, "r0-0", "chief");
        // Every even corner held before: each odd one is next to one, so all are familiar and
        // the 40 odd ones are new.
        req.held = (0..80).step_by(2).collect();
        let best = &plan(&ladder, &req).unwrap()[0];
        assert_eq!(
            best.moves(),
            79,
            "the bridge would save a move, but it skips a level"
        );
        assert!(best.steps.iter().all(|s| s.kind != MoveKind::Skip));
        let odd = best.corners.iter().filter(|&&c| c % 2 == 1).count();
        assert_eq!(odd, 40, "every corner new to the person, up to the 80th");
        assert_eq!(
            best.score.missed_corners,
            79 - 40,
            "the score is the path's own"
        );
        assert_eq!(best.score.unfamiliar_moves, 0);
    }

    #[test]
    fn a_skip_is_never_preferred_but_is_explained_when_it_is_the_only_way() {
        let src = r#"(
            format: 1, id: "t", name: "T",
            levels: [(id: "l1", name: "One"), (id: "l2", name: "Two"), (id: "l3", name: "Three")],
            corners: [(id: "a", name: "A", near: ["b"]), (id: "b", name: "B")],
            roles: [
                (id: "a1", title: "A1", level: "l1", corner: "a"),
                (id: "a2", title: "A2", level: "l2", corner: "a"),
                (id: "b3", title: "B3", level: "l3", corner: "b"),
                (id: "lone", title: "Lone", level: "l1", corner: "b"),
            ],
            bridges: [(from: "a1", to: "b3", skip_reason: "small shops promote this way.")],
            rules: (allow_down: false),
        )"#;
        let ladder = load_str(src, "t").unwrap();
        let mut req = request(&ladder, "a1", "b3");
        req.count = 5;
        let paths = plan(&ladder, &req).unwrap();
        assert_eq!(
            ids(&ladder, &paths[0]),
            vec!["a1", "a2", "b3"],
            "longer, but no skip"
        );
        let skip = paths.last().unwrap();
        assert_eq!(
            ids(&ladder, skip),
            vec!["a1", "b3"],
            "the skip ranks below even a longer route with a lateral move"
        );
        let advice: Vec<String> = skip.advice.iter().map(|a| a.describe(&ladder)).collect();
        assert_eq!(
            advice,
            vec![
                "step 1: skips Two and the training it carries — this ladder allows it because small shops promote this way; catch up on the training of Two (readiness counts it)"
            ]
        );
        // A plan the person wrote themselves may skip without a bridge: it is flagged too.
        let manual = Path::from_roles(
            &ladder,
            vec![
                ladder.role_index("lone").unwrap(),
                ladder.role_index("b3").unwrap(),
            ],
        );
        assert!(
            manual.advice[0]
                .describe(&ladder)
                .contains("allow at most one level a move — plan a step through Two"),
            "{:?}",
            manual.advice
        );
    }

    #[test]
    fn the_planner_leads_only_crafts_it_has_a_tie_to() {
        let ladder = ladder_with("", true);
        let best = &plan(&ladder, &request(&ladder, "a1", "chief")).unwrap()[0];
        assert_eq!(
            ids(&ladder, best),
            vec!["a1", "a2", "b3", "chief"],
            "up in its own corner while the level is hands-on, then across"
        );
        assert!(best.advice.is_empty(), "{:?}", best.advice);

        let c2 = vec![0, ladder.role_index("c2").unwrap()];
        assert_eq!(
            Path::from_roles(&ladder, c2.clone()).advice,
            vec![Advice::UnfamiliarFunction { step: 0, corner: 2 }]
        );
        let c = ladder.corner_index("c").unwrap();
        assert!(
            Path::with_history(&ladder, c2, &[c]).advice.is_empty(),
            "a corner held before counts as a tie"
        );

        let direct = Path::from_roles(&ladder, vec![0, ladder.role_index("b2").unwrap()]);
        assert_eq!(
            direct.advice,
            vec![Advice::UnfamiliarFunction { step: 0, corner: 1 }]
        );
        assert!(
            direct.advice[0]
                .describe(&ladder)
                .contains("leading a function you have not worked in — B is new to you")
        );
    }

    #[test]
    fn diagonals_into_a_neighbouring_corner_come_first() {
        let src = r#"(
            format: 1, id: "t", name: "T",
            levels: [(id: "l1", name: "One", hands_on: false), (id: "l2", name: "Two")],
            corners: [(id: "a", name: "A", near: ["c"]), (id: "b", name: "B"), (id: "c", name: "C")],
            roles: [
                (id: "a1", title: "A1", level: "l1", corner: "a"),
                (id: "b2", title: "B2", level: "l2", corner: "b"),
                (id: "c2", title: "C2", level: "l2", corner: "c"),
                (id: "top", title: "Top", level: "l2"),
            ],
        )"#;
        let ladder = load_str(src, "t").unwrap();
        let mut req = request(&ladder, "a1", "top");
        req.count = 3;
        let paths = plan(&ladder, &req).unwrap();
        assert_eq!(ids(&ladder, &paths[0]), vec!["a1", "top"]);
        assert_eq!(
            ids(&ladder, &paths[1]),
            vec!["a1", "c2", "top"],
            "C is next to A"
        );
        assert_eq!(ids(&ladder, &paths[2]), vec!["a1", "b2", "top"]);
    }

    #[test]
    fn business_facing_corners_count_first_for_breadth() {
        let src = r#"(
            format: 1, id: "t", name: "T",
            levels: [(id: "l1", name: "One"), (id: "l2", name: "Two", hands_on: false), (id: "l3", name: "Three")],
            corners: [(id: "a", name: "A"), (id: "b", name: "B"), (id: "c", name: "C", business_facing: true)],
            roles: [
                (id: "a1", title: "A1", level: "l1", corner: "a"),
                (id: "b2", title: "B2", level: "l2", corner: "b"),
                (id: "c2", title: "C2", level: "l2", corner: "c"),
                (id: "top", title: "Top", level: "l3"),
            ],
        )"#;
        let ladder = load_str(src, "t").unwrap();
        let best = &plan(&ladder, &request(&ladder, "a1", "top")).unwrap()[0];
        assert_eq!(ids(&ladder, best), vec!["a1", "c2", "top"]);
    }

    #[test]
    fn same_start_and_target_is_reported() {
        let ladder = ladder("");
        assert_eq!(
            plan(&ladder, &request(&ladder, "a1", "a1")),
            Err(PlanError::AlreadyThere)
        );
    }

    #[test]
    fn praise_never_says_a_move_between_top_roles_goes_up() {
        let ladder = load_str(crate::ladder::BUNDLED[0].1, "bundled").unwrap();
        let path = |ids: &[&str]| {
            let roles = ids
                .iter()
                .map(|id| ladder.role_index(id).unwrap())
                .collect();
            Path::from_roles(&ladder, roles)
        };
        let up = path(&["cto", "cio"]).praise(&ladder).unwrap();
        assert!(up.starts_with("every move goes up"), "{up}");
        let across = path(&["chief-digital-officer", "cio"])
            .praise(&ladder)
            .unwrap();
        assert!(
            !across.contains("goes up") && across.contains("no level above"),
            "{across}"
        );
        let both = path(&["director-engineering", "chief-digital-officer", "cio"])
            .praise(&ladder)
            .unwrap();
        assert!(
            both.contains("except between two top-level roles"),
            "{both}"
        );
        // Four moves up inside security to its chief: depth, not "no corner holds you".
        let depth = path(&[
            "security-analyst",
            "security-lead",
            "security-manager",
            "director-security",
            "ciso",
        ]);
        assert!(depth.advice.is_empty(), "{:?}", depth.advice);
        let words = depth.praise(&ladder).unwrap();
        assert!(
            words.contains("deeper in the function") && !words.contains("too long"),
            "{words}"
        );
        assert_eq!(
            path(&["cio", "cto"]).praise(&ladder),
            None,
            "a path that breaks advice gets none"
        );
    }
}
