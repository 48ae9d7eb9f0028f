//! A manager's week with three reports, through the real binary: whose profile a command
//! writes is always explicit (`rungs use`, `--profile` with a prefix), evidence is corrected
//! and removed by id, every rating is listed with its note, and `rungs session show` gives
//! minutes worth keeping.

use std::path::Path;
use std::time::{Duration, SystemTime};

use predicates::prelude::*;
use rungs::profile::Store;

use crate::common::{self, rungs, rungs_on};

/// Priya, Sam and Mia, made in that order, none chosen.
fn team() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, role) in [
        ("Priya Sharma", "dev-lead"),
        ("Sam Okafor", "developer"),
        ("Mia Chen", "sysadmin"),
    ] {
        rungs(dir.path())
            .args(["profile", "new", name, "--role", role, "--target", "cio"])
            .assert()
            .success();
    }
    dir
}

fn evidence_texts(dir: &Path, id: &str) -> Vec<String> {
    let profile = Store::new(dir).load(id).unwrap();
    profile.evidence.iter().map(|e| e.text.clone()).collect()
}

/// Makes `id`'s file the one changed last, as a `touch`, `git pull` or `cp` would.
fn touch(dir: &Path, id: &str) {
    let file = std::fs::File::options()
        .append(true)
        .open(dir.join("profiles").join(format!("{id}.ron")))
        .unwrap();
    file.set_modified(SystemTime::now() + Duration::from_secs(3600))
        .unwrap();
}

#[test]
fn with_several_profiles_a_command_writes_only_to_the_one_chosen_never_to_the_file_changed_last() {
    let dir = team();
    touch(dir.path(), "sam-okafor");
    rungs(dir.path())
        .args(["log", "Finished the Q4 budget review"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("mia-chen, priya-sharma, sam-okafor")
                .and(predicate::str::contains("rungs use NAME")),
        );
    for id in ["priya-sharma", "sam-okafor", "mia-chen"] {
        assert!(
            evidence_texts(dir.path(), id).is_empty(),
            "{id} was written"
        );
    }

    rungs(dir.path())
        .args(["use", "priya"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Priya Sharma (priya-sharma)"));
    rungs(dir.path()).arg("use").assert().success().stdout(
        predicate::str::contains("priya-sharma").and(predicate::str::contains("rungs use")),
    );
    touch(dir.path(), "sam-okafor");
    rungs(dir.path())
        .args(["log", "Ran the incident review"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("priya-sharma: logged"));
    touch(dir.path(), "mia-chen");
    rungs(dir.path())
        .args(["log", "Mentored a new hire"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("priya-sharma: logged"));
    assert_eq!(
        evidence_texts(dir.path(), "priya-sharma"),
        ["Ran the incident review", "Mentored a new hire"]
    );
    assert!(evidence_texts(dir.path(), "sam-okafor").is_empty());
    assert!(evidence_texts(dir.path(), "mia-chen").is_empty());
    // --profile still wins over the choice, and does not change it.
    rungs(dir.path())
        .args(["--profile", "sam", "log", "Shipped the login fix"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("sam-okafor: logged"));
    rungs(dir.path())
        .arg("use")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Priya Sharma (priya-sharma)"));
}

#[test]
fn a_profile_is_named_by_any_unambiguous_prefix_and_an_ambiguous_one_names_the_candidates() {
    let dir = team();
    rungs(dir.path())
        .args(["profile", "new", "Sami Lee", "--role", "developer"])
        .assert()
        .success();
    rungs(dir.path())
        .args(["--profile", "Priya", "profile", "show"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Priya Sharma"));
    rungs(dir.path())
        .args(["--profile", "sam-o", "profile", "show"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Sam Okafor"));
    for command in [&["--profile", "sam", "log", "x"][..], &["use", "sam"][..]] {
        rungs(dir.path())
            .args(command)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("sam-okafor, sami-lee"));
    }
    // The choice was not made by the refused `use`.
    rungs(dir.path())
        .args(["log", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("none chosen"));
    // With one profile, it is that one.
    let single = tempfile::tempdir().unwrap();
    rungs(single.path())
        .args(["profile", "new", "Ada Lovelace", "--role", "developer"])
        .assert()
        .success();
    rungs(single.path())
        .args(["log", "a win"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ada-lovelace: logged"));
}

#[test]
fn evidence_remove_takes_out_exactly_that_entry_and_the_exports_no_longer_show_it() {
    let dir = team();
    rungs(dir.path()).args(["use", "priya"]).assert().success();
    for (text, tie) in [
        ("Led the DR test", Some("ic-emotional-intelligence")),
        ("Finished the Q4 budget review", None),
        ("Ran the retro", None),
    ] {
        let mut cmd = rungs(dir.path());
        cmd.args(["log", text]);
        if let Some(m) = tie {
            cmd.args(["--milestone", m]);
        }
        cmd.assert().success();
    }
    let listed = common::json(rungs(dir.path()).args(["evidence", "list", "--json"]));
    let ids: Vec<u64> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_u64().unwrap())
        .collect();
    assert_eq!(listed[0]["about"], "Emotional intelligence");
    // The text list shows titles, not ids.
    rungs(dir.path())
        .args(["evidence", "list"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("[Emotional intelligence]")
                .and(predicate::str::contains("ic-emotional-intelligence").not()),
        );
    let wrong = ids[1];
    rungs(dir.path())
        .args(["evidence", "remove", "99"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "{}, {}, {}",
            ids[0], ids[1], ids[2]
        )));
    rungs(dir.path())
        .args(["evidence", "remove", &wrong.to_string()])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("priya-sharma: evidence entry"));
    rungs(dir.path())
        .args([
            "evidence",
            "edit",
            &ids[2].to_string(),
            "Ran the team retro",
        ])
        .assert()
        .success();
    assert_eq!(
        evidence_texts(dir.path(), "priya-sharma"),
        ["Led the DR test", "Ran the team retro"]
    );
    let markdown = rungs(dir.path()).args(["export"]).assert().success();
    let markdown = String::from_utf8_lossy(&markdown.get_output().stdout).to_string();
    assert!(!markdown.contains("Q4 budget"), "{markdown}");
    assert!(markdown.contains("Ran the team retro"), "{markdown}");
    assert!(markdown.contains("(Emotional intelligence)"), "{markdown}");
    let json = rungs(dir.path())
        .args(["export", "--format", "json"])
        .assert()
        .success();
    assert!(!String::from_utf8_lossy(&json.get_output().stdout).contains("Q4 budget"));
    // The ids left keep their numbers.
    let left = common::json(rungs(dir.path()).args(["evidence", "list", "--json"]));
    let left: Vec<u64> = left
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_u64().unwrap())
        .collect();
    assert_eq!(left, [ids[0], ids[2]]);
}

#[test]
fn ratings_history_lists_every_rating_with_its_date_rater_and_note_and_the_scale_is_a_list() {
    let dir = team();
    rungs(dir.path()).args(["use", "priya"]).assert().success();
    rungs_on(dir.path(), "2026-10-01")
        .args(["rate", "leadership", "working towards", "--by", "manager"])
        .args(["--note", "still learning to delegate"])
        .assert()
        .success();
    rungs_on(dir.path(), "2026-11-20")
        .args(["rate", "leadership", "meeting", "--by", "manager"])
        .args(["--note", "ran the offsite"])
        .assert()
        .success();
    rungs(dir.path())
        .args(["rate", "leadership", "meets", "--by", "self"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("below").and(predicate::str::contains("exceeding")));
    let history = common::json(rungs(dir.path()).args(["ratings", "--history", "--json"]));
    let rows: Vec<(String, String, String)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["date"].as_str().unwrap().to_string(),
                r["level"].as_str().unwrap().to_string(),
                r["note"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "2026-10-01".into(),
                "working-towards".into(),
                "still learning to delegate".into()
            ),
            (
                "2026-11-20".into(),
                "meeting".into(),
                "ran the offsite".into()
            ),
        ]
    );
    assert_eq!(history[0]["by"], "manager");
    rungs(dir.path())
        .args(["ratings", "--history"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains(
                "2026-10-01  Leadership  by manager  working towards — still learning to delegate",
            )
            .and(predicate::str::contains("ran the offsite")),
        );
}

#[test]
fn session_show_gives_minutes_with_what_was_discussed_agreed_completed_and_rated() {
    let dir = team();
    let at = |day| rungs_on(dir.path(), day);
    rungs(dir.path()).args(["use", "priya"]).assert().success();
    at("2026-11-10")
        .args([
            "action",
            "add",
            "Send Priya the EM job description",
            "--owner",
            "manager",
        ])
        .assert()
        .success();
    at("2026-11-10")
        .args(["session", "add", "--notes", "Talked about the EM role"])
        .args(["--private", "watch for burnout"])
        .assert()
        .success();
    at("2026-11-12")
        .args(["action", "done", "1"])
        .assert()
        .success();
    at("2026-11-25")
        .args(["agenda", "add", "The on-call rota"])
        .assert()
        .success();
    at("2026-11-25")
        .args([
            "rate",
            "leadership",
            "meeting",
            "--by",
            "manager",
            "--note",
            "led the offsite",
        ])
        .assert()
        .success();
    at("2026-11-25")
        .args(["session", "add", "--notes", "Agreed a rota trial"])
        .args(["--action", "Draft the rota proposal"])
        .assert()
        .success();
    // The manager ticks the topic as discussed (the planner's space).
    Store::new(dir.path())
        .update("priya-sharma", |p| {
            let session = p.sessions.last_mut().unwrap();
            for item in &mut session.agenda {
                if item.text.contains("on-call rota") {
                    item.ticked = true;
                }
            }
            Ok(())
        })
        .unwrap();

    let shown = at("2026-11-25")
        .args(["session", "show", "--format", "markdown"])
        .assert()
        .success();
    let minutes = String::from_utf8_lossy(&shown.get_output().stdout).to_string();
    assert!(
        minutes.contains("# 1:1 with Priya Sharma — 2026-11-25"),
        "{minutes}"
    );
    assert!(minutes.contains("- ✓ The on-call rota"), "{minutes}");
    assert!(minutes.contains("> Agreed a rota trial"), "{minutes}");
    let agreed = minutes.split("## Actions agreed").nth(1).unwrap();
    assert!(
        agreed.contains("- [ ] 2. Draft the rota proposal"),
        "{minutes}"
    );
    let completed = minutes
        .split("## Actions completed since the 1:1 of 2026-11-10")
        .nth(1);
    assert!(
        completed.is_some_and(|c| c.contains("- [x] 1. Send Priya the EM job description")),
        "{minutes}"
    );
    assert!(
        minutes.contains("- Leadership: meeting (by manager) — led the offsite"),
        "{minutes}"
    );
    // The action done since is not an open item on this session's agenda.
    assert!(!minutes.contains("[ ] 1."), "{minutes}");
    assert!(
        !minutes.contains("burnout"),
        "private note without asking: {minutes}"
    );

    // The earlier session, by id, with its private note only when asked for.
    let json =
        common::json(at("2026-11-25").args(["session", "show", "2026-11-10", "--format", "json"]));
    assert_eq!(json["notes"], "Talked about the EM role");
    assert!(json.get("private_notes").is_none());
    let json = common::json(at("2026-11-25").args([
        "session",
        "show",
        "2026-11-10",
        "--format",
        "json",
        "--include-private",
    ]));
    assert_eq!(json["private_notes"], "watch for burnout");
    at("2026-11-25")
        .args(["session", "show", "2026-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2026-11-10, 2026-11-25"));
}

#[test]
fn the_roster_lists_me_apart_from_my_reports_and_owners_read_as_names() {
    let dir = team();
    rungs(dir.path())
        .args([
            "profile",
            "new",
            "Ada Lovelace",
            "--role",
            "engineering-manager",
        ])
        .assert()
        .success();
    let config = dir.path().join("config.ron");
    std::fs::write(&config, "(me: \"ada\")").unwrap();
    let roster = rungs(dir.path())
        .env("RUNGS_CONFIG", &config)
        .args(["roster", "--sort", "name"])
        .assert()
        .success();
    let roster = String::from_utf8_lossy(&roster.get_output().stdout).to_string();
    let lines: Vec<&str> = roster.lines().collect();
    assert!(lines[0].starts_with("you: Ada Lovelace"), "{roster}");
    assert!(!lines[0].contains("1:1"), "{roster}");
    assert_eq!(lines[1], "your reports:", "{roster}");
    assert!(lines[2].starts_with("Mia Chen"), "{roster}");
    assert_eq!(lines.len(), 5, "{roster}");
    let json = common::json(
        rungs(dir.path())
            .env("RUNGS_CONFIG", &config)
            .args(["roster", "--json"]),
    );
    let mine: Vec<(&str, bool)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r["me"].as_bool().unwrap()))
        .collect();
    assert_eq!(mine[0], ("ada-lovelace", true));
    assert!(mine[1..].iter().all(|(_, me)| !me), "{mine:?}");
    // Without `me`, everyone is a report, as before.
    rungs(dir.path())
        .args(["roster"])
        .assert()
        .success()
        .stdout(predicate::str::contains("you:").not());

    // An owner typed as the person's name (or self) is the person, shown by name.
    rungs(dir.path()).args(["use", "priya"]).assert().success();
    for owner in ["Priya", "self"] {
        rungs(dir.path())
            .args(["action", "add", "Book the course", "--owner", owner])
            .assert()
            .success()
            .stdout(predicate::str::contains("Book the course — Priya"));
    }
    rungs(dir.path())
        .args([
            "action",
            "add",
            "Send the job description",
            "--owner",
            "manager",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Send the job description — manager",
        ));
}

#[test]
fn a_format_3_profile_loads_and_its_first_change_writes_format_4_keeping_everything() {
    let dir = team();
    rungs(dir.path()).args(["use", "priya"]).assert().success();
    rungs(dir.path())
        .args([
            "session",
            "add",
            "--notes",
            "first talk",
            "--action",
            "Book the course",
        ])
        .assert()
        .success();
    let path = dir.path().join("profiles/priya-sharma.ron");
    // Format 3 is format 4 without the day of the next 1:1: the file the last release wrote.
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("format: 4,"), "{written}");
    assert!(
        !written.contains("next_session"),
        "an unset day is not written: {written}"
    );
    let format_3 = written.replace("format: 4,", "format: 3,");
    std::fs::write(&path, &format_3).unwrap();
    let before = Store::new(dir.path()).load("priya-sharma").unwrap();
    rungs(dir.path())
        .args(["session", "next", "2026-12-09"])
        .assert()
        .success()
        .stdout("priya-sharma: next 1:1 on 2026-12-09\n");
    let after_text = std::fs::read_to_string(&path).unwrap();
    assert!(after_text.starts_with("(\n    format: 4,"), "{after_text}");
    assert!(
        after_text.contains("next_session: \"2026-12-09\""),
        "{after_text}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("profiles/priya-sharma.ron.bak")).unwrap(),
        format_3,
        "the format-3 file is the backup"
    );
    let after = Store::new(dir.path()).load("priya-sharma").unwrap();
    assert_eq!(after.sessions, before.sessions);
    assert_eq!(after.actions, before.actions);
    assert_eq!(after.next_id, before.next_id);
    // The minutes of the latest session give the next 1:1's day.
    rungs(dir.path())
        .args(["session", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("**Next 1:1:** 2026-12-09"));
    let json = common::json(rungs(dir.path()).args(["session", "show", "--format", "json"]));
    assert_eq!(json["next_session"], "2026-12-09");
    rungs(dir.path())
        .args(["session", "next", "2031-01-01"])
        .assert()
        .code(2);
    rungs(dir.path())
        .args(["session", "next", "--clear"])
        .assert()
        .success()
        .stdout("priya-sharma: no next 1:1 set\n");
}
