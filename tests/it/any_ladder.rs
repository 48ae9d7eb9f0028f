//! Any ladder that follows the documented format loads, prints and plans, whatever its size.

use proptest::prelude::*;
use rungs::ladder::{MoveKind, PathRequest, load_str, plan, synthetic_ladder_source};

fn loads_prints_and_plans(levels: usize, corners: usize, width: usize) {
    let src = synthetic_ladder_source(levels, corners);
    let ladder = load_str(&src, "synthetic").unwrap_or_else(|e| panic!("{levels}×{corners}: {e}"));
    let printed = rungs::print::render(&ladder, width);
    for line in printed.lines() {
        assert!(
            rungs::text::width(line) <= width.max(rungs::print::MIN_WIDTH),
            "{line:?}"
        );
    }
    if corners > 0 {
        let from = ladder.role_index("r0-0").unwrap();
        let to = ladder.role_index("chief").unwrap();
        let req = PathRequest {
            from,
            to,
            count: 2,
            ..PathRequest::default()
        };
        let paths = plan(&ladder, &req).unwrap();
        let best = &paths[0];
        // One move a level, and at the top a step from a corner into the chief's role, which
        // counts as vertical. The r0-0 ⇒ r2-0 bridge would save a move, but it skips a level:
        // the best path never does.
        let expected_moves = levels.max(2) - 1;
        assert_eq!(best.moves(), expected_moves, "{levels}×{corners}");
        assert!(
            best.steps.iter().all(|s| s.kind != MoveKind::Skip),
            "{levels}×{corners}"
        );
        assert_eq!(best.roles.first(), Some(&from));
        assert_eq!(best.roles.last(), Some(&to));
        for step in &best.steps {
            assert!(ladder.is_allowed(step.from, step.to));
            assert_ne!(step.kind, MoveKind::Down);
        }
    }
}

#[test]
fn one_level_one_corner() {
    loads_prints_and_plans(1, 1, 80);
}

#[test]
fn seven_levels_six_corners() {
    loads_prints_and_plans(7, 6, 120);
}

#[test]
fn a_hundred_levels_by_a_hundred_corners() {
    loads_prints_and_plans(100, 100, 120);
}

#[test]
fn enterprise_roles_only() {
    let src = r#"(format: 1, id: "flat", name: "Flat", levels: [(id: "a", name: "A"), (id: "b", name: "B")],
        roles: [(id: "x", title: "X", level: "a"), (id: "y", title: "Y", level: "b")])"#;
    let ladder = load_str(src, "flat").unwrap();
    let req = PathRequest {
        from: 0,
        to: 1,
        count: 3,
        ..PathRequest::default()
    };
    let paths = plan(&ladder, &req).unwrap();
    assert_eq!(paths.len(), 1);
    assert_eq!(paths[0].steps[0].kind, MoveKind::Vertical);
    assert!(rungs::print::render(&ladder, 30).contains('X'));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn generated_ladders_of_any_shape_work(levels in 1usize..9, corners in 1usize..9, width in 20usize..200) {
        loads_prints_and_plans(levels, corners, width);
    }

    #[test]
    fn arbitrary_text_never_panics_the_loader(src in "\\PC{0,300}") {
        let _ = load_str(&src, "fuzz");
    }

    #[test]
    fn every_pair_of_roles_plans_or_explains(levels in 1usize..6, corners in 1usize..5, a in 0usize..40, b in 0usize..40) {
        let ladder = load_str(&synthetic_ladder_source(levels, corners), "s").unwrap();
        let n = ladder.roles().len();
        let (from, to) = (a % n, b % n);
        let req = PathRequest { from, to, count: 3, ..PathRequest::default() };
        match plan(&ladder, &req) {
            Ok(paths) => {
                prop_assert!(!paths.is_empty() && paths.len() <= 3);
                for p in &paths {
                    prop_assert_eq!(p.roles[0], from);
                    prop_assert_eq!(*p.roles.last().unwrap(), to);
                }
            }
            Err(e) => prop_assert!(from == to, "{e}"),
        }
    }
}

/// A generated ladder with corners marked business-facing, neighbours, hands-on levels and
/// rules as `seed` says, so the planner's rules are exercised in every combination.
fn varied_ladder(levels: usize, corners: usize, seed: u64) -> rungs::ladder::Ladder {
    let mut file: rungs::ladder::LadderFile = rungs::ladder::ron_options()
        .from_str(&synthetic_ladder_source(levels, corners))
        .unwrap();
    let bit = |i: u64| (seed >> (i % 64)) & 1 == 1;
    for (c, corner) in file.corners.iter_mut().enumerate() {
        corner.business_facing = bit(c as u64);
        corner.near = (0..corners)
            .filter(|&o| o != c && bit(8 + (c * corners + o) as u64))
            .map(|o| format!("c{o}"))
            .collect();
    }
    for (l, level) in file.levels.iter_mut().enumerate() {
        level.hands_on = Some(bit(40 + l as u64));
    }
    file.rules.allow_down = bit(50);
    file.rules.max_step_up = 1 + u32::from(bit(51));
    rungs::ladder::load_str(&ron::ser::to_string(&file).unwrap(), "varied").unwrap()
}

/// Every allowed simple path from `from` to `to` whose skips and moves, compared in that
/// order, are no more than `limit`'s. Both only grow along a path, so this is every path that
/// could score as well as a path with that many skips and moves.
fn paths_within(
    ladder: &rungs::ladder::Ladder,
    from: usize,
    to: usize,
    limit: (u32, u32),
) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut stack = vec![(vec![from], (0u32, 0u32))];
    while let Some((path, (skips, moves))) = stack.pop() {
        let here = *path.last().unwrap();
        if here == to {
            out.push(path);
            continue;
        }
        for next in 0..ladder.roles().len() {
            if path.contains(&next) || !ladder.is_allowed(here, next) {
                continue;
            }
            let skip = u32::from(ladder.move_kind(here, next) == MoveKind::Skip);
            let counts = (skips + skip, moves + 1);
            if counts <= limit {
                let mut longer = path.clone();
                longer.push(next);
                stack.push((longer, counts));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn the_best_path_is_the_best_of_all_paths_as_short(
        levels in 2usize..6,
        corners in 1usize..6,
        seed in any::<u64>(),
        a in 0usize..40,
        b in 0usize..40,
        held in 0usize..5,
    ) {
        let ladder = varied_ladder(levels, corners, seed);
        let n = ladder.roles().len();
        let from = a % n;
        let to = (from + 1 + b % (n - 1)) % n;
        let held: Vec<usize> = (held < corners).then_some(held).into_iter().collect();
        let req = PathRequest { from, to, held: held.clone(), count: 1, ..PathRequest::default() };
        let Ok(mut paths) = plan(&ladder, &req) else {
            // Only a ladder that forbids moving down leaves a role out of reach.
            prop_assert!(!ladder.rules().allow_down);
            let mut reached = vec![from];
            let mut i = 0;
            while let Some(&here) = reached.get(i) {
                for next in 0..n {
                    if !reached.contains(&next) && ladder.is_allowed(here, next) {
                        reached.push(next);
                    }
                }
                i += 1;
            }
            prop_assert!(!reached.contains(&to));
            return Ok(());
        };
        let best = paths.remove(0);
        let limit = (best.score.skips, best.score.moves);
        let lowest = paths_within(&ladder, from, to, limit)
            .into_iter()
            .map(|roles| rungs::ladder::Path::with_history(&ladder, roles, &held))
            .min_by_key(|p| p.score)
            .unwrap();
        prop_assert_eq!(best.score, lowest.score, "planned {:?}, better {:?}", best.roles, lowest.roles);
    }
}
