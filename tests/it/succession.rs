//! The bench, team coverage and the promotion case (issue 25), through the binary: ten
//! generated reports at different levels and corners; every role on a plan or target is on the
//! bench with its candidates, bands and flags; "ready now" is readiness complete and past the
//! usual minimum in the role; the figures agree with `rungs compare`, `rungs plan show` and
//! `rungs ratings`; the case lists each rising competency with its evidence and ratings, marks
//! the ones without, says the same in JSON, and never carries private notes unless asked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use rungs::date::Date;
use rungs::ladder::{BUNDLED, Ladder, PathRequest, load_str, plan};
use rungs::profile::{
    HeldRole, MilestoneProgress, Profile, Rater, Rating, RatingLevel, Status, Store, rules,
};

use crate::common::{self, Lcg, TODAY};

fn bundled() -> Ladder {
    load_str(BUNDLED[0].1, "bundled").unwrap()
}

fn today() -> Date {
    TODAY.parse().unwrap()
}

/// The ten reports: (role, target, years in the role — `None`: no dated history, share of the
/// training of the level held that is done, in tenths). One person at the lowest level, so no
/// one stands behind them; the rest spread over levels and corners, some trained and long in
/// their role (ready now), some new, some untrained.
const REPORTS: [(&str, Option<&str>, Option<i64>, u64); 10] = [
    ("developer", Some("engineering-manager"), Some(2), 10),
    ("dev-lead", Some("engineering-manager"), Some(5), 10),
    ("infra-lead", Some("director-infra"), Some(1), 10),
    ("data-lead", Some("cio"), Some(4), 5),
    ("security-lead", Some("security-manager"), None, 10),
    ("lead-architect", Some("chief-digital-officer"), Some(6), 0),
    (
        "engineering-manager",
        Some("director-engineering"),
        Some(7),
        10,
    ),
    ("analytics-manager", Some("cdo"), Some(3), 7),
    ("security-manager", None, Some(2), 3),
    ("director-data", Some("cio"), Some(5), 10),
];

/// A profile for report `n`, with the best path to its target as its plan.
fn report(ladder: &Ladder, n: usize, rng: &mut Lcg) -> Profile {
    let (role, target, years, tenths) = REPORTS[n];
    let p = Profile::new(
        format!("report-{n:02}"),
        format!("Report {n:02}"),
        "it-leadership".into(),
        role.into(),
    );
    with_record(ladder, p, target, years, tenths, rng)
}

/// `p` (in its current role) with `target`, `years` in the role (`None`: no dated history),
/// every milestone of the levels below done and `tenths` of its own level's, ratings drawn
/// from `rng`, and the best path to the target as its plan. The Team view's tests use it too.
pub fn with_record(
    ladder: &Ladder,
    mut p: Profile,
    target: Option<&str>,
    years: Option<i64>,
    tenths: u64,
    rng: &mut Lcg,
) -> Profile {
    let role = p.current_role.clone();
    let role = role.as_str();
    p.target_role = target.map(String::from);
    if let Some(years) = years {
        p.history.push(HeldRole {
            role: "service-desk-analyst".into(),
            from: None,
            to: today().plus_days(-years * 365 - 10),
            note: String::new(),
        });
    }
    let held = ladder.role_level(ladder.role_index(role).unwrap());
    let mut mark = |id: &str| {
        p.milestones.insert(
            id.to_string(),
            MilestoneProgress {
                seq: 0,
                status: Status::Done,
                changed: "2024-01-01".parse().unwrap(),
                due: None,
                note: String::new(),
            },
        );
    };
    for level in 0..=held {
        let milestones = &ladder.levels()[level].milestones;
        let done = if level < held {
            milestones.len()
        } else {
            (milestones.len() as u64 * tenths).div_ceil(10) as usize
        };
        for m in milestones.iter().take(done) {
            mark(&m.id);
        }
    }
    for c in ladder.competencies() {
        if rng.next().is_multiple_of(3) {
            continue;
        }
        p.ratings.push(Rating {
            seq: 0,
            competency: c.id.clone(),
            by: if rng.next().is_multiple_of(2) {
                Rater::Own
            } else {
                Rater::Manager
            },
            level: RatingLevel::ALL[(rng.next() % 4) as usize],
            date: "2026-06-01".parse().unwrap(),
            note: String::new(),
        });
    }
    if let Some(target) = target {
        let request = PathRequest {
            from: ladder.role_index(role).unwrap(),
            to: ladder.role_index(target).unwrap(),
            count: 1,
            ..PathRequest::default()
        };
        let best = plan(ladder, &request).unwrap().remove(0);
        p.plan = rules::plan_of_path(&p, ladder, &best).1;
    }
    p
}

fn ten_reports(dir: &Path) -> Vec<Profile> {
    let ladder = bundled();
    let store = Store::new(dir);
    let mut rng = Lcg(25);
    (0..REPORTS.len())
        .map(|n| {
            let p = report(&ladder, n, &mut rng);
            store.create(&p).unwrap();
            p
        })
        .collect()
}

fn role_entry<'a>(bench: &'a Value, role: &str) -> &'a Value {
    bench["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["role"] == role)
        .unwrap_or_else(|| panic!("{role} is on the bench"))
}

#[test]
fn every_role_on_a_plan_or_target_is_on_the_bench_with_candidates_bands_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let reports = ten_reports(dir.path());
    let ladder = bundled();
    let bench = common::json(common::rungs(dir.path()).args(["bench", "--json"]));
    let mut wanted: BTreeSet<String> = BTreeSet::new();
    for p in &reports {
        wanted.extend(p.plan.iter().map(|s| s.role.clone()));
        wanted.extend(p.target_role.clone());
    }
    let listed: BTreeSet<String> = bench["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["role"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        listed, wanted,
        "every role on a plan or target, and only those"
    );

    let mut bands_seen = BTreeSet::new();
    for role in bench["roles"].as_array().unwrap() {
        let id = role["role"].as_str().unwrap();
        let target = ladder.role_index(id).unwrap();
        let candidates = role["candidates"].as_array().unwrap();
        let flags: Vec<&str> = role["flags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        // A successor is someone ready now or within two years.
        let successors = candidates
            .iter()
            .filter(|c| c["band"] != "3-plus-years")
            .count();
        match successors {
            0 => assert_eq!(flags, ["no-successor"], "{id}"),
            1 => assert_eq!(flags, ["one-successor"], "{id}"),
            _ => assert!(flags.is_empty(), "{id}: {flags:?}"),
        }
        // Everyone at the role's level or below who does not hold it, and no one else.
        let expected: BTreeSet<&str> = reports
            .iter()
            .filter(|p| {
                let r = ladder.role_index(&p.current_role).unwrap();
                r != target && ladder.role_level(r) <= ladder.role_level(target)
            })
            .map(|p| p.id.as_str())
            .collect();
        let got: BTreeSet<&str> = candidates
            .iter()
            .map(|c| c["profile"].as_str().unwrap())
            .collect();
        assert_eq!(got, expected, "{id}");
        for c in candidates {
            let p = reports.iter().find(|p| p.id == c["profile"]).unwrap();
            let band = c["band"].as_str().unwrap();
            bands_seen.insert(band.to_string());
            // Ready now: readiness complete, one move, and past the fewest usual years.
            let current = ladder.role_index(&p.current_role).unwrap();
            let (fewest, _) = ladder.typical_years(ladder.role_level(current));
            let past_minimum = p
                .history
                .iter()
                .filter_map(|h| h.to)
                .max()
                .is_some_and(|since| {
                    (today().days_since_epoch() - since.days_since_epoch()) as f64
                        >= f64::from(fewest) * 365.25
                });
            let complete = c["readiness"]["done"] == c["readiness"]["total"];
            let ready = complete && c["moves"] == 1 && past_minimum;
            assert_eq!(band == "ready-now", ready, "{id}: {c}");
            let soonest = c["soonest_days"].as_i64().unwrap();
            let expected_band = match soonest {
                0 => "ready-now",
                1..=731 => "1-2-years",
                _ => "3-plus-years",
            };
            assert_eq!(band, expected_band, "{id}: {c}");
        }
        let counted: u64 = role["bands"]
            .as_object()
            .unwrap()
            .values()
            .map(|v| v.as_u64().unwrap())
            .sum();
        assert_eq!(counted as usize, candidates.len());
    }
    assert_eq!(
        bands_seen,
        ["1-2-years", "3-plus-years", "ready-now"]
            .map(String::from)
            .into(),
        "the ten reports reach every band"
    );
    // The trained tech lead five years in the role is ready now for the manager role.
    let manager = role_entry(&bench, "engineering-manager");
    let lead = manager["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["profile"] == "report-01")
        .unwrap();
    assert_eq!(lead["band"], "ready-now");
    assert_eq!(manager["held_by"], serde_json::json!(["report-06"]));

    // The developer, the only one at the lowest level, has no one behind; everyone's flag
    // says whether anyone stands behind them.
    for r in bench["reports"].as_array().unwrap() {
        let empty = r["behind"].as_array().unwrap().is_empty();
        let flagged = r["flags"] == serde_json::json!(["no-one-behind"]);
        assert_eq!(empty, flagged, "{r}");
        assert_eq!(r["profile"] == "report-00", empty, "{r}");
    }
}

#[test]
fn the_bench_agrees_with_compare_and_plan_show_for_the_same_people() {
    let dir = tempfile::tempdir().unwrap();
    let reports = ten_reports(dir.path());
    let ladder = bundled();
    let bench = common::json(common::rungs(dir.path()).args(["bench", "--json"]));
    // Each person's candidacies, by role.
    let mut by_person: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
    for role in bench["roles"].as_array().unwrap() {
        for c in role["candidates"].as_array().unwrap() {
            by_person
                .entry(c["profile"].as_str().unwrap().to_string())
                .or_default()
                .insert(role["role"].as_str().unwrap().to_string(), c.clone());
        }
    }
    for p in &reports {
        let Some(candidacies) = by_person.get(&p.id) else {
            continue;
        };
        let roles: Vec<&String> = candidacies.keys().collect();
        for chunk in roles.chunks(3) {
            let mut args = vec!["--profile", p.id.as_str(), "compare"];
            args.extend(chunk.iter().map(|r| r.as_str()));
            args.push("--json");
            let compared = common::json(common::rungs(dir.path()).args(&args));
            for (role, c) in chunk.iter().zip(compared.as_array().unwrap()) {
                let ours = &candidacies[role.as_str()];
                assert_eq!(c["role"], role.as_str());
                for field in ["done", "total", "percent", "for_level"] {
                    assert_eq!(
                        ours["readiness"][field], c["readiness"][field],
                        "{} → {role}: {field}",
                        p.id
                    );
                }
                assert_eq!(ours["moves"], c["moves"], "{} → {role}", p.id);
                assert_eq!(ours["kinds"], c["kinds"], "{} → {role}", p.id);
                if ours["band"] == "ready-now" {
                    assert_eq!(c["milestones"]["left"], 0, "{} → {role}", p.id);
                    assert_eq!(c["moves"], 1);
                }
                if let Some(planned) = ours["planned"].as_object() {
                    assert_eq!(planned["date"], c["suggested_date"], "{} → {role}", p.id);
                    assert_eq!(planned["date_set"], c["date_from_plan"]);
                }
            }
        }
        // The plan's first step, one level up, is the next level plan show measures.
        let shown = common::json(common::rungs(dir.path()).args([
            "--profile",
            &p.id,
            "plan",
            "show",
            "--json",
        ]));
        let steps = shown["steps"].as_array().unwrap();
        for (i, step) in steps.iter().enumerate() {
            let role = step["role"].as_str().unwrap();
            let ours = &candidacies[role];
            assert_eq!(ours["planned"]["step"], i + 1, "{}: {role}", p.id);
        }
        if let Some(first) = steps.first() {
            let role = first["role"].as_str().unwrap();
            let (from, to) = (
                ladder.role_index(&p.current_role).unwrap(),
                ladder.role_index(role).unwrap(),
            );
            if ladder.role_level(to) == ladder.role_level(from) + 1 {
                let ours = &candidacies[role];
                for field in ["done", "total", "percent", "for_level"] {
                    assert_eq!(
                        ours["readiness"][field], shown["readiness"][field],
                        "{}: {field}",
                        p.id
                    );
                }
            }
        }
    }
}

#[test]
fn the_managers_own_role_comes_first_and_an_unknown_role_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    ten_reports(dir.path());
    let bench = common::json(common::rungs(dir.path()).args([
        "--profile",
        "report-09",
        "bench",
        "it-director",
        "--json",
    ]));
    let roles = bench["roles"].as_array().unwrap();
    assert_eq!(roles[0]["role"], "director-data");
    assert_eq!(roles[0]["why"][0]["kind"], "yours");
    assert_eq!(roles[1]["role"], "it-director");
    assert_eq!(roles[1]["why"][0]["kind"], "named");
    let text = common::rungs(dir.path())
        .args(["--profile", "report-09", "bench"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("your role (Report 09)"), "{text}");
    assert!(text.contains("ready now"), "{text}");
    assert!(text.contains("⚠ no one behind"), "{text}");
    common::rungs(dir.path())
        .args(["bench", "it-directr"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("it-director"));
}

#[test]
fn team_coverage_shows_each_gap_as_ratings_does_and_marks_the_shared_ones() {
    let dir = tempfile::tempdir().unwrap();
    let reports = ten_reports(dir.path());
    let team = common::json(common::rungs(dir.path()).args(["team", "--json"]));
    let grid = &team["ladders"][0];
    let people = grid["people"].as_array().unwrap();
    assert_eq!(people.len(), reports.len());
    let mut gaps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for person in people {
        let id = person["profile"].as_str().unwrap();
        let ratings =
            common::json(common::rungs(dir.path()).args(["--profile", id, "ratings", "--json"]));
        for (cell, rated) in person["cells"]
            .as_array()
            .unwrap()
            .iter()
            .zip(ratings.as_array().unwrap())
        {
            assert_eq!(cell["competency"], rated["id"]);
            let gap = rated["gap"].as_i64().map_or(0, |g| g.max(0));
            assert_eq!(cell["gap"], gap, "{id}: {}", rated["id"]);
            assert_eq!(cell["expected"], rated["expects"]["next"], "{id}");
            if gap > 0 {
                gaps.entry(rated["id"].as_str().unwrap().to_string())
                    .or_default()
                    .insert(id.to_string());
            }
        }
    }
    let shared: BTreeMap<String, BTreeSet<String>> = grid["shared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let ids = s["profiles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p.as_str().unwrap().to_string())
                .collect();
            (s["competency"].as_str().unwrap().to_string(), ids)
        })
        .collect();
    let expected: BTreeMap<String, BTreeSet<String>> =
        gaps.into_iter().filter(|(_, ids)| ids.len() >= 2).collect();
    assert!(!expected.is_empty());
    assert_eq!(
        shared, expected,
        "a gap two people or more have is the team's"
    );
    let text = common::rungs(dir.path())
        .arg("team")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("Gaps the team shares"), "{text}");
}

/// A person with evidence tagged to some of the competencies and milestones the next role
/// asks for, ratings, and a 1:1 with private notes.
fn person_with_evidence(dir: &Path) {
    common::rungs(dir)
        .args([
            "profile",
            "new",
            "Priya Sharma",
            "--role",
            "dev-lead",
            "--target",
            "cio",
        ])
        .assert()
        .success();
    common::rungs(dir)
        .args(["plan", "add", "engineering-manager"])
        .assert()
        .success();
    for args in [
        &[
            "log",
            "mentored two new developers",
            "--competency",
            "leadership",
        ][..],
        &[
            "log",
            "ran the quarterly budget review",
            "--competency",
            "business-acumen",
        ],
        &[
            "log",
            "handed the release to the team",
            "--milestone",
            "tl-delegation",
        ],
        &["log", "an entry tied to nothing"],
        &[
            "rate",
            "leadership",
            "meeting",
            "--by",
            "manager",
            "--note",
            "ran the offsite well",
        ],
        &["rate", "leadership", "exceeding", "--by", "self"],
        &[
            "session",
            "add",
            "--notes",
            "shared words",
            "--private",
            "SECRET-NOTE-25",
        ],
    ] {
        common::rungs(dir).args(args).assert().success();
    }
}

#[test]
fn the_case_lists_each_rising_competency_with_its_evidence_and_marks_those_without() {
    let dir = tempfile::tempdir().unwrap();
    person_with_evidence(dir.path());
    let diff = common::json(common::rungs(dir.path()).args([
        "diff",
        "dev-lead",
        "engineering-manager",
        "--json",
    ]));
    let raised: Vec<String> = diff["raised"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect();
    assert!(raised.len() >= 2);
    let out = common::rungs(dir.path())
        .args(["case", "--format", "markdown"])
        .assert()
        .success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        md.contains("→ Engineering manager"),
        "the next role by default: {md}"
    );
    // Each rising competency is a section; those with evidence list it, the others are marked.
    let sections: Vec<&str> = md.split("\n### ").skip(1).collect();
    for name in &raised {
        let section = sections
            .iter()
            .find(|s| s.split('\n').next().unwrap().contains(name.as_str()))
            .unwrap_or_else(|| panic!("{name} in {md}"));
        let evidence = match name.as_str() {
            "Leadership" => Some("mentored two new developers"),
            "Business acumen" => Some("ran the quarterly budget review"),
            _ => None,
        };
        match evidence {
            Some(text) => {
                assert!(section.contains(text), "{section}");
                assert!(!section.contains("no evidence logged"), "{section}");
            }
            None => {
                assert!(section.starts_with('⚠'), "{section}");
                assert!(
                    section.contains("⚠ **missing:** no evidence logged"),
                    "{section}"
                );
            }
        }
    }
    let leadership = sections
        .iter()
        .find(|s| s.contains("Leadership —"))
        .unwrap();
    assert!(
        leadership.contains("Self: exceeding")
            && leadership.contains("Manager: meeting")
            && leadership.contains("ran the offsite well"),
        "{leadership}"
    );
    assert!(
        md.contains("handed the release to the team"),
        "milestone evidence: {md}"
    );
    assert!(!md.contains("an entry tied to nothing"));

    // The JSON holds the same content.
    let case = common::json(common::rungs(dir.path()).args(["case", "--format", "json"]));
    let names: Vec<&str> = case["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, raised.iter().map(String::as_str).collect::<Vec<_>>());
    for c in case["competencies"].as_array().unwrap() {
        for e in c["evidence"].as_array().unwrap() {
            assert!(md.contains(e["text"].as_str().unwrap()));
        }
        let missing = c["missing"].as_array().unwrap();
        assert_eq!(
            missing.iter().any(|m| m == "no evidence logged"),
            c["evidence"].as_array().unwrap().is_empty()
        );
        for m in missing {
            assert!(md.contains(m.as_str().unwrap()), "{m} in the Markdown too");
        }
        if c["self"].is_null() && c["manager"].is_null() {
            // Unrated, the gap is unknown: the missing ratings say so, no guessed level.
            assert!(
                missing
                    .iter()
                    .all(|m| !m.as_str().unwrap().starts_with("shows")),
                "{missing:?}"
            );
            assert!(missing.iter().any(|m| m == "no self rating"));
        }
        for rater in ["self", "manager"] {
            if let Some(note) = c[rater]["note"].as_str().filter(|n| !n.is_empty()) {
                assert!(
                    md.contains(note),
                    "the rating's note {note:?} in the Markdown too"
                );
            }
        }
    }
    let compared =
        common::json(common::rungs(dir.path()).args(["compare", "engineering-manager", "--json"]));
    assert_eq!(case["readiness"]["done"], compared[0]["readiness"]["done"]);
    assert_eq!(
        case["milestones"].as_array().unwrap().len() as u64,
        compared[0]["milestones"]["total"].as_u64().unwrap(),
        "every milestone readiness counts"
    );
    // --target names another role.
    let further = common::json(
        common::rungs(dir.path()).args(["case", "--target", "cio", "--format", "json"]),
    );
    assert_eq!(further["target"], "cio");
    // A role below the one held is no promotion: refused, saying what to do.
    let out = common::rungs(dir.path())
        .args(["case", "--target", "developer"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("move down") && err.contains("--target"),
        "{err}"
    );
}

#[test]
fn private_notes_never_enter_the_case_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    person_with_evidence(dir.path());
    for format in ["markdown", "json"] {
        let out = common::rungs(dir.path())
            .args(["case", "--format", format])
            .assert()
            .success();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.get_output().stdout),
            String::from_utf8_lossy(&out.get_output().stderr)
        );
        assert!(!all.contains("SECRET-NOTE-25"), "{format}: {all}");
        let out = common::rungs(dir.path())
            .args(["case", "--format", format, "--include-private"])
            .assert()
            .success();
        assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("SECRET-NOTE-25"));
        assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("private notes"));
    }
    for args in [
        &["bench"][..],
        &["bench", "--json"],
        &["team"],
        &["team", "--json"],
    ] {
        let out = common::rungs(dir.path()).args(args).assert().success();
        assert!(!String::from_utf8_lossy(&out.get_output().stdout).contains("SECRET-NOTE-25"));
    }
}
