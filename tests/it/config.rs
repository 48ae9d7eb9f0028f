//! config.ron: where it is, what it changes, and that a broken one never stops rungs.

use crate::common;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn rungs(data: &Path, config: &Path) -> Command {
    let mut cmd = common::rungs_on(data, "2026-11-23");
    cmd.env("RUNGS_CONFIG", config);
    cmd
}

fn new_profile(data: &Path, config: &Path, name: &str) {
    rungs(data, config)
        .args(["profile", "new", name, "--role", "sysadmin"])
        .assert()
        .success();
}

#[test]
fn config_path_prints_the_file_and_init_writes_one_that_reads_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("settings/config.ron");
    rungs(dir.path(), &config)
        .args(["config", "path"])
        .assert()
        .success()
        .stdout(format!("{}\n", config.display()))
        .stderr(predicate::str::contains("does not exist yet"));
    rungs(dir.path(), &config)
        .args(["config", "init"])
        .assert()
        .success();
    rungs(dir.path(), &config)
        .args(["config", "path"])
        .assert()
        .success()
        .stderr("");
    rungs(dir.path(), &config)
        .args(["config", "init"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass --force"));
}

#[cfg(target_os = "linux")]
#[test]
fn the_config_lives_in_the_platform_config_folder() {
    let dir = tempfile::tempdir().unwrap();
    Command::cargo_bin("rungs")
        .unwrap()
        .env_remove("RUNGS_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["config", "path"])
        .assert()
        .success()
        .stdout(format!(
            "{}\n",
            dir.path().join("rungs/config.ron").display()
        ));
}

#[test]
fn a_broken_config_is_a_warning_with_line_and_column_and_rungs_runs_on_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.ron");
    std::fs::write(
        &config,
        "(\n    default_profile: \"ada\"\n    colors: (),\n)\n",
    )
    .unwrap();
    rungs(dir.path(), &config)
        .args(["print", "--width", "80"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Chief Information Officer"))
        .stderr(
            predicate::str::contains(format!("rungs: warning: {}:3:5:", config.display()))
                .and(predicate::str::contains("running on the default settings")),
        );

    std::fs::write(&config, "(colors: (target: \"pruple\"))").unwrap();
    rungs(dir.path(), &config)
        .arg("ladders")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            ":1:19: \"pruple\" is not a colour",
        ));
}

#[test]
fn the_default_profile_is_used_unless_profile_is_given_and_a_stale_one_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.ron");
    new_profile(dir.path(), &config, "Ada Lovelace");
    new_profile(dir.path(), &config, "Grace Hopper");
    // Without a config or a `rungs use`, two profiles leave the choice to the person.
    rungs(dir.path(), &config)
        .args(["profile", "show"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ada-lovelace, grace-hopper"));

    std::fs::write(&config, "(default_profile: \"ada-lovelace\")").unwrap();
    rungs(dir.path(), &config)
        .args(["log", "a win"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ada-lovelace: logged"));
    rungs(dir.path(), &config)
        .args(["--profile", "grace-hopper", "profile", "show"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Grace Hopper"));

    // A choice made with `rungs use` wins over the config's default.
    rungs(dir.path(), &config)
        .args(["use", "grace"])
        .assert()
        .success();
    rungs(dir.path(), &config)
        .args(["log", "a win"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("grace-hopper: logged"));
    std::fs::remove_file(dir.path().join("state/profile.ron")).unwrap();

    // A stale default is ignored with a warning, and never replaced by a guess.
    std::fs::write(&config, "(default_profile: \"nobody\")").unwrap();
    rungs(dir.path(), &config)
        .args(["profile", "show"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("default_profile \"nobody\" cannot be used")
                .and(predicate::str::contains("none chosen")),
        );
    // A command that uses no profile does not care.
    rungs(dir.path(), &config)
        .args(["print", "--width", "60"])
        .assert()
        .success()
        .stderr("");
}
