//! Profiles survive saving, loading, broken files, crashes and concurrent writers.

use std::path::{Path, PathBuf};

use crate::common;

use assert_cmd::Command;
use common::{json, regex_escape};
use predicates::prelude::*;
use rungs::date::Date;
use rungs::profile::{
    Action, AgendaItem, Evidence, HeldRole, MilestoneProgress, Owner, Person, PlanChange,
    PlanEvent, PlanStep, Profile, ProfileError, Rater, Rating, RatingLevel, Session, Status, Store,
    TalkingPoint, Topic, profile_id, to_ron,
};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/profiles")
        .join(name)
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn rungs(data_dir: &Path) -> Command {
    common::rungs_on(data_dir, "2026-11-23")
}

/// A profile with every field holding something, including text that needs escaping.
fn full_profile() -> Profile {
    let mut p = Profile::new(
        "ada-lovelace".into(),
        "Ada \"Countess\" Lovelace".into(),
        "it-leadership".into(),
        "sysadmin".into(),
    );
    p.target_role = Some("cio".into());
    p.history.push(HeldRole {
        role: "service-desk-analyst".into(),
        from: Some(date("2020-01-01")),
        to: Some(date("2022-02-28")),
        note: "night shifts\nand weekends".into(),
    });
    p.plan.push(PlanStep {
        role: "data-lead".into(),
        target_date: Some(date("2027-01-31")),
        note: "ask Grace".into(),
    });
    p.milestones.insert(
        "ic-emotional-intelligence".into(),
        MilestoneProgress {
            seq: 0,
            status: Status::Doing,
            changed: date("2026-11-01"),
            due: Some(date("2026-12-01")),
            note: "工程师 course 🚀".into(),
        },
    );
    p.evidence.push(Evidence {
        id: 0,
        seq: 0,
        date: date("2026-11-02"),
        text: "led the DR test".into(),
        milestone: Some("ic-difficult-conversations".into()),
        competency: Some("leadership".into()),
    });
    p.mentors.push(Person {
        name: "Grace".into(),
        note: "monthly".into(),
    });
    p.mentees.push(Person {
        name: "Linus".into(),
        note: String::new(),
    });
    p.ratings.push(Rating {
        seq: 0,
        competency: "leadership".into(),
        by: Rater::Manager,
        level: RatingLevel::Exceeding,
        date: date("2026-10-10"),
        note: "n".into(),
    });
    p.sessions.push(Session {
        seq: 0,
        id: "2026-11-10".into(),
        date: date("2026-11-10"),
        notes: "shared".into(),
        agenda: vec![AgendaItem {
            of: None,
            topic: Topic::Milestone("ic-emotional-intelligence".into()),
            text: "Emotional intelligence — due soon".into(),
            ticked: true,
        }],
    });
    p.private_notes
        .insert("2026-11-10".into(), "private\nsecond line".into());
    p.actions.push(Action {
        id: 0,
        seq: 0,
        changed: 0,
        text: "book course".into(),
        owner: Owner::Named("Grace \"G\" Hopper".into()),
        due: Some(date("2026-12-01")),
        status: Status::Done,
        added: date("2026-11-10"),
        session: Some("2026-11-10".into()),
    });
    p.talking_points.push(TalkingPoint {
        id: 0,
        seq: 0,
        text: "the data platform".into(),
        by: Rater::Own,
        added: date("2026-11-12"),
        closed_in: None,
    });
    p.plan_changes.push(PlanChange {
        seq: 0,
        date: date("2026-11-01"),
        change: PlanEvent::Replanned(vec!["data-lead".into()]),
    });
    // As rungs holds it: every item with its id and its place in the sequence.
    rungs::profile::settled(p)
}

#[test]
fn every_field_survives_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let profile = full_profile();
    store.create(&profile).unwrap();
    assert_eq!(store.load("ada-lovelace").unwrap(), profile);
    // And a second save through update keeps it identical too.
    let ((), saved) = store.update("ada-lovelace", |_| Ok(())).unwrap();
    assert_eq!(saved, profile);
    assert_eq!(store.load("ada-lovelace").unwrap(), profile);
}

#[test]
fn the_format_1_fixture_loads_forever() {
    let source = std::fs::read_to_string(fixture("format-1.ron")).unwrap();
    let p = rungs::profile::parse(&source, &fixture("format-1.ron")).unwrap();
    // Read as format 1, held as the current format: nothing it said is lost on the way.
    assert_eq!(p.format, rungs::profile::PROFILE_FORMAT);
    assert_eq!(p.name, "Priya Sharma");
    assert_eq!(p.current_role, "dev-lead");
    assert_eq!(p.target_role.as_deref(), Some("cio"));
    assert_eq!(p.history[0].to, Some(date("2023-06-30")));
    assert_eq!(p.plan.len(), 2);
    assert_eq!(p.plan[0].target_date, Some(date("2027-09-01")));
    assert_eq!(p.milestones["tl-delegation"].status, Status::Doing);
    assert_eq!(p.milestones["tl-delegation"].due, Some(date("2026-12-31")));
    assert_eq!(p.evidence[1].competency.as_deref(), Some("business-acumen"));
    assert_eq!(p.mentors[0].name, "Grace Hopper");
    assert_eq!(p.ratings[1].by, Rater::Manager);
    assert_eq!(p.ratings[1].level, RatingLevel::Meeting);
    assert_eq!(p.sessions[0].id, "2026-11-10");
    assert_eq!(p.sessions[0].notes, "Talked about a move into data");
    assert_eq!(
        p.private_notes["2026-11-10"],
        "Possible successor for the platform lead"
    );
    let action = &p.actions[0];
    assert_eq!(action.text, "Book the negotiation course");
    assert_eq!(
        action.owner,
        Owner::Own,
        "\"Priya\" is the profile's own person"
    );
    assert_eq!(action.due, Some(date("2026-12-15")));
    assert_eq!(action.status, Status::Todo);
    assert_eq!(action.session.as_deref(), Some("2026-11-10"));
    // Saving writes the same data back — all but the private notes, which the store keeps in
    // a file of their own.
    let text = to_ron(&p).unwrap();
    assert!(!text.contains("Possible successor"), "{text}");
    let again = rungs::profile::parse(&text, Path::new("again.ron")).unwrap();
    let mut shared = p.clone();
    shared.private_notes.clear();
    assert_eq!(again, shared);
}

#[test]
fn saved_files_are_pretty_with_fields_in_a_fixed_order() {
    let text = to_ron(&full_profile()).unwrap();
    assert!(
        text.starts_with("(\n    format: 4,\n    next_id: (\n"),
        "{text}"
    );
    assert!(
        !text.contains("second line"),
        "private notes are never in it"
    );
    let order = [
        "format:",
        "next_id:",
        "id:",
        "name:",
        "ladder:",
        "current_role:",
        "target_role:",
        "history:",
        "plan:",
        "milestones:",
        "evidence:",
        "mentors:",
        "mentees:",
        "ratings:",
        "sessions:",
        "actions:",
        "talking_points:",
        "plan_changes:",
    ];
    let mut last = 0;
    for field in order {
        let at = text
            .find(&format!("\n    {field}"))
            .unwrap_or_else(|| panic!("{field} missing"));
        assert!(at >= last, "{field} out of order");
        last = at;
    }
}

#[test]
fn every_truncation_fails_with_a_position_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let profile = full_profile();
    store.create(&profile).unwrap();
    let path = store.path_of("ada-lovelace");
    let full = std::fs::read(&path).unwrap();
    let full_text = String::from_utf8(full.clone()).unwrap();
    for cut in 0..full.len() {
        let truncated = &full[..cut];
        // A cut inside a multi-byte character is not text at all; that is refused too.
        let still_whole =
            std::str::from_utf8(truncated).is_ok_and(|t| t.trim_end() == full_text.trim_end());
        std::fs::write(&path, truncated).unwrap();
        let loaded = store.load("ada-lovelace");
        if still_whole {
            assert!(loaded.is_ok(), "cut at {cut} only removed trailing space");
            continue;
        }
        match loaded {
            Err(ProfileError::Parse { line, col, .. }) => assert!(line >= 1 && col >= 1),
            Err(ProfileError::Unreadable { .. }) => {
                assert!(std::str::from_utf8(truncated).is_err(), "cut at {cut}")
            }
            other => panic!("cut at {cut}: expected a located parse error, got {other:?}"),
        }
        let changed = store.update("ada-lovelace", |p| {
            p.name = "overwritten".into();
            Ok(())
        });
        assert!(changed.is_err(), "cut at {cut}: the update must refuse");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            truncated,
            "cut at {cut}: bytes changed"
        );
    }
}

#[test]
fn a_write_command_on_a_broken_file_exits_2_with_the_position_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    rungs(dir.path())
        .args(["profile", "new", "Ada", "--role", "sysadmin"])
        .assert()
        .success();
    let path = dir.path().join("profiles/ada.ron");
    let full = std::fs::read(&path).unwrap();
    for cut in (1..full.len() - 2).step_by(37) {
        std::fs::write(&path, &full[..cut]).unwrap();
        let pattern = format!(
            "{}:[0-9]+:[0-9]+: ",
            regex_escape(&path.display().to_string())
        );
        rungs(dir.path())
            .args(["milestone", "ic-skill-gap", "done"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::is_match(pattern).unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), &full[..cut]);
    }
}

#[test]
fn a_newer_format_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("profiles")).unwrap();
    let path = dir.path().join("profiles/future.ron");
    let text = std::fs::read_to_string(fixture("format-1.ron"))
        .unwrap()
        .replace("format: 1,", "format: 7,\n    hologram: true,");
    std::fs::write(&path, &text).unwrap();
    rungs(dir.path())
        .args(["log", "x", "--profile", "future"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("format 7").and(predicate::str::contains("upgrade rungs")),
        );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn unknown_fields_are_refused_rather_than_dropped_on_save() {
    let source = std::fs::read_to_string(fixture("format-1.ron"))
        .unwrap()
        .replace("    mentors: [", "    mentros: [");
    let err = rungs::profile::parse(&source, Path::new("typo.ron")).unwrap_err();
    assert!(err.to_string().contains("mentros"), "{err}");
}

#[test]
fn two_processes_appending_fifty_entries_each_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    rungs(dir.path())
        .args(["profile", "new", "Ada", "--role", "sysadmin"])
        .assert()
        .success();
    let writers: Vec<_> = (0..2)
        .map(|writer| {
            let data = dir.path().to_path_buf();
            std::thread::spawn(move || {
                for i in 0..50 {
                    rungs(&data)
                        .args(["log", &format!("writer {writer} entry {i}")])
                        .assert()
                        .success();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let profile = Store::new(dir.path()).load("ada").unwrap();
    assert_eq!(profile.evidence.len(), 100);
    for writer in 0..2 {
        for i in 0..50 {
            let text = format!("writer {writer} entry {i}");
            assert!(
                profile.evidence.iter().any(|e| e.text == text),
                "{text} lost"
            );
        }
    }
}

#[test]
fn a_writer_waits_for_the_lock_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    rungs(dir.path())
        .args(["profile", "new", "Ada", "--role", "sysadmin"])
        .assert()
        .success();
    let store = Store::new(dir.path());
    let guard = store.lock("ada").unwrap();
    // The lock is let go only once the writer says it is waiting for it.
    let mut writer = std::process::Command::new(env!("CARGO_BIN_EXE_rungs"))
        .env("RUNGS_DATA_DIR", dir.path())
        .env("RUNGS_TODAY", "2026-11-23")
        .env("RUNGS_CONFIG", dir.path().join("no-config.ron"))
        .args(["log", "while locked"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut said = String::new();
    let mut stderr = std::io::BufReader::new(writer.stderr.take().unwrap());
    while !said.contains("waiting") {
        let mut line = String::new();
        let read = std::io::BufRead::read_line(&mut stderr, &mut line).unwrap();
        assert!(read > 0, "the writer ended without waiting: {said}");
        said.push_str(&line);
    }
    drop(guard);
    std::io::Read::read_to_string(&mut stderr, &mut said).unwrap();
    let status = writer.wait().unwrap();
    assert!(status.success(), "{said}");
    assert_eq!(store.load("ada").unwrap().evidence.len(), 1);
}

#[test]
fn names_that_could_escape_the_profiles_folder_are_refused() {
    for name in [
        "../x",
        "/etc/passwd",
        "a/../../b",
        "..",
        "a\\b",
        "a\0b",
        "\u{1b}[2J",
        "🙂",
    ] {
        assert!(
            matches!(profile_id(name), Err(ProfileError::InvalidName { .. })),
            "{name:?} should be refused"
        );
    }
    assert_eq!(profile_id("Ada Lovelace").unwrap(), "ada-lovelace");

    let outer = tempfile::tempdir().unwrap();
    let data = outer.path().join("data");
    for name in ["../escape", "/tmp/escape", "../../etc/x"] {
        rungs(&data)
            .args(["profile", "new", name, "--role", "sysadmin"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("cannot be a profile name"));
        rungs(&data)
            .args(["profile", "show", name])
            .assert()
            .code(2);
    }
    let entries: Vec<_> = std::fs::read_dir(outer.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        entries.iter().all(|e| e == "data"),
        "created outside the data dir: {entries:?}"
    );
}

#[test]
fn with_two_profiles_none_is_the_default_and_unknown_ones_get_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    rungs(dir.path())
        .args(["profile", "new", "Ada", "--role", "sysadmin"])
        .assert()
        .success();
    rungs(dir.path())
        .args([
            "profile",
            "new",
            "Grace",
            "--role",
            "developer",
            "--target",
            "cto",
        ])
        .assert()
        .success();
    // The file changed last (Grace's) decides nothing: with two, one must be chosen.
    rungs(dir.path())
        .args(["log", "first win"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ada, grace").and(predicate::str::contains("rungs use")));
    rungs(dir.path())
        .args(["log", "ada's win", "--profile", "Ada"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ada:"));
    rungs(dir.path())
        .args(["profile", "show", "grak"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean: grace"));
    let empty = tempfile::tempdir().unwrap();
    rungs(empty.path())
        .args(["profile", "show"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("rungs profile new"));
}

#[test]
fn set_role_moves_the_old_role_to_history_and_plan_auto_fills_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    rungs(dir.path())
        .args([
            "profile", "new", "Ada", "--role", "sysadmin", "--target", "cio",
        ])
        .assert()
        .success();
    rungs(dir.path()).args(["plan", "auto"]).assert().success();
    let plan = json(rungs(dir.path()).args(["plan", "show", "--json"]));
    let steps = plan["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 4);
    assert_eq!(steps[3]["role"], "cio");
    assert!(steps.iter().all(|s| s["kind"].is_string()));
    // Two corners and the generalist track (IT director), or three corners.
    let generalist_track = steps[..3].iter().any(|s| s["role"] == "it-director");
    assert!(plan["corners"].as_array().unwrap().len() + usize::from(generalist_track) >= 3);

    let first = steps[0]["role"].as_str().unwrap().to_string();
    rungs(dir.path())
        .args(["profile", "set", "--role", &first])
        .assert()
        .success();
    let shown = json(rungs(dir.path()).args(["profile", "show", "--json"]));
    assert_eq!(shown["profile"]["current_role"], first.as_str());
    assert_eq!(shown["profile"]["history"][0]["role"], "sysadmin");
    assert_eq!(shown["profile"]["history"][0]["to"], "2026-11-23");
    assert_eq!(
        shown["profile"]["plan"].as_array().unwrap().len(),
        3,
        "the move made left the plan"
    );

    rungs(dir.path())
        .args(["plan", "auto", "--alternative", "2"])
        .assert()
        .success();
    rungs(dir.path()).args(["plan", "clear"]).assert().success();
    let plan = json(rungs(dir.path()).args(["plan", "show", "--json"]));
    assert!(plan["steps"].as_array().unwrap().is_empty());
}

#[test]
fn asking_for_an_alternative_that_does_not_exist_says_how_many_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let ladder =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ladders/valid-small.ron");
    rungs(dir.path())
        .args([
            "profile", "new", "Ada", "--role", "operator", "--target", "lead", "--ladder",
        ])
        .arg(&ladder)
        .assert()
        .success();
    rungs(dir.path())
        .args(["plan", "auto", "--alternative", "2"])
        .assert()
        .success();
    rungs(dir.path())
        .args(["plan", "auto", "--alternative", "3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only 2 distinct paths"));
}

#[test]
fn milestones_log_and_readiness_show_in_list_show_and_export() {
    let dir = tempfile::tempdir().unwrap();
    rungs(dir.path())
        .args([
            "profile",
            "new",
            "Ada Lovelace",
            "--role",
            "sysadmin",
            "--target",
            "cio",
        ])
        .assert()
        .success();
    for m in [
        "ic-emotional-intelligence",
        "ic-conflict-resolution",
        "tl-time-management",
        "tl-delegation",
    ] {
        rungs(dir.path())
            .args(["milestone", m, "done", "--note", "evidence | with a pipe"])
            .assert()
            .success();
    }
    for m in ["tl-goal-setting", "ic-difficult-conversations"] {
        rungs(dir.path())
            .args(["milestone", m, "doing"])
            .assert()
            .success();
    }
    rungs(dir.path())
        .args(["milestone", "tl-goal-setng", "done"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean: tl-goal-setting"));
    rungs(dir.path())
        .args(["log", "ran the retro", "--competency", "leadership"])
        .assert()
        .success();
    rungs(dir.path())
        .args(["log", "x", "--competency", "leadrship"])
        .assert()
        .code(2);

    let list = json(rungs(dir.path()).args(["profile", "list", "--json"]));
    let ada = &list[0];
    assert_eq!(ada["id"], "ada-lovelace");
    assert_eq!(ada["next_level"], "tech-lead");
    // An individual contributor's readiness for tech lead is their own level's training.
    assert_eq!(ada["readiness"]["done"], 2);
    assert_eq!(ada["readiness"]["total"], 12);
    assert_eq!(ada["readiness"]["percent"], 16);
    assert_eq!(ada["readiness"]["for_level"], "tech-lead");
    assert_eq!(ada["readiness"]["held_level"], "ic");

    let shown = json(rungs(dir.path()).args(["profile", "show", "--json"]));
    let levels = shown["derived"]["readiness"].as_array().unwrap();
    assert_eq!(levels.len(), 5, "each level's own progress, as before");
    assert_eq!(levels[1]["done"], 2);
    assert_eq!(shown["derived"]["next_level_readiness"]["done"], 2);
    assert_eq!(shown["derived"]["business_facing_corners"]["total"], 6);
    assert_eq!(
        shown["profile"]["milestones"]["tl-goal-setting"]["status"],
        "Doing"
    );
    assert_eq!(shown["derived"]["breadth"][0], "infra");

    let md = rungs(dir.path())
        .args(["export"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(md).unwrap();
    assert!(md.starts_with("# Career plan — Ada Lovelace"), "{md}");
    assert!(md.contains("## Readiness"));
    assert!(
        md.contains("**Readiness for Tech lead: 16 %** (2 of 12) — counts the Individual contributor milestones (2 of 12 done)."),
        "{md}"
    );
    assert!(md.contains("| level | done | progress |"), "{md}");
    assert!(md.contains("| Tech lead | 2/14 | 14 % |"), "{md}");
    assert!(
        md.contains("2026-11-23 ✓ Time management — evidence \\| with a pipe"),
        "{md}"
    );
    let open = &md[md
        .find("## Open for Tech lead (what readiness counts)")
        .expect(&md)..];
    // Up to the next section (the learning path, which looks further ahead).
    let open = &open[..open[3..].find("\n## ").map_or(open.len(), |end| end + 3)];
    assert!(open.contains("◐ Difficult conversations"), "{md}");
    assert!(open.contains("○ A learning plan of your own"), "{md}");
    assert!(
        !open.contains("Goal setting"),
        "tech-lead training counts once Ada is a tech lead"
    );
    assert!(
        !open.contains("Emotional intelligence"),
        "done milestones are not open"
    );
    let exported = json(rungs(dir.path()).args(["export", "--format", "json"]));
    assert_eq!(exported["profile"]["id"], "ada-lovelace");
}

#[test]
fn a_level_without_milestones_is_zero_percent_not_a_division_by_zero() {
    let dir = tempfile::tempdir().unwrap();
    let ladder =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ladders/minimal.ron");
    rungs(dir.path())
        .args(["profile", "new", "Solo", "--role", "operator", "--ladder"])
        .arg(&ladder)
        .assert()
        .success();
    let list = json(rungs(dir.path()).args(["profile", "list", "--json"]));
    assert_eq!(list[0]["readiness"]["total"], 0);
    assert_eq!(list[0]["readiness"]["percent"], 0);
    rungs(dir.path())
        .args(["profile", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("no milestones"));
}

#[test]
fn a_tech_leads_readiness_for_manager_counts_the_tech_lead_milestones() {
    let dir = tempfile::tempdir().unwrap();
    rungs(dir.path())
        .args(["profile", "new", "Priya", "--role", "dev-lead"])
        .assert()
        .success();
    for m in ["tl-delegation", "tl-goal-setting", "mgr-vendor-management"] {
        rungs(dir.path())
            .args(["milestone", m, "done"])
            .assert()
            .success();
    }
    // Every individual-contributor milestone but one is done: that one is still owed.
    let ladder = rungs::ladder::load_str(rungs::ladder::BUNDLED[0].1, "bundled").unwrap();
    for m in ladder.levels()[0].milestones.iter().skip(1) {
        rungs(dir.path())
            .args(["milestone", &m.id, "done"])
            .assert()
            .success();
    }
    let tl: Vec<&str> = ladder.levels()[1]
        .milestones
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    let list = json(rungs(dir.path()).args(["profile", "list", "--json"]));
    let r = &list[0]["readiness"];
    assert_eq!(r["for_level"], "manager");
    assert_eq!(r["held_level"], "tech-lead");
    assert_eq!(
        r["done"], 2,
        "the manager milestone done does not count yet"
    );
    assert_eq!(r["total"], tl.len() + 1);
    let counted: Vec<&str> = r["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(&counted[..tl.len()], &tl[..]);
    assert_eq!(counted[tl.len()], "ic-emotional-intelligence");
    assert_eq!(r["levels"][1]["open_only"], true);

    let shown = rungs(dir.path())
        .args(["profile", "show"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let shown = String::from_utf8(shown).unwrap();
    assert!(
        shown.contains(&format!(
            "counts the Tech lead milestones (2 of {} done), and 1 from Individual contributor still open",
            tl.len()
        )),
        "{shown}"
    );
    assert!(shown.contains("Progress by level"), "{shown}");

    rungs(dir.path())
        .args(["milestone", "mgr-innovation", "doing"])
        .assert()
        .success()
        .stdout(predicate::str::contains("readiness for Manager: 2/"))
        .stdout(predicate::str::contains(
            "Innovation is Manager training: it counts toward readiness once you hold a role at that level",
        ));
    rungs(dir.path())
        .args(["plan", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("readiness for Manager: 2/"));
}
