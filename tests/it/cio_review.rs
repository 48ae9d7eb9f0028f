//! The routes an experienced CIO signs, stated as tables (issue 21): a specialist chief comes
//! up through their own function, a developer first leads developers, the generalist route to
//! CIO is on top for a manager, and no best path moves into unfamiliar ground — a corner the
//! person never held, nor next to one they held — when an equally short path does not. The
//! familiar ground is worked out here on its own, from the ladder's `near`, so the planner's
//! own count is checked rather than trusted. On the bundled ladder and on the company
//! fixtures (three tracks; SFIA-shaped).

use std::path::PathBuf;

use rungs::ladder::{
    Advice, BUNDLED, Ladder, MoveKind, Path, PathRequest, load_file, load_str, plan,
};

fn bundled() -> Ladder {
    load_str(BUNDLED[0].1, "bundled").unwrap()
}

fn fixture(name: &str) -> Ladder {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ladders")
        .join(name);
    load_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn role(ladder: &Ladder, id: &str) -> usize {
    ladder
        .role_index(id)
        .unwrap_or_else(|| panic!("{}: no role {id}", ladder.id()))
}

fn paths(ladder: &Ladder, from: &str, to: &str, count: usize) -> Vec<Path> {
    let request = PathRequest {
        from: role(ladder, from),
        to: role(ladder, to),
        count,
        ..PathRequest::default()
    };
    plan(ladder, &request).unwrap()
}

fn best(ladder: &Ladder, from: &str, to: &str) -> Path {
    paths(ladder, from, to, 1).remove(0)
}

fn ids<'a>(ladder: &'a Ladder, path: &Path) -> Vec<&'a str> {
    path.roles
        .iter()
        .map(|&r| ladder.role(r).id.as_str())
        .collect()
}

fn describe(ladder: &Ladder, path: &Path) -> String {
    let advice: Vec<String> = path.advice.iter().map(|a| a.describe(ladder)).collect();
    format!("{} · {advice:?}", ids(ladder, path).join(" → "))
}

/// The usual routes, best on the bundled ladder.
#[test]
fn the_usual_routes_are_the_best_paths() {
    let ladder = bundled();
    let table: &[(&str, &str, &[&str])] = &[
        // Today's straight route ranked 12th of 12.
        (
            "security-analyst",
            "ciso",
            &[
                "security-analyst",
                "security-lead",
                "security-manager",
                "director-security",
                "ciso",
            ],
        ),
        // The classic route through software-development leadership (was 20th).
        (
            "developer",
            "cto",
            &[
                "developer",
                "dev-lead",
                "engineering-manager",
                "director-engineering",
                "cto",
            ],
        ),
        (
            "data-analyst",
            "cdo",
            &[
                "data-analyst",
                "data-lead",
                "analytics-manager",
                "director-data",
                "cdo",
            ],
        ),
        // Project coordinator → project manager toward a delivery target (was last).
        (
            "project-coordinator",
            "chief-transformation-officer",
            &[
                "project-coordinator",
                "project-manager",
                "programme-manager",
                "director-portfolio",
                "chief-transformation-officer",
            ],
        ),
        (
            "project-coordinator",
            "director-portfolio",
            &[
                "project-coordinator",
                "project-manager",
                "programme-manager",
                "director-portfolio",
            ],
        ),
    ];
    for &(from, to, expected) in table {
        let path = best(&ladder, from, to);
        assert_eq!(
            ids(&ladder, &path),
            expected,
            "{}",
            describe(&ladder, &path)
        );
        assert!(path.advice.is_empty(), "{}", describe(&ladder, &path));
    }
}

/// Seed 002's main route to CIO: from an engineering manager, IT director / VP of IT then CIO
/// is the best path or the first alternative.
#[test]
fn from_an_engineering_manager_the_generalist_route_to_cio_is_first_or_second() {
    let ladder = bundled();
    let two = paths(&ladder, "engineering-manager", "cio", 2);
    let shown: Vec<String> = two.iter().map(|p| describe(&ladder, p)).collect();
    assert!(
        two.iter()
            .any(|p| ids(&ladder, p) == ["engineering-manager", "it-director", "cio"]),
        "{shown:?}"
    );
    // From a role that already spans all of IT, the generalist track is the best path.
    let path = best(&ladder, "it-manager", "cio");
    assert_eq!(ids(&ladder, &path), ["it-manager", "it-director", "cio"]);
}

/// The company fixtures that name neighbours, each with its specialist chiefs.
const COMPANY: &[&str] = &["company-three-track.ron", "company-sfia.ron"];

/// Every start at the entry level (and, where the entry level holds few, the levels above it
/// up to the lead level) to every top role, on the bundled ladder and the company fixtures.
fn climbs(ladder: &Ladder) -> Vec<(usize, usize)> {
    let top = ladder.levels().len() - 1;
    let lead = ladder.lead_level().unwrap();
    let starts: Vec<usize> = (0..ladder.roles().len())
        .filter(|&r| ladder.role_level(r) < lead && ladder.role_corner(r).is_some())
        .collect();
    starts
        .iter()
        .flat_map(|&from| ladder.roles_at_level(top).iter().map(move |&to| (from, to)))
        .collect()
}

/// The acceptance: from every individual contributor to every specialist chief, the best path
/// holds a lead or manager role in the chief's corner before the chief (below the level under
/// it: a director alone is not enough), steps up to the chief from that corner, and never
/// draws "too long in one corner" for it.
#[test]
fn every_individual_contributor_reaches_each_specialist_chief_through_their_function() {
    // The levels that give a chief depth, lowest and highest: the lead and manager levels,
    // below the director's.
    let table = [
        (bundled(), ("tech-lead", "manager")),
        (fixture(COMPANY[0]), ("lead", "manager")),
        (fixture(COMPANY[1]), ("enable", "ensure")),
    ];
    for (ladder, (lowest_id, highest_id)) in &table {
        let top = ladder.levels().len() - 1;
        let level = |id: &str| ladder.levels().iter().position(|l| l.id == id).unwrap();
        let mut chiefs = 0;
        for (from, to) in climbs(ladder) {
            let Some(corner) = ladder.role_corner(to) else {
                continue;
            };
            chiefs += 1;
            let path = best(
                ladder,
                ladder.role(from).id.as_ref(),
                ladder.role(to).id.as_ref(),
            );
            let shown = describe(ladder, &path);
            let (lowest, highest) = (level(lowest_id), level(highest_id));
            assert_eq!(ladder.depth_levels(corner, top), Some((lowest, highest)));
            let before = &path.roles[..path.roles.len() - 1];
            assert!(
                before.iter().any(|&r| ladder.role_corner(r) == Some(corner)
                    && (lowest..=highest).contains(&ladder.role_level(r))),
                "no lead or manager role in the chief's corner: {shown}"
            );
            assert_eq!(
                ladder.role_corner(*before.last().unwrap()),
                Some(corner),
                "the chief steps up from leading the function: {shown}"
            );
            assert!(
                !path.advice.iter().any(|a| matches!(
                    a,
                    Advice::TooLongInOneCorner { .. } | Advice::NoLeadingRoleInCorner { .. }
                )),
                "{shown}"
            );
        }
        assert!(chiefs >= 2, "{}: specialist chiefs to check", ladder.id());
    }
}

/// A developer becomes a tech lead in software development, not in delivery or architecture:
/// the first role at the lead level (or above) on a best path is in the corner of the role
/// before it whenever that corner has a role there — on the way to any top role.
#[test]
fn the_first_lead_role_is_in_the_craft_practised() {
    let mut ladders = vec![bundled()];
    ladders.extend(COMPANY.iter().map(|name| fixture(name)));
    for ladder in &ladders {
        let lead = ladder.lead_level().unwrap();
        for (from, to) in climbs(ladder) {
            let path = best(
                ladder,
                ladder.role(from).id.as_ref(),
                ladder.role(to).id.as_ref(),
            );
            let step = path
                .steps
                .iter()
                .find(|s| ladder.role_level(s.to) >= lead)
                .unwrap();
            let craft = ladder.role_corner(step.from).unwrap();
            let craft_has_one = ladder
                .roles_at_level(ladder.role_level(step.to))
                .iter()
                .any(|&r| ladder.role_corner(r) == Some(craft));
            if craft_has_one {
                assert_eq!(
                    ladder.role_corner(step.to),
                    Some(craft),
                    "{}",
                    describe(ladder, &path)
                );
            }
        }
    }
    let path = best(&bundled(), "developer", "cio");
    assert_eq!(ids(&bundled(), &path)[1], "dev-lead");
}

/// The moves of `path` into unfamiliar ground, worked out from the ladder alone: the person
/// knows the start's corner and the corners next to it, and each corner the path has held;
/// a move above the entry level, not down, into any other corner is unfamiliar.
fn unfamiliar_moves(ladder: &Ladder, path: &Path) -> usize {
    let start = ladder.role_corner(path.roles[0]);
    let mut known: Vec<usize> = start.into_iter().collect();
    if let Some(c) = start {
        known.extend(ladder.near(c));
    }
    let mut count = 0;
    for step in &path.steps {
        if let Some(c) = ladder.role_corner(step.to) {
            if ladder.role_level(step.to) > 0 && step.kind != MoveKind::Down && !known.contains(&c)
            {
                count += 1;
            }
            known.push(c);
        }
    }
    count
}

/// Every path from `from` to `to` in exactly `moves` moves with no skipped level.
fn paths_as_short(ladder: &Ladder, from: usize, to: usize, moves: usize) -> Vec<Path> {
    fn extend(
        ladder: &Ladder,
        to: usize,
        left: usize,
        roles: &mut Vec<usize>,
        out: &mut Vec<Path>,
    ) {
        let here = *roles.last().unwrap();
        if left == 0 {
            if here == to {
                out.push(Path::from_roles(ladder, roles.clone()));
            }
            return;
        }
        if ladder
            .role_level(to)
            .saturating_sub(ladder.role_level(here))
            > left
        {
            return;
        }
        for next in 0..ladder.roles().len() {
            if !roles.contains(&next)
                && ladder.is_allowed(here, next)
                && ladder.move_kind(here, next) != MoveKind::Skip
            {
                roles.push(next);
                extend(ladder, to, left - 1, roles, out);
                roles.pop();
            }
        }
    }
    let mut out = Vec::new();
    extend(ladder, to, moves, &mut vec![from], &mut out);
    out
}

/// Checks that the best path from `from` to `to` moves into unfamiliar ground no more often
/// than any equally short path, and that the planner counts and flags those moves.
fn check_familiar(ladder: &Ladder, from: &str, to: &str) {
    let path = best(ladder, from, to);
    let shown = describe(ladder, &path);
    let made = unfamiliar_moves(ladder, &path);
    let fewest = paths_as_short(ladder, path.roles[0], role(ladder, to), path.moves())
        .iter()
        .map(|p| unfamiliar_moves(ladder, p))
        .min()
        .unwrap();
    assert_eq!(
        made, fewest,
        "an equally short path on familiar ground: {shown}"
    );
    assert_eq!(made as u32, path.score.unfamiliar_moves, "{shown}");
    let flagged = path
        .advice
        .iter()
        .filter(|a| matches!(a, Advice::UnfamiliarFunction { .. }))
        .count();
    assert_eq!(flagged, made, "each is flagged: {shown}");
}

/// The acceptance's table: starts in four corners at least, to CIO, CTO, CISO, CDO and Chief
/// Digital Officer on the bundled ladder, and to every top role of the company fixtures.
#[test]
fn no_best_path_enters_unfamiliar_ground_an_equally_short_path_avoids() {
    let ladder = bundled();
    let starts = [
        "sysadmin",
        "developer",
        "data-analyst",
        "security-analyst",
        "solutions-architect",
        "service-desk-analyst",
        "project-coordinator",
        "business-analyst",
    ];
    let targets = ["cio", "cto", "ciso", "cdo", "chief-digital-officer"];
    for from in starts {
        for to in targets {
            check_familiar(&ladder, from, to);
        }
    }
    let company: &[(&str, &[&str], &[&str])] = &[
        (
            "company-three-track.ron",
            &["developer", "data-engineer", "ops-engineer", "sec-engineer"],
            &["cio", "cto", "cdo", "ciso"],
        ),
        (
            "company-sfia.ron",
            &[
                "analyst",
                "developer",
                "operator",
                "security-analyst",
                "account-coordinator",
            ],
            &["cio", "chief-architect", "cto", "ciso"],
        ),
    ];
    for &(name, starts, targets) in company {
        let ladder = fixture(name);
        for from in starts {
            for to in targets {
                check_familiar(&ladder, from, to);
            }
        }
    }
}
