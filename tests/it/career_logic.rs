//! The paths the planner recommends are ones the seed articles would sign: no skipped level,
//! the step into the CIO's chair counts as a step up, several corners on the way to CIO, up and
//! across at each move, no move into a function the person has not worked in (nor next to one
//! they worked in — familiar ground never chains through the path's own corners) when an
//! equally short route avoids it, each such move counted and flagged, and a specialist chief
//! (CTO, CISO, …) reached through a lead or manager role in their own function. The same holds
//! on company ladders (a three-track and an SFIA-shaped one) and on ladders written without
//! `near` (and without `hands_on`), from their defaults.

use std::path::PathBuf;

use rungs::ladder::{
    Advice, BUNDLED, Ladder, LadderFile, MoveKind, Path, PathRequest, load_file, load_str, plan,
};

fn bundled() -> Ladder {
    load_str(BUNDLED[0].1, "bundled").unwrap()
}

fn role(ladder: &Ladder, id: &str) -> usize {
    ladder
        .role_index(id)
        .unwrap_or_else(|| panic!("{}: no role {id}", ladder.id()))
}

fn best(ladder: &Ladder, from: usize, to: usize) -> Path {
    let request = PathRequest {
        from,
        to,
        count: 1,
        ..PathRequest::default()
    };
    plan(ladder, &request).unwrap().remove(0)
}

fn role_ids<'a>(ladder: &'a Ladder, path: &Path) -> Vec<&'a str> {
    path.roles
        .iter()
        .map(|&r| ladder.role(r).id.as_str())
        .collect()
}

fn describe(ladder: &Ladder, path: &Path) -> String {
    let steps: Vec<String> = path
        .steps
        .iter()
        .map(|s| format!("{} {}", s.kind.arrow(), ladder.role(s.to).id))
        .collect();
    format!(
        "{} {} · advice: {:?}",
        ladder.role(path.roles[0]).id,
        steps.join(" "),
        path.advice
            .iter()
            .map(|a| a.describe(ladder))
            .collect::<Vec<_>>()
    )
}

/// Corners the acceptance asks of every path from an individual contributor to the CIO.
const CORNERS_TO_THE_TOP: usize = 3;

/// Checks the best path from `from` to `to` against the seeds' logic and returns it. A path
/// from the entry level to an enterprise-wide top role must touch `corners_to_the_top` corners.
fn check_best_path(ladder: &Ladder, from: usize, to: usize, corners_to_the_top: usize) -> Path {
    let path = best(ladder, from, to);
    let shown = describe(ladder, &path);
    let (from_level, to_level) = (ladder.role_level(from), ladder.role_level(to));

    assert!(
        path.steps.iter().all(|s| s.kind != MoveKind::Skip)
            && !path.advice.iter().any(|a| matches!(a, Advice::Skip { .. })),
        "a skip in {shown}"
    );
    if to_level >= from_level {
        assert!(
            path.steps
                .iter()
                .all(|s| matches!(s.kind, MoveKind::Vertical | MoveKind::Diagonal)),
            "every move should go up (and across where it can): {shown}"
        );
    }
    // Familiar ground, worked out here on its own: the corners the person held (the start's)
    // and their neighbours, and the corners the path has held so far — never a neighbour of
    // those. A move into any other corner above the entry level (not down, not from the
    // corner itself) is a move into unfamiliar ground; a ladder without `near` checks only
    // hands-on levels. The planner must count and flag the same moves.
    let start_corner = ladder.role_corner(from);
    let mut familiar: Vec<usize> = start_corner.into_iter().collect();
    if let Some(c) = start_corner {
        familiar.extend(ladder.near(c).iter().copied());
    }
    let mut unfamiliar = 0;
    for step in &path.steps {
        let level = ladder.role_level(step.to);
        let entered = ladder.role_corner(step.to);
        if level > 0
            && step.kind != MoveKind::Down
            && (ladder.marks_near() || ladder.is_hands_on(level))
            && let Some(entered) = entered
            && !familiar.contains(&entered)
        {
            unfamiliar += 1;
        }
        familiar.extend(entered);
    }
    assert_eq!(
        unfamiliar, path.score.unfamiliar_moves,
        "moves into unfamiliar ground, counted here and by the planner: {shown}"
    );
    check_familiar_ground(ladder, &path, &shown);
    check_specialist_depth(ladder, &path, &shown);

    let enterprise_top = ladder.role_corner(to).is_none() && to_level + 1 == ladder.levels().len();
    if from_level == 0 && enterprise_top {
        // A role across all of IT on the way (IT manager, IT director: the seeds' generalist
        // track) leads every corner at once, and counts as breadth as a corner does.
        let generalist_track = path.roles[..path.roles.len() - 1]
            .iter()
            .any(|&r| ladder.role_corner(r).is_none());
        assert!(
            path.corners.len() + usize::from(generalist_track) >= corners_to_the_top,
            "at least {corners_to_the_top} corners, or corners and the generalist track, on the way to the top: {shown}"
        );
    }
    path
}

/// No move into unfamiliar ground (a function never worked in, nor next to one) when a path as
/// short exists that makes fewer such moves, and among those, a path to a specialist chief
/// holds a leading role in the chief's corner if any of them does: found by trying every path
/// as short.
fn check_familiar_ground(ladder: &Ladder, path: &Path, shown: &str) {
    let fewest = all_paths(
        ladder,
        path.roles[0],
        *path.roles.last().unwrap(),
        path.moves(),
    )
    .into_iter()
    .map(|roles| Path::from_roles(ladder, roles).score)
    // A path that skips a level is never as good, however short (the first rule).
    .filter(|score| score.skips <= path.score.skips)
    .map(|score| (score.unfamiliar_moves, score.missing_depth))
    .min()
    .unwrap();
    assert_eq!(
        path.score.unfamiliar_moves, fewest.0,
        "a move into unfamiliar ground that an equally short path avoids: {shown}"
    );
    assert_eq!(
        path.score.missing_depth, fewest.1,
        "an equally short path on familiar ground holds a leading role in the chief's corner: {shown}"
    );
    let flagged = path
        .advice
        .iter()
        .filter(|a| matches!(a, Advice::UnfamiliarFunction { .. }))
        .count();
    assert_eq!(
        flagged as u32, path.score.unfamiliar_moves,
        "each such move is flagged: {shown}"
    );
}

/// The corner of a specialist chief (a top-level role in a corner) whose ladder has a role in
/// that corner at a leading level below the level under it (or, without one, under it); `None`
/// for any other target.
fn specialist_corner(ladder: &Ladder, target: usize) -> Option<usize> {
    let corner = ladder.role_corner(target)?;
    let top = ladder.levels().len() - 1;
    (ladder.role_level(target) == top
        && (0..ladder.roles().len()).any(|r| leads_in(ladder, r, target, corner)))
    .then_some(corner)
}

/// Whether `role` gives the chief `target` depth in `corner`: a lead or manager role there
/// (levels from the lead level up to the one below the level under the chief), or a role
/// under the chief where the corner has none of those.
fn leads_in(ladder: &Ladder, role: usize, target: usize, corner: usize) -> bool {
    let top = ladder.levels().len() - 1;
    let level = ladder.role_level(role);
    let Some(lead) = ladder.lead_level() else {
        return false;
    };
    let in_corner = |r: usize, lo: usize, hi: usize| {
        r != target
            && ladder.role_corner(r) == Some(corner)
            && (lo..=hi).contains(&ladder.role_level(r))
    };
    let below = top.saturating_sub(2);
    let hi = if (0..ladder.roles().len()).any(|r| in_corner(r, lead, below)) {
        below
    } else {
        top - 1
    };
    in_corner(role, lead, hi) && level >= lead
}

fn holds_depth(ladder: &Ladder, path: &Path, corner: usize) -> bool {
    let target = *path.roles.last().unwrap();
    path.roles[..path.roles.len() - 1]
        .iter()
        .any(|&r| leads_in(ladder, r, target, corner))
}

/// A path to a specialist chief says so when it holds no leading role in the chief's corner,
/// and time in that corner never draws "too long in one corner".
fn check_specialist_depth(ladder: &Ladder, path: &Path, shown: &str) {
    let target = *path.roles.last().unwrap();
    let Some(corner) = specialist_corner(ladder, target) else {
        return;
    };
    let flagged = path
        .advice
        .iter()
        .any(|a| matches!(a, Advice::NoLeadingRoleInCorner { corner: c, .. } if *c == corner));
    assert_eq!(flagged, !holds_depth(ladder, path, corner), "{shown}");
    assert!(
        !path.advice.iter().any(|a| matches!(
            a,
            Advice::TooLongInOneCorner { corner: c, .. } if *c == corner
        )),
        "{shown}"
    );
}

/// From a corner's top role into the enterprise-wide role of the same level: one vertical step,
/// no warning.
fn check_step_into_the_chair(ladder: &Ladder, from: usize, to: usize) {
    let path = best(ladder, from, to);
    assert_eq!(path.moves(), 1, "{}", describe(ladder, &path));
    assert_eq!(path.steps[0].kind, MoveKind::Vertical);
    assert!(path.advice.is_empty(), "{}", describe(ladder, &path));
}

#[test]
fn best_paths_on_the_bundled_ladder_follow_the_seeds() {
    let ladder = bundled();
    assert!(
        ladder.is_hands_on(role_level(&ladder, "dev-lead")),
        "the tech-lead level is hands-on, so the check on hops below means something"
    );
    let table = [
        // individual contributors in many corners, to the CIO and its C-suite peers
        ("developer", "cio"),
        ("sysadmin", "cio"),
        ("security-analyst", "cio"),
        ("data-analyst", "cio"),
        ("service-desk-analyst", "cio"),
        ("business-analyst", "cio"),
        ("solutions-architect", "cio"),
        ("project-coordinator", "cio"),
        ("developer", "cto"),
        ("sysadmin", "cto"),
        ("security-analyst", "cto"),
        ("data-analyst", "cto"),
        ("developer", "ciso"),
        ("sysadmin", "ciso"),
        ("data-analyst", "ciso"),
        ("security-analyst", "ciso"),
        ("data-analyst", "cdo"),
        ("developer", "cdo"),
        ("service-desk-analyst", "cdo"),
        ("sysadmin", "cdo"),
        ("business-analyst", "chief-digital-officer"),
        ("developer", "chief-digital-officer"),
        ("data-analyst", "chief-digital-officer"),
        ("service-desk-analyst", "chief-digital-officer"),
        // managers to the CIO, the generalist track included
        ("engineering-manager", "cio"),
        ("infra-manager", "cio"),
        ("security-manager", "cio"),
        ("it-manager", "cio"),
        // the architects the old bridge sent straight to CTO
        ("lead-architect", "cto"),
        ("enterprise-architect", "cto"),
        ("enterprise-architect", "head-of-architecture"),
        // the last step into the chair
        ("cto", "cio"),
        ("ciso", "cio"),
        ("cdo", "cio"),
        ("svp-infra", "chief-digital-officer"),
    ];
    // The acceptance asks for individual contributors in four corners to each of these.
    for target in ["cio", "cto", "ciso", "cdo", "chief-digital-officer"] {
        let corners: std::collections::HashSet<usize> = table
            .iter()
            .filter(|(from, to)| *to == target && role_level(&ladder, from) == 0)
            .filter_map(|(from, _)| ladder.role_corner(role(&ladder, from)))
            .collect();
        assert!(
            corners.len() >= 4,
            "{target}: from {} corners",
            corners.len()
        );
    }
    for (from, to) in table {
        check_best_path(
            &ladder,
            role(&ladder, from),
            role(&ladder, to),
            CORNERS_TO_THE_TOP,
        );
    }
    for peer in ["cto", "ciso", "cdo", "chief-architect", "svp-business-apps"] {
        check_step_into_the_chair(&ladder, role(&ladder, peer), role(&ladder, "cio"));
    }
}

/// Seed 001's generalist track: an IT manager becomes IT director or VP of IT, then CIO.
#[test]
fn an_it_manager_reaches_cio_through_the_generalist_director_role() {
    let ladder = bundled();
    let path = check_best_path(
        &ladder,
        role(&ladder, "it-manager"),
        role(&ladder, "cio"),
        CORNERS_TO_THE_TOP,
    );
    assert_eq!(
        role_ids(&ladder, &path),
        ["it-manager", "it-director", "cio"]
    );
    assert!(
        path.steps.iter().all(|s| s.kind == MoveKind::Vertical) && path.advice.is_empty(),
        "{}",
        describe(&ladder, &path)
    );
}

fn role_level(ladder: &Ladder, id: &str) -> usize {
    ladder.role_level(role(ladder, id))
}

#[test]
fn the_enterprise_architects_skip_is_explained_and_never_best() {
    let ladder = bundled();
    let (from, to) = (
        role(&ladder, "enterprise-architect"),
        role(&ladder, "head-of-architecture"),
    );
    let request = PathRequest {
        from,
        to,
        count: 5,
        ..PathRequest::default()
    };
    for path in plan(&ladder, &request).unwrap() {
        assert!(
            path.steps.iter().all(|s| s.kind != MoveKind::Skip),
            "{}",
            describe(&ladder, &path)
        );
    }
    // A person may still plan the bridge themselves; the plan then says why it is allowed.
    let chosen = Path::from_roles(&ladder, vec![from, to]);
    assert_eq!(chosen.steps[0].kind, MoveKind::Skip);
    let why = chosen.advice[0].describe(&ladder);
    assert!(
        why.contains("skips Manager") && why.contains("architecture function is often small"),
        "{why}"
    );
}

/// The valid company ladders under tests/fixtures/ladders that name neighbouring corners, each
/// with the corners a best path from its entry level to an enterprise-wide top role must touch.
const FIXTURES_WITH_NEAR: &[(&str, usize)] = &[
    // Technical, management and generalist tracks side by side.
    ("company-three-track.ron", CORNERS_TO_THE_TOP),
    // Seven SFIA levels of responsibility, skill categories as corners.
    ("company-sfia.ron", CORNERS_TO_THE_TOP),
];

/// The valid ladders under tests/fixtures/ladders written without `near`, each with the
/// corners a best path from its entry level to an enterprise-wide top role must touch. Every
/// other file there (but [`FIXTURES_WITH_NEAR`]) is a deliberately broken ladder for the
/// loader's error tests, and [`fixture_ladders_are_checked_here_or_deliberately_broken`] holds
/// the lists to the files.
const FIXTURES_WITHOUT_NEAR: &[(&str, usize)] = &[
    ("company-without-near.ron", CORNERS_TO_THE_TOP),
    ("company-stacked.ron", CORNERS_TO_THE_TOP),
    // Two levels: the top is one move from the entry level, so the path holds the start's
    // corner and no other.
    ("valid-small.ron", 1),
    // One level and one role: there is no move to plan; listed so that it must keep loading.
    ("minimal.ron", 1),
];

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ladders")
}

#[test]
fn fixture_ladders_are_checked_here_or_deliberately_broken() {
    for entry in std::fs::read_dir(fixture_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let listed = FIXTURES_WITHOUT_NEAR
            .iter()
            .chain(FIXTURES_WITH_NEAR)
            .any(|(f, _)| *f == name);
        match load_file(&path) {
            Ok(_) => assert!(
                listed,
                "{name} loads: add it to FIXTURES_WITHOUT_NEAR or FIXTURES_WITH_NEAR so the planner is checked on it"
            ),
            Err(e) => assert!(
                !listed,
                "{name} is listed as a valid ladder but does not load: {e}"
            ),
        }
    }
}

/// The fixture ladders, and the bundled ladder with its `near` and `hands_on` fields removed,
/// each with the corners a path to the top must touch.
fn ladders_without_near() -> Vec<(Ladder, usize)> {
    let mut ladders: Vec<(Ladder, usize)> = FIXTURES_WITHOUT_NEAR
        .iter()
        .map(|&(name, corners)| {
            let ladder = load_file(&fixture_dir().join(name))
                .unwrap_or_else(|e| panic!("{name} does not load: {e}"));
            (ladder, corners)
        })
        .collect();
    let mut file: LadderFile = bundled().file().clone();
    for corner in &mut file.corners {
        corner.near.clear();
    }
    for level in &mut file.levels {
        level.hands_on = None;
    }
    let source = ron::ser::to_string(&file).unwrap();
    ladders.push((
        load_str(&source, "bundled without near").unwrap(),
        CORNERS_TO_THE_TOP,
    ));
    for (ladder, _) in &ladders {
        assert!(
            (0..ladder.corners().len()).all(|c| ladder.near(c).is_empty()),
            "{} has near fields",
            ladder.id()
        );
    }
    ladders
}

#[test]
fn the_same_holds_on_ladders_without_near() {
    for (ladder, corners_to_the_top) in ladders_without_near() {
        let top = ladder.levels().len() - 1;
        let entry_roles: Vec<usize> = ladder.roles_at_level(0).to_vec();
        let top_roles: Vec<usize> = ladder.roles_at_level(top).to_vec();
        for &from in &entry_roles {
            for &to in &top_roles {
                if from != to {
                    check_best_path(&ladder, from, to, corners_to_the_top);
                }
            }
        }
        for &peer in top_roles
            .iter()
            .filter(|&&r| ladder.role_corner(r).is_some())
        {
            for &chair in top_roles
                .iter()
                .filter(|&&r| ladder.role_corner(r).is_none())
            {
                check_step_into_the_chair(&ladder, peer, chair);
            }
        }
        let managers = ladder.roles_at_level(ladder.levels().len().saturating_sub(3));
        for &from in managers {
            for &to in top_roles
                .iter()
                .filter(|&&r| ladder.role_corner(r).is_none())
            {
                check_best_path(&ladder, from, to, corners_to_the_top);
            }
        }
    }
}

#[test]
fn without_near_a_new_lead_grows_in_the_corner_they_know() {
    let ladder = load_file(&fixture_dir().join("company-without-near.ron")).unwrap();
    let path = check_best_path(
        &ladder,
        role(&ladder, "ops-engineer"),
        role(&ladder, "cio"),
        CORNERS_TO_THE_TOP,
    );
    let ids = role_ids(&ladder, &path);
    assert_eq!(ids[1], "ops-lead", "{ids:?}");
    assert_eq!(path.corners.len(), 3, "{ids:?}");
}

/// Every allowed path from `from` to `to` with exactly `moves` moves, found by brute force.
fn all_paths(ladder: &Ladder, from: usize, to: usize, moves: usize) -> Vec<Vec<usize>> {
    fn extend(
        ladder: &Ladder,
        to: usize,
        left: usize,
        path: &mut Vec<usize>,
        out: &mut Vec<Vec<usize>>,
    ) {
        let here = *path.last().unwrap();
        if left == 0 {
            if here == to {
                out.push(path.clone());
            }
            return;
        }
        let climb_needed = ladder
            .role_level(to)
            .saturating_sub(ladder.role_level(here));
        if climb_needed > left {
            return;
        }
        for next in 0..ladder.roles().len() {
            if !path.contains(&next) && ladder.is_allowed(here, next) {
                path.push(next);
                extend(ladder, to, left - 1, path, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    extend(ladder, to, moves, &mut vec![from], &mut out);
    out
}

#[test]
fn the_best_path_has_the_lowest_score_of_all_paths_as_short() {
    let ladder = bundled();
    for (from, to) in [
        ("security-analyst", "cto"),
        ("developer", "ciso"),
        ("sysadmin", "cio"),
        ("it-manager", "cio"),
        ("enterprise-architect", "cto"),
    ] {
        let (from, to) = (role(&ladder, from), role(&ladder, to));
        let best = best(&ladder, from, to);
        let lowest = all_paths(&ladder, from, to, best.moves())
            .into_iter()
            .map(|roles| Path::from_roles(&ladder, roles))
            .min_by_key(|p| p.score)
            .unwrap();
        assert_eq!(
            best.score,
            lowest.score,
            "planned {} but {} scores better",
            describe(&ladder, &best),
            describe(&ladder, &lowest)
        );
        assert!(
            all_paths(&ladder, from, to, best.moves() - 1).is_empty(),
            "a shorter path exists"
        );
    }
}

#[test]
fn the_readme_lists_every_role_of_the_bundled_ladder_and_its_print() {
    let readme = include_str!("../../README.md");
    let start = readme
        .find("## The bundled ladder")
        .expect("a section on the bundled ladder");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    let ladder = bundled();
    for role in ladder.roles() {
        assert!(
            section.contains(role.title.as_str()),
            "the README's ladder section lacks {}",
            role.title
        );
    }
    let printed = rungs::print::render(&ladder, 120);
    assert!(
        readme.contains(&format!("$ rungs print\n{printed}```")),
        "the README's `rungs print` example is out of date:\n{printed}"
    );
}

/// Every start at or below `start_levels` to every top role, and every manager to every
/// enterprise-wide top role, checked against the seeds' logic.
fn check_every_climb(ladder: &Ladder, start_levels: usize, corners_to_the_top: usize) {
    let top = ladder.levels().len() - 1;
    for from in (0..ladder.roles().len()).filter(|&r| ladder.role_level(r) < start_levels) {
        for &to in ladder.roles_at_level(top) {
            check_best_path(ladder, from, to, corners_to_the_top);
        }
    }
}

#[test]
fn the_same_holds_on_company_ladders_that_name_neighbours() {
    for &(name, corners_to_the_top) in FIXTURES_WITH_NEAR {
        let ladder = load_file(&fixture_dir().join(name))
            .unwrap_or_else(|e| panic!("{name} does not load: {e}"));
        assert!(ladder.marks_near(), "{name} names neighbours");
        // Starts in at least four corners: the lowest levels up to the first that has them.
        let start_levels = (1..=ladder.levels().len())
            .find(|&l| {
                let corners: std::collections::HashSet<usize> = (0..ladder.roles().len())
                    .filter(|&r| ladder.role_level(r) < l)
                    .filter_map(|r| ladder.role_corner(r))
                    .collect();
                corners.len() >= 4
            })
            .unwrap_or_else(|| panic!("{name}: starts in four corners"));
        check_every_climb(&ladder, start_levels, corners_to_the_top);
        let top = ladder.levels().len() - 1;
        let specialists = ladder
            .roles_at_level(top)
            .iter()
            .filter(|&&r| specialist_corner(&ladder, r).is_some())
            .count();
        assert!(specialists >= 2, "{name}: specialist chiefs to check");
    }
}

/// The acceptance: from every individual contributor to every specialist chief of the bundled
/// ladder, the best path holds a leading role in the chief's corner, and never draws "too long
/// in one corner" for it (checked in [`check_best_path`]).
#[test]
fn every_individual_contributor_reaches_a_specialist_chief_through_their_function() {
    let ladder = bundled();
    let top = ladder.levels().len() - 1;
    let chiefs: Vec<usize> = ladder
        .roles_at_level(top)
        .iter()
        .copied()
        .filter(|&r| ladder.role_corner(r).is_some())
        .collect();
    assert!(
        chiefs.len() >= 4,
        "CTO, CISO, CDO, Chief Architect and more"
    );
    for &chief in &chiefs {
        assert!(specialist_corner(&ladder, chief).is_some());
        for &from in ladder.roles_at_level(0) {
            let path = check_best_path(&ladder, from, chief, CORNERS_TO_THE_TOP);
            let corner = ladder.role_corner(chief).unwrap();
            assert!(
                holds_depth(&ladder, &path, corner),
                "no leading role in the chief's own corner: {}",
                describe(&ladder, &path)
            );
            let before = &path.roles[path.roles.len() - 2];
            assert_eq!(
                ladder.role_corner(*before),
                ladder.role_corner(chief),
                "depth comes last: the chief steps up from leading the function: {}",
                describe(&ladder, &path)
            );
        }
    }
    // The usual route of a security analyst is advice-free.
    let usual: Vec<usize> = [
        "security-analyst",
        "security-lead",
        "security-manager",
        "director-security",
        "ciso",
    ]
    .iter()
    .map(|id| role(&ladder, id))
    .collect();
    let usual = Path::from_roles(&ladder, usual);
    assert!(usual.advice.is_empty(), "{}", describe(&ladder, &usual));
}

/// A path that reaches a specialist chief with no leading role in the chief's corner says so.
#[test]
fn a_chief_without_a_leading_role_in_their_function_is_flagged() {
    let ladder = bundled();
    let roles = ["engineering-manager", "director-data", "ciso"]
        .iter()
        .map(|id| role(&ladder, id))
        .collect();
    let path = Path::from_roles(&ladder, roles);
    let said: Vec<String> = path.advice.iter().map(|a| a.describe(&ladder)).collect();
    assert!(
        said.iter()
            .any(|a| a.starts_with("step 2: no leading role in Security before it")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|a| a.contains("leading a function you have not worked in")),
        "Security is not next to development or data: {said:?}"
    );
}

/// Seed 002's main route to CIO: from an engineering manager, IT director / VP of IT then CIO
/// is the best path or the first alternative.
#[test]
fn an_engineering_manager_sees_the_generalist_route_to_cio_first_or_second() {
    let ladder = bundled();
    let request = PathRequest {
        from: role(&ladder, "engineering-manager"),
        to: role(&ladder, "cio"),
        count: 2,
        ..PathRequest::default()
    };
    let paths = plan(&ladder, &request).unwrap();
    let generalist = ["engineering-manager", "it-director", "cio"];
    assert!(
        paths.iter().any(|p| role_ids(&ladder, p) == generalist),
        "{:?}",
        paths
            .iter()
            .map(|p| describe(&ladder, p))
            .collect::<Vec<_>>()
    );
}

/// `--via CORNER` asks for a role in that corner before the target: the target's own corner
/// is not visited by arriving there.
#[test]
fn via_the_targets_corner_means_a_role_there_before_the_target() {
    let ladder = bundled();
    let security = ladder.corner_index("security").unwrap();
    let direct = best(
        &ladder,
        role(&ladder, "director-data"),
        role(&ladder, "ciso"),
    );
    assert_eq!(direct.moves(), 1, "{}", describe(&ladder, &direct));
    let request = PathRequest {
        from: role(&ladder, "director-data"),
        to: role(&ladder, "ciso"),
        via: vec![security],
        count: 1,
        ..PathRequest::default()
    };
    let path = plan(&ladder, &request).unwrap().remove(0);
    assert!(
        path.roles[..path.roles.len() - 1]
            .iter()
            .any(|&r| ladder.role_corner(r) == Some(security)),
        "{}",
        describe(&ladder, &path)
    );
}

/// A realistic clock: from an individual contributor's first job, the suggested date for CIO
/// is at least twelve years ahead, whether the CIO is only compared or planned step by step,
/// and `rungs path` says how long the whole path usually takes.
#[test]
fn an_individual_contributors_suggested_date_for_cio_is_twelve_years_or_more_ahead() {
    use rungs::date::Date;
    use rungs::profile::{PlanStep, Profile, compare, step_dates};
    let ladder = bundled();
    let today: Date = "2026-12-06".parse().unwrap();
    let twelve_years = today.plus_days(12 * 365 + 3).unwrap();
    let cio = role(&ladder, "cio");
    for start in ladder.roles_at_level(0) {
        let id = ladder.role(*start).id.to_string();
        let mut p = Profile::new("p".into(), "P".into(), ladder.id().into(), id.clone());
        let compared = compare(&p, &ladder, &[cio], today).unwrap();
        let suggested = compared[0].suggested.unwrap();
        assert!(
            suggested >= twelve_years,
            "{id}: compare suggests {suggested}"
        );

        let path = best(&ladder, *start, cio);
        let (min, max) = ladder.usual_span(&path.roles);
        assert!(min >= 12 && max > min, "{id}: usually {min}–{max} years");
        for &r in &path.roles[1..] {
            p.plan.push(PlanStep {
                role: ladder.role(r).id.to_string(),
                target_date: None,
                note: String::new(),
            });
        }
        let dates = step_dates(&p, &ladder, today);
        let last = dates.last().unwrap();
        assert!(
            !last.set && last.date >= twelve_years,
            "{id}: the plan suggests {} for CIO",
            last.date
        );
    }
}
