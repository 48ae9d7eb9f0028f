//! RUNGS_LOG writes a log file in the state folder, never to the terminal, and never what a
//! person wrote.
#![cfg(target_os = "linux")]

use crate::common;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn rungs(home: &Path) -> Command {
    let mut cmd = common::rungs_on(&home.join("data"), "2026-11-23");
    cmd.env("XDG_STATE_HOME", home.join("state"))
        .env("RUNGS_CONFIG", home.join("config.ron"))
        .env_remove("RUNGS_LOG");
    cmd
}

#[test]
fn with_rungs_log_events_go_to_the_state_folder_and_not_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let log = home.path().join("state/rungs/rungs.log");
    let quiet = rungs(home.path())
        .arg("print")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(!log.exists(), "no log unless asked for");

    rungs(home.path())
        .env("RUNGS_LOG", "debug")
        .arg("print")
        .assert()
        .success()
        .stdout(quiet)
        .stderr("");
    rungs(home.path())
        .env("RUNGS_LOG", "debug")
        .args(["profile", "new", "Ada Lovelace", "--role", "sysadmin"])
        .assert()
        .success()
        .stderr("");
    rungs(home.path())
        .env("RUNGS_LOG", "debug")
        .args(["log", "a secret only Ada knows"])
        .assert()
        .success()
        .stderr("");
    let text = std::fs::read_to_string(&log).unwrap();
    for event in [
        "rungs started",
        "command=\"print\"",
        "loaded a ladder",
        "elapsed_us=",
        "command=\"profile new\"",
        "saved a profile",
        "loaded a profile",
        "finished",
    ] {
        assert!(text.contains(event), "the log lacks {event}:\n{text}");
    }
    assert!(
        !text.contains("secret"),
        "the log holds what a person wrote:\n{text}"
    );
}

#[test]
fn help_shows_where_the_log_goes_and_a_bad_level_is_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let log = home.path().join("state/rungs/rungs.log");
    rungs(home.path()).arg("--help").assert().success().stdout(
        predicate::str::contains(log.display().to_string())
            .and(predicate::str::contains("RUNGS_LOG=debug")),
    );
    rungs(home.path())
        .env("RUNGS_LOG", "loud")
        .arg("ladders")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "RUNGS_LOG=\"loud\" is not a log level",
        ));
    assert!(!log.exists());
}
